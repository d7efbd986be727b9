import { DEFAULT_DEVELOP_STEPS } from '../../../contracts/develop';
import { expectError } from '../../../tests/integration/support';
import { ADMIN, MEMBER, SECRETARY } from '../../../tests/support/demo';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { STEP_DATES as DATES } from './step-dates';

let h: Harness;

beforeEach(async () => {
  // 2026-11-23 10:00 China time.
  h = await createHarness({ at: '2026-11-23T02:00:00.000Z' });
});

afterEach(() => h.close());

const CODES = DEFAULT_DEVELOP_STEPS.map((s) => s.code);

/** Opens a file in `orgId` and records every step before `until`. */
async function fileUpTo(name: string, until: string, orgId = 'org-branch-1', openid = SECRETARY) {
  const { id } = await h.call(openid, 'develop', 'start', { orgId, name, appliedAt: '2024-03-01' });
  for (const step of CODES.slice(CODES.indexOf('talk'), CODES.indexOf(until)))
    await h.call(openid, 'develop', 'recordStep', { id, step, at: DATES[step] });
  return id;
}

describe('发展党员 across the committee', () => {
  it('counts open files by branch and stage, the overdue as the board flags them, and who is due for 转正', async () => {
    const due = await fileUpTo('林晓东', 'probation');
    await fileUpTo('高雅琴', 'cultivate');
    await fileUpTo('许文杰', 'fullVote');
    await fileUpTo('马骏', 'talk', 'org-branch-2', ADMIN);

    const { branches, dueForFull } = await h.call(ADMIN, 'develop', 'pipeline', { committeeId: 'org-committee' });
    const first = branches.find((b) => b.orgId === 'org-branch-1');
    const second = branches.find((b) => b.orgId === 'org-branch-2');
    expect(first).toMatchObject({ name: '第一党支部', stages: [0, 1, 0, 0, 2], total: 3 });
    expect(second).toMatchObject({ stages: [1, 0, 0, 0, 0], total: 1 });
    for (const branch of [first, second]) {
      const board = await h.call(ADMIN, 'develop', 'board', { orgId: branch?.orgId ?? '' });
      expect(branch?.overdue).toBe(board.items.filter((item) => item.overdue).length);
    }
    // 林晓东's 预备期 ended on 2026-06-10 and is not yet recorded; 许文杰's is, 高雅琴 is not yet a 预备党员.
    expect(dueForFull).toEqual([
      { id: due, name: '林晓东', orgId: 'org-branch-1', orgName: '第一党支部', probationEnds: '2026-06-10' },
    ]);
  });

  it('lists a 预备期 ending later this month, not one ending next month', async () => {
    const id = await fileUpTo('林晓东', 'probation');
    h.now.value = new Date('2026-05-31T16:30:00.000Z'); // 00:30 on 1 June in China: the 预备期 ends on the 10th
    expect((await h.call(ADMIN, 'develop', 'pipeline', { committeeId: 'org-committee' })).dueForFull).toEqual([
      expect.objectContaining({ id }),
    ]);
    h.now.value = new Date('2026-05-31T15:30:00.000Z'); // 23:30 on 31 May in China
    expect((await h.call(ADMIN, 'develop', 'pipeline', { committeeId: 'org-committee' })).dueForFull).toEqual([]);
  });

  it('not due for 转正 while the 上级党委 has not approved the admission, however long ago the 支部大会', async () => {
    // The 支部大会 of 2025-06-10 admitted her; the approval (due by 2025-09-10) is still not recorded.
    const waiting = await fileUpTo('赵敏', 'admissionApproval');
    const { branches, dueForFull } = await h.call(ADMIN, 'develop', 'pipeline', { committeeId: 'org-committee' });
    expect(dueForFull).toEqual([]);
    expect(branches.find((b) => b.orgId === 'org-branch-1')).toMatchObject({ stages: [0, 0, 0, 1, 0], overdue: 1 });
    await h.call(SECRETARY, 'develop', 'recordStep', { id: waiting, step: 'admissionApproval', at: '2025-12-01' });
    expect((await h.call(ADMIN, 'develop', 'pipeline', { committeeId: 'org-committee' })).dueForFull).toEqual([
      expect.objectContaining({ id: waiting, probationEnds: '2026-06-10' }),
    ]);
  });

  it('is the committee’s: a secretary, a member and a branch id are refused', async () => {
    await expectError(h, SECRETARY, 'develop', 'pipeline', { committeeId: 'org-committee' }, 'FORBIDDEN');
    await expectError(h, MEMBER, 'develop', 'pipeline', { committeeId: 'org-committee' }, 'FORBIDDEN');
    await expectError(h, ADMIN, 'develop', 'pipeline', { committeeId: 'org-branch-1' }, 'INVALID_INPUT');
    await expectError(h, ADMIN, 'develop', 'pipeline', { committeeId: 'org-nowhere' }, 'NOT_FOUND');
  });
});
