import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { ADMIN, SECRETARY } from '../../../tests/support/demo';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const record = (memberIds: string[], rule: string, reason: string) =>
  h.call(ADMIN, 'points', 'record', { memberIds, rule, reason });
const branchLine = async (orgId: string, period: 'month' | 'quarter' | 'year' = 'month') =>
  (await h.call(ADMIN, 'points', 'branchRanking', { period })).items.find((item) => item.orgId === orgId);

describe('季度赛马: the committee ranking of branches', () => {
  it('ranks branches by average net points per member, with participation', async () => {
    const before = await h.call(ADMIN, 'points', 'branchRanking', { period: 'month' });
    expect(before.items.map((i) => i.name).sort()).toEqual(['第一党支部', '第二党支部']);
    const second = before.items.find((i) => i.orgId === 'org-branch-2');
    expect(second).toMatchObject({ members: 12, net: 0, average: 0, participants: 0, participation: 0 });

    // Three members of 第二党支部 volunteer; one of them twice; a fourth gets a deduction only.
    await record(['member-018', 'member-019', 'member-020'], 'volunteer', '社区防汛志愿服务');
    await record(['member-018'], 'volunteer', '敬老院志愿服务');
    await record(['member-021'], 'shirk', '推诿支部安排的任务');

    const after = await branchLine('org-branch-2');
    expect(after).toMatchObject({ members: 12, bonus: 12, deduction: 3, net: 9, average: 0.75, participants: 3 });
    expect(after?.participation).toBe(0.25);

    const { items } = await h.call(ADMIN, 'points', 'branchRanking', { period: 'month' });
    const first = items.find((i) => i.orgId === 'org-branch-1');
    const expectedRanks = (first?.average ?? 0) > 0.75 ? [1, 2] : (first?.average ?? 0) < 0.75 ? [2, 1] : [1, 1];
    expect([first?.rank, after && items.find((i) => i.orgId === 'org-branch-2')?.rank]).toEqual(expectedRanks);
    expect((await h.call(ADMIN, 'points', 'verify')).consistent).toBe(true);
  });

  it('a member who moves branch counts as a participant in each branch where they earned a bonus', async () => {
    await record(['member-008'], 'volunteer', '社区志愿服务');
    const firstBefore = await branchLine('org-branch-1');
    await h.call(ADMIN, 'roster', 'transferMember', { id: 'member-008', toOrgId: 'org-branch-2' });
    await record(['member-008'], 'pioneer', '抗洪抢险先锋');
    expect((await branchLine('org-branch-2'))?.participants).toBe(1);
    expect((await branchLine('org-branch-1'))?.participants).toBe(firstBefore?.participants);
    expect((await h.call(ADMIN, 'points', 'verify')).consistent).toBe(true);
  });

  it('verify notices a tampered participant count, and rebuild repairs it', async () => {
    await record(['member-018'], 'volunteer', '社区志愿服务');
    const year = h.now.value.getUTCFullYear();
    await h.store.update('pointTotals', `b:org-branch-2:${year}`, { $inc: { 'total.participants': 4 } });
    const report = await h.call(ADMIN, 'points', 'verify');
    expect(report.consistent).toBe(false);
    expect(report.differences).toContainEqual({
      totals: `b:org-branch-2:${year}`,
      field: 'total.participants',
      expected: 1,
      actual: 5,
    });
    await h.call(ADMIN, 'points', 'rebuild');
    expect((await h.call(ADMIN, 'points', 'verify')).consistent).toBe(true);
    expect((await branchLine('org-branch-2', 'year'))?.participants).toBe(1);
  });

  it('is for committee admins only', async () => {
    await expectError(h, SECRETARY, 'points', 'branchRanking', { period: 'quarter' }, 'FORBIDDEN');
    await expectError(h, 'demo-member-2', 'points', 'branchRanking', { period: 'quarter' }, 'FORBIDDEN');
  });
});
