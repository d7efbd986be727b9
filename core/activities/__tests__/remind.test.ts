import { expectError } from '../../../tests/integration/support';
import { MEMBER, MEMBER_3, MEMBER_4, SECRETARY } from '../../../tests/support/demo';
import { createHarness, type Harness } from '../../../tests/support/harness';

const MIN = 60_000;
const START = Date.parse('2026-11-23T06:00:00.000Z');

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const reminded = async (activityId: string) =>
  (await h.store.query('notices', { limit: 1000 }))
    .filter((n) => n.kind === 'activity.remind' && n.link?.endsWith(`id=${activityId}`))
    .map((n) => n.memberId)
    .sort();

async function activityExpecting(memberIds: string[]) {
  const { id } = await h.call(SECRETARY, 'activity', 'create', {
    orgId: 'org-branch-1',
    kind: 'theme_day',
    title: '重温入党誓词主题党日',
    startAt: new Date(START).toISOString(),
    endAt: new Date(START + 120 * MIN).toISOString(),
    expectedMemberIds: memberIds,
  });
  return id;
}

describe('提醒未签到', () => {
  it('tells the expected members not yet signed in, not those signed in or on leave, once per 10 minutes', async () => {
    const id = await activityExpecting(['member-003', 'member-004', 'member-005']);
    // 赵丽娟 (member-005) asks for leave and is let off.
    await h.call(MEMBER_4, 'activity', 'requestLeave', { id, reason: '单位值班，无法参加' });
    await h.call(SECRETARY, 'activity', 'reviewLeave', { id, memberId: 'member-005', decision: 'approve' });

    await expectError(h, SECRETARY, 'activity', 'remind', { id }, 'CONFLICT');
    expect(await reminded(id)).toEqual([]);

    h.now.value = new Date(START - 5 * MIN);
    const { token } = await h.call(SECRETARY, 'activity', 'code', { id });
    await h.call(MEMBER_3, 'activity', 'checkin', { token });

    expect(await h.call(SECRETARY, 'activity', 'remind', { id })).toEqual({ notYet: 1, notified: 1 });
    expect(await reminded(id)).toEqual(['member-003']);
    const [notice] = (await h.call(MEMBER, 'notice', 'list')).items.filter((n) => n.kind === 'activity.remind');
    expect(notice).toMatchObject({ title: '重温入党誓词主题党日正在签到，请尽快到场扫码签到', read: false });

    // A second tap at once tells nobody again; ten minutes on, it tells them again.
    expect(await h.call(SECRETARY, 'activity', 'remind', { id })).toEqual({ notYet: 1, notified: 0 });
    h.now.value = new Date(START + 6 * MIN);
    expect(await h.call(SECRETARY, 'activity', 'remind', { id })).toEqual({ notYet: 1, notified: 1 });
    expect(await reminded(id)).toEqual(['member-003', 'member-003']);
  });

  it('is for those who run the activity, and not once signing in has closed', async () => {
    const id = await activityExpecting(['member-003']);
    h.now.value = new Date(START - 5 * MIN);
    await expectError(h, MEMBER, 'activity', 'remind', { id }, 'FORBIDDEN');
    await expectError(h, 'demo-admin', 'activity', 'remind', { id: 'act-nowhere' }, 'NOT_FOUND');
    h.now.value = new Date(START + 200 * MIN);
    await expectError(h, SECRETARY, 'activity', 'remind', { id }, 'CONFLICT');
    expect(await reminded(id)).toEqual([]);
  });
});
