import type { ActivityDoc } from '../../activities';
import type { ProgressDoc } from '../../lectures';
import { expectError } from '../../../tests/integration/support';
import { ADMIN, MEMBER, SECRETARY } from '../../../tests/support/demo';
import { createHarness, type Harness } from '../../../tests/support/harness';

const BRANCH_1 = 'org-branch-1';
const BRANCH_2 = 'org-branch-2';
/** A month the demo data does not reach: every figure starts from nothing. */
const EMPTY_MONTH = Date.parse('2031-03-15T02:00:00.000Z');
const DAY = 86_400_000;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
  h.now.value = new Date(EMPTY_MONTH);
});

afterEach(() => h.close());

const overview = (orgId: string, period: 'month' | 'quarter' | 'year', as = ADMIN) =>
  h.call(as, 'roster', 'overview', { orgId, period });
const lineOf = async (orgId: string, period: 'month' | 'quarter' | 'year' = 'month') =>
  (await overview('org-committee', period)).items.find((item) => item.orgId === orgId);
const activeOf = async (branchId: string) =>
  h.store.query('members', { where: { branchId, status: 'active' }, orderBy: [['name', 'asc']], limit: 100 });

async function closedActivity(startAt: number, closeSummary: ActivityDoc['closeSummary'], status = 'closed') {
  const { id } = await h.call(ADMIN, 'activity', 'create', {
    orgId: BRANCH_2,
    kind: 'theme_day',
    title: '主题党日',
    startAt: new Date(EMPTY_MONTH + DAY).toISOString(),
    endAt: new Date(EMPTY_MONTH + DAY + 2 * 3_600_000).toISOString(),
  });
  // Held earlier than creating allows: moved back in the store, as if created then.
  const [start, end] = [new Date(startAt).toISOString(), new Date(startAt + 2 * 3_600_000).toISOString()];
  await h.store.update('activities', id, { $set: { status, closeSummary, startAt: start, endAt: end } });
}

async function finished(member: { _id: string; name: string }, doneAt: number) {
  const at = new Date(doneAt).toISOString();
  const doc: ProgressDoc = {
    _id: `lecture-x:${member._id}:${doneAt}`,
    lectureId: 'lecture-x',
    memberId: member._id,
    name: member.name,
    branchId: BRANCH_2,
    groupId: null,
    committeeId: 'org-committee',
    state: {
      intervals: [[0, 600]],
      coveredS: 600,
      position: 600,
      furthest: 600,
      lastBeat: null,
      completedAt: doneAt,
      rev: 1,
    },
    quiz: null,
    doneAt: at,
    points: 2,
    startedAt: at,
    watchedAt: at,
  };
  await h.store.create('lectureProgress', doc);
}

