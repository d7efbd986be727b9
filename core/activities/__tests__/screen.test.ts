import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { ADMIN, MEMBER, MEMBER_3, MEMBER_4, OFFICER, SECRETARY } from '../../../tests/support/demo';

/** What 签到大屏 shows besides the code: the branch's name and the latest names signing in. */

const NOW_ACT = 'act-demo-now';
const GROUP_ACT = 'act-demo-group';
const START = Date.parse('2026-11-23T02:00:00.000Z') + 10 * 60_000;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

async function signIn(openid: string): Promise<void> {
  const { token } = await h.call(SECRETARY, 'activity', 'code', { id: NOW_ACT });
  await h.call(openid, 'activity', 'checkin', { token });
}

describe('签到大屏', () => {
  it('an activity names its branch, a group’s too', async () => {
    expect(await h.call(SECRETARY, 'activity', 'get', { id: NOW_ACT })).toMatchObject({
      orgName: '第一党支部',
      branchName: '第一党支部',
    });
    const group = await h.call(SECRETARY, 'activity', 'get', { id: GROUP_ACT });
    expect(group.orgId).not.toBe(group.branchId);
    expect(group.branchName).toBe('第一党支部');
    expect(group.orgName).not.toBe(group.branchName);
  });

  it('live lists the names signing in, newest first, to those who run it only', async () => {
    h.now.value = new Date(START);
    for (const [i, who] of [MEMBER, MEMBER_3, MEMBER_4].entries()) {
      h.now.value = new Date(START + i * 60_000);
      await signIn(who);
    }
    const live = await h.call(OFFICER, 'activity', 'live', { id: NOW_ACT });
    expect(live.signedIn.slice(0, 3).map((i) => i.name)).toEqual(['赵丽娟', '刘洋', '陈秀英']);
    const times = live.signedIn.map((i) => i.at ?? '');
    expect(times).toEqual([...times].sort().reverse());

    await expectError(h, MEMBER, 'activity', 'live', { id: NOW_ACT }, 'FORBIDDEN');
    // The committee admin sees it too.
    expect((await h.call(ADMIN, 'activity', 'live', { id: NOW_ACT })).signedIn[0].name).toBe('赵丽娟');
  });
});
