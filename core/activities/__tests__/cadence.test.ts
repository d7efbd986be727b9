import type { CadenceItem } from '../../../contracts/activity';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { ADMIN, MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';

/**
 * activity.cadence over the demo: 第一党支部 (created 2026-11-23, two 党小组) held
 * act-demo-past, a 主题党日, on 2026-11-11; its 支部党员大会 act-demo-now starts 10 minutes after
 * the harness's clock (2026-11-23 10:00 in China). Dates are passed, or the clock is set: nothing
 * depends on when the test runs.
 */
const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');
const MIN = 60_000;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const brief = (items: CadenceItem[]) => items.map((i) => `${i.kind} ${i.period} ${i.held}/${i.required} ${i.status}`);
const cadence = (openid: string, orgId: string, date?: string) =>
  h.call(openid, 'activity', 'cadence', { orgId, ...(date ? { date } : {}) });

describe('activity.cadence', () => {
  it('this period: the 主题党日 held is done, the rest due with days left; nothing owed before the branch existed', async () => {
    const view = await cadence(SECRETARY, 'org-branch-1');
    expect(view.date).toBe('2026-11-23');
    expect(brief(view.items)).toEqual([
      'committee 2026-11 0/1 due',
      'group_meeting 2026-11 0/2 due',
      'party_congress 2026-Q4 0/1 due',
      'party_lecture 2026-Q4 0/1 due',
      'life_meeting 2026 0/1 due',
      'democratic_review 2026 0/1 due',
      'theme_day 2026-11 1/1 done',
    ]);
    expect(view.items[0]).toMatchObject({
      kindLabel: '支委会',
      periodLabel: '2026年11月',
      dueDate: '2026-11-30',
      daysLeft: 7,
    });
    expect(view.items.find((i) => i.kind === 'party_congress')).toMatchObject({ daysLeft: 38, dueDate: '2026-12-31' });
    expect([view.silentDays, view.silent]).toEqual([12, false]);
  });

  it('the 支部党员大会 closed with attendance meets the quarter', async () => {
    h.now.value = new Date(SEED_AT + 20 * MIN);
    await h.call(SECRETARY, 'activity', 'manualCheckin', {
      id: 'act-demo-now',
      memberId: 'member-003',
      reason: '现场签到',
    });
    h.now.value = new Date(SEED_AT + 2 * 60 * MIN);
    await h.call(SECRETARY, 'activity', 'close', { id: 'act-demo-now' });
    const view = await cadence(SECRETARY, 'org-branch-1');
    expect(view.items.find((i) => i.kind === 'party_congress')).toMatchObject({ held: 1, status: 'done' });
    expect(view.silentDays).toBe(0);
  });

  it('a month later: last month’s unmet obligations are overdue, and after 30 days without an activity the branch is 静默', async () => {
    const view = await cadence(SECRETARY, 'org-branch-1', '2027-01-05');
    const overdue = view.items.filter((i) => i.status === 'overdue');
    expect(brief(overdue)).toEqual([
      'committee 2026-12 0/1 overdue',
      'group_meeting 2026-12 0/2 overdue',
      'theme_day 2026-12 0/1 overdue',
    ]);
    expect(overdue[0].daysLeft).toBe(-5);
    // The quarter and the year began before the branch existed: nothing is owed for them.
    expect(view.items.some((i) => i.period === '2026-Q4' || i.period === '2026')).toBe(false);
    expect([view.silentDays, view.silent]).toEqual([55, true]);
  });

  it('the date defaults to today in China: 00:30 on 1 December is December, though UTC still says 30 November', async () => {
    // A branch that existed all November owes November's meetings.
    await h.store.update('orgs', 'org-branch-1', { $set: { createdAt: '2026-01-01T00:00:00.000Z' } });
    h.now.value = new Date('2026-11-30T16:30:00.000Z');
    const view = await cadence(SECRETARY, 'org-branch-1');
    expect(view.date).toBe('2026-12-01');
    expect(view.items.find((i) => i.kind === 'committee' && i.status === 'due')).toMatchObject({
      period: '2026-12',
      daysLeft: 30,
    });
    expect(view.items.find((i) => i.kind === 'committee' && i.status === 'overdue')).toMatchObject({
      period: '2026-11',
      daysLeft: -1,
    });
  });

  it('党课 follows the committee’s schedule (points.updateRules settings.lectureCadence)', async () => {
    expect((await h.call(ADMIN, 'points', 'rules')).settings.lectureCadence).toBe('quarter');
    await h.call(ADMIN, 'points', 'updateRules', { settings: { lectureCadence: 'month' } });
    const view = await cadence(SECRETARY, 'org-branch-1');
    expect(view.items.find((i) => i.kind === 'party_lecture')).toMatchObject({ period: '2026-11', every: 'month' });
  });

  it('scope: the secretary and officer for their branch, the admin for every branch; members and other branches refused', async () => {
    expect((await cadence(OFFICER, 'org-branch-1')).orgName).toBe('第一党支部');
    expect((await cadence(ADMIN, 'org-branch-2')).orgName).toBe('第二党支部');
    await expectError(h, SECRETARY, 'activity', 'cadence', { orgId: 'org-branch-2' }, 'FORBIDDEN');
    await expectError(h, MEMBER, 'activity', 'cadence', { orgId: 'org-branch-1' }, 'FORBIDDEN');
    await expectError(h, MEMBER, 'activity', 'cadence', { orgId: 'org-committee' }, 'FORBIDDEN');
    const committee = await expectError(h, ADMIN, 'activity', 'cadence', { orgId: 'org-committee' }, 'INVALID_INPUT');
    expect(committee).toMatchObject({ field: 'orgId', message: '请选择党支部：三会一课按支部计' });
    await expectError(h, SECRETARY, 'activity', 'cadence', { orgId: 'org-group-1' }, 'INVALID_INPUT');
    await expectError(h, ADMIN, 'activity', 'cadence', { orgId: 'org-nowhere' }, 'NOT_FOUND');
  });
});