describe('roster.overview: the committee sees every branch', () => {
  it('lists each branch of the committee with its members and the period label', async () => {
    const result = await overview('org-committee', 'month');
    expect(result.period).toBe('2031年3月');
    expect(result.items.map((item) => item.orgId).sort()).toEqual([BRANCH_1, BRANCH_2]);
    expect(await lineOf(BRANCH_2)).toMatchObject({
      name: '第二党支部',
      members: (await activeOf(BRANCH_2)).length,
      attendanceRate: null,
      studyRate: 0,
      pointsAverage: 0,
    });
  });

  it('declaredRate follows the members bound through 亮身份', async () => {
    const members = await activeOf(BRANCH_2);
    const bound = members.filter((m) => m.openid !== null).length;
    expect((await lineOf(BRANCH_2))?.declaredRate).toBe(Math.round((bound / members.length) * 1000) / 1000);
    const unbound = members.find((m) => m.openid === null);
    if (!unbound) throw new Error('the demo branch should have an unbound member');
    await h.store.update('members', unbound._id, { $set: { openid: 'wx-new-binding' } });
    expect((await lineOf(BRANCH_2))?.declaredRate).toBe(Math.round(((bound + 1) / members.length) * 1000) / 1000);
  });

  it('attendanceRate sums the closed activities of the period only', async () => {
    await closedActivity(EMPTY_MONTH + DAY, { present: 6, late: 2, leave: 1, exempt: 3, absent: 1 });
    await closedActivity(EMPTY_MONTH + 2 * DAY, null, 'cancelled');
    await closedActivity(EMPTY_MONTH - 20 * DAY, { present: 0, late: 0, leave: 0, exempt: 0, absent: 10 }); // February
    await closedActivity(EMPTY_MONTH + 20 * DAY, { present: 0, late: 0, leave: 0, exempt: 0, absent: 7 }); // April
    expect((await lineOf(BRANCH_2))?.attendanceRate).toBe(0.8);
    expect((await lineOf(BRANCH_2, 'quarter'))?.attendanceRate).toBe(0.4);
    expect((await lineOf(BRANCH_1))?.attendanceRate).toBeNull();
  });

  it('studyRate counts members who finished a lecture in the period, each once', async () => {
    const members = await activeOf(BRANCH_2);
    await finished(members[0], EMPTY_MONTH);
    await finished(members[0], EMPTY_MONTH + DAY);
    await finished(members[1], EMPTY_MONTH - 20 * DAY); // February: the quarter, not the month
    const rounded = (n: number) => Math.round((n / members.length) * 1000) / 1000;
    expect((await lineOf(BRANCH_2))?.studyRate).toBe(rounded(1));
    expect((await lineOf(BRANCH_2, 'quarter'))?.studyRate).toBe(rounded(2));
  });

  it('pointsAverage is the period’s net points per active member', async () => {
    const members = await activeOf(BRANCH_2);
    await h.call(ADMIN, 'points', 'record', {
      // Not the admin's own entry (周建国 is of this branch): nobody records points for themselves.
      memberIds: members
        .filter((m) => m.openid !== ADMIN)
        .slice(0, 3)
        .map((m) => m._id),
      rule: 'volunteer',
      reason: '社区防汛志愿服务',
    });
    const line = await lineOf(BRANCH_2);
    const { items } = await h.call(ADMIN, 'points', 'branchRanking', { period: 'month' });
    expect(line?.pointsAverage).toBeGreaterThan(0);
    expect(line?.pointsAverage).toBe(items.find((item) => item.orgId === BRANCH_2)?.average);
  });
});

describe('roster.overview: cadence', () => {
  it('counts the branch’s obligations as activity.cadence gives them, and 静默', async () => {
    const counted = async () => {
      const cadence = await h.call(ADMIN, 'activity', 'cadence', { orgId: BRANCH_2 });
      const count = (status: string) => cadence.items.filter((item) => item.status === status).length;
      return { done: count('done'), due: count('due'), overdue: count('overdue'), silentDays: cadence.silentDays };
    };
    const before = (await lineOf(BRANCH_2))?.cadence;
    expect(before).toMatchObject({ ...(await counted()), silent: true });
    expect(before?.done).toBe(0);

    await closedActivity(EMPTY_MONTH - DAY, { present: 8, late: 1, leave: 0, exempt: 0, absent: 3 });
    const after = (await lineOf(BRANCH_2))?.cadence;
    expect(after).toMatchObject({ ...(await counted()), done: 1, due: (before?.due ?? 0) - 1, silentDays: 1 });
    expect(after?.silent).toBe(false);
  });
});

describe('roster.overview: scope', () => {
  it('gives a secretary their own branch, and nothing above or beside it', async () => {
    const own = await overview(BRANCH_1, 'year', SECRETARY);
    expect(own.items.map((item) => item.orgId)).toEqual([BRANCH_1]);
    await expectError(h, SECRETARY, 'roster', 'overview', { orgId: 'org-committee', period: 'month' }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'roster', 'overview', { orgId: BRANCH_2, period: 'month' }, 'FORBIDDEN');
    await expectError(h, MEMBER, 'roster', 'overview', { orgId: BRANCH_1, period: 'month' }, 'FORBIDDEN');
  });

  it('refuses a group, an unknown org and a period that is not one', async () => {
    await expectError(h, ADMIN, 'roster', 'overview', { orgId: 'org-group-1', period: 'month' }, 'INVALID_INPUT');
    await expectError(h, ADMIN, 'roster', 'overview', { orgId: 'org-nowhere', period: 'month' }, 'NOT_FOUND');
    await expectError(h, ADMIN, 'roster', 'overview', { orgId: 'org-committee', period: 'week' }, 'INVALID_INPUT');
  });
});
