import type { CadenceItem } from '../../contracts/activity';
import { chinaDate } from '../shared/china-time';
import {
  daysBetween,
  evaluateCadence,
  periodSpan,
  previousSpan,
  silence,
  wasHeld,
  type CadenceActivity,
  type CadenceInput,
} from './cadence';

describe('periods in China time', () => {
  it.each([
    // [period, date, key, label, firstDay, lastDay, from (UTC), to (UTC)]
    [
      'month',
      '2026-12-03',
      '2026-12',
      '2026年12月',
      '2026-12-01',
      '2026-12-31',
      '2026-11-30T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ],
    [
      'month',
      '2026-12-31',
      '2026-12',
      '2026年12月',
      '2026-12-01',
      '2026-12-31',
      '2026-11-30T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ],
    [
      'month',
      '2027-01-01',
      '2027-01',
      '2027年1月',
      '2027-01-01',
      '2027-01-31',
      '2026-12-31T16:00:00.000Z',
      '2027-01-31T16:00:00.000Z',
    ],
    [
      'month',
      '2028-02-10',
      '2028-02',
      '2028年2月',
      '2028-02-01',
      '2028-02-29',
      '2028-01-31T16:00:00.000Z',
      '2028-02-29T16:00:00.000Z',
    ],
    [
      'quarter',
      '2026-12-31',
      '2026-Q4',
      '2026年第四季度',
      '2026-10-01',
      '2026-12-31',
      '2026-09-30T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ],
    [
      'quarter',
      '2027-01-01',
      '2027-Q1',
      '2027年第一季度',
      '2027-01-01',
      '2027-03-31',
      '2026-12-31T16:00:00.000Z',
      '2027-03-31T16:00:00.000Z',
    ],
    [
      'quarter',
      '2026-06-30',
      '2026-Q2',
      '2026年第二季度',
      '2026-04-01',
      '2026-06-30',
      '2026-03-31T16:00:00.000Z',
      '2026-06-30T16:00:00.000Z',
    ],
    [
      'quarter',
      '2026-07-01',
      '2026-Q3',
      '2026年第三季度',
      '2026-07-01',
      '2026-09-30',
      '2026-06-30T16:00:00.000Z',
      '2026-09-30T16:00:00.000Z',
    ],
    [
      'year',
      '2026-12-31',
      '2026',
      '2026年',
      '2026-01-01',
      '2026-12-31',
      '2025-12-31T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ],
    [
      'year',
      '2027-01-01',
      '2027',
      '2027年',
      '2027-01-01',
      '2027-12-31',
      '2026-12-31T16:00:00.000Z',
      '2027-12-31T16:00:00.000Z',
    ],
  ] as const)('%s of %s is %s', (period, date, key, label, firstDay, lastDay, from, to) => {
    expect(periodSpan(period, date)).toEqual({ key, label, firstDay, lastDay, from, to });
  });

  it.each([
    ['month', '2027-01-01', '2026-12'],
    ['month', '2026-03-31', '2026-02'],
    ['quarter', '2027-01-15', '2026-Q4'],
    ['quarter', '2026-10-01', '2026-Q3'],
    ['year', '2027-01-01', '2026'],
  ] as const)('the %s before %s is %s', (period, date, key) => {
    expect(previousSpan(period, date).key).toBe(key);
  });

  it('an instant just after midnight in China is in the China day, month, quarter and year, not the UTC one', () => {
    // 2026-12-31T16:30Z is 2027-01-01 00:30 in China.
    const date = chinaDate(new Date('2026-12-31T16:30:00.000Z'));
    expect(date).toBe('2027-01-01');
    expect([periodSpan('month', date).key, periodSpan('quarter', date).key, periodSpan('year', date).key]).toEqual([
      '2027-01',
      '2027-Q1',
      '2027',
    ]);
  });

  it.each([
    ['2026-12-03', '2026-12-31', 28],
    ['2026-12-31', '2026-12-31', 0],
    ['2026-12-31', '2027-01-01', 1],
    ['2027-01-03', '2026-12-31', -3],
    ['2028-02-28', '2028-03-01', 2],
  ])('from %s to %s: %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

const held = (kind: CadenceActivity['kind'], startAt: string, orgId = 'b1'): CadenceActivity => ({
  kind,
  orgId,
  startAt,
  held: true,
});

const base: CadenceInput = {
  date: '2026-12-03',
  lectureCadence: 'quarter',
  activities: [],
  groupIds: [],
  createdDay: '2020-01-01',
};
const brief = (items: CadenceItem[]) =>
  items.map((i) => `${i.kind} ${i.period} ${i.held}/${i.required} ${i.status} ${i.daysLeft}`);

describe('evaluateCadence', () => {
  it('a branch that held nothing: last period overdue (longest first), this period due (fewest days left first)', () => {
    expect(brief(evaluateCadence(base))).toEqual([
      'life_meeting 2025 0/1 overdue -337',
      'democratic_review 2025 0/1 overdue -337',
      'party_congress 2026-Q3 0/1 overdue -64',
      'party_lecture 2026-Q3 0/1 overdue -64',
      'committee 2026-11 0/1 overdue -3',
      'group_meeting 2026-11 0/1 overdue -3',
      'theme_day 2026-11 0/1 overdue -3',
      'party_congress 2026-Q4 0/1 due 28',
      'committee 2026-12 0/1 due 28',
      'group_meeting 2026-12 0/1 due 28',
      'theme_day 2026-12 0/1 due 28',
      'party_lecture 2026-Q4 0/1 due 28',
      'life_meeting 2026 0/1 due 28',
      'democratic_review 2026 0/1 due 28',
    ]);
  });

  it('held activities meet their period only; a previous period met is left out', () => {
    const items = evaluateCadence({
      ...base,
      date: '2027-01-05',
      activities: [
        held('party_congress', '2026-10-20T02:00:00.000Z'),
        held('committee', '2026-12-31T15:59:00.000Z'), // 2026-12-31 23:59 in China: December
        held('committee', '2026-12-31T16:00:00.000Z'), // 2027-01-01 00:00 in China: January
        held('theme_day', '2027-01-02T02:00:00.000Z'),
        { ...held('theme_day', '2027-01-03T02:00:00.000Z'), held: false },
      ],
    });
    const byKey = new Map(items.map((i) => [`${i.kind} ${i.period}`, i]));
    expect(byKey.has('party_congress 2026-Q4')).toBe(false); // met: not listed
    expect(byKey.get('party_congress 2027-Q1')).toMatchObject({ status: 'due', held: 0, daysLeft: 85 });
    expect(byKey.has('committee 2026-12')).toBe(false);
    expect(byKey.get('committee 2027-01')).toMatchObject({ status: 'done', held: 1, required: 1, daysLeft: 26 });
    expect(byKey.get('theme_day 2027-01')).toMatchObject({ status: 'done', held: 1 });
    expect(byKey.get('theme_day 2026-12')).toMatchObject({ status: 'overdue', daysLeft: -5, dueDate: '2026-12-31' });
    expect(byKey.get('life_meeting 2026')).toMatchObject({ status: 'overdue', daysLeft: -5 });
  });

  it('党小组会: one per group, the groups that held one count; a branch without groups holds its own', () => {
    const activities = [
      held('group_meeting', '2026-12-01T02:00:00.000Z', 'g1'),
      held('group_meeting', '2026-12-02T02:00:00.000Z', 'g1'),
    ];
    const twoGroups = evaluateCadence({ ...base, activities, groupIds: ['g1', 'g2'] });
    expect(twoGroups.find((i) => i.kind === 'group_meeting' && i.period === '2026-12')).toMatchObject({
      required: 2,
      held: 1,
      status: 'due',
    });
    const bothMet = evaluateCadence({
      ...base,
      activities: [...activities, held('group_meeting', '2026-12-03T02:00:00.000Z', 'g2')],
      groupIds: ['g1', 'g2'],
    });
    expect(bothMet.find((i) => i.kind === 'group_meeting' && i.period === '2026-12')).toMatchObject({
      required: 2,
      held: 2,
      status: 'done',
    });
    const noGroups = evaluateCadence({ ...base, activities: [held('group_meeting', '2026-12-01T02:00:00.000Z')] });
    expect(noGroups.find((i) => i.kind === 'group_meeting' && i.period === '2026-12')).toMatchObject({
      required: 1,
      held: 1,
      status: 'done',
    });
  });

  it.each([
    ['month', '2026-12', 28],
    ['quarter', '2026-Q4', 28],
    ['year', '2026', 28],
  ] as const)('党课 on a %s schedule is due in %s', (lectureCadence, period, daysLeft) => {
    const lecture = evaluateCadence({ ...base, lectureCadence }).filter((i) => i.kind === 'party_lecture');
    expect(lecture.find((i) => i.status === 'due')).toMatchObject({ period, every: lectureCadence, daysLeft });
  });

  it('a branch created during the previous period owes nothing for it', () => {
    const items = evaluateCadence({ ...base, createdDay: '2026-11-23' });
    expect(items.filter((i) => i.status === 'overdue')).toEqual([]);
    const fromFirst = evaluateCadence({ ...base, createdDay: '2026-11-01' });
    expect(fromFirst.filter((i) => i.status === 'overdue').map((i) => i.period)).toEqual([
      '2026-11',
      '2026-11',
      '2026-11',
    ]);
  });
});

describe('held and silent', () => {
  it.each([
    ['closed with someone there', 'closed', { present: 1, late: 0, leave: 0, exempt: 0, absent: 5 }, true],
    ['closed with only a late one', 'closed', { present: 0, late: 1, leave: 0, exempt: 0, absent: 0 }, true],
    ['closed with nobody there', 'closed', { present: 0, late: 0, leave: 3, exempt: 0, absent: 2 }, false],
    ['still open', 'active', null, false],
    ['cancelled', 'cancelled', null, false],
  ] as const)('%s → held %s', (_label, status, closeSummary, expected) => {
    expect(wasHeld({ status, closeSummary })).toBe(expected);
  });

  it.each([
    // [last held start (UTC), date, silentDays, silent]
    ['2026-11-23T02:00:00.000Z', '2026-12-03', 10, false],
    ['2026-11-03T02:00:00.000Z', '2026-12-02', 29, false],
    ['2026-11-03T02:00:00.000Z', '2026-12-03', 30, true],
    // 2026-11-02 23:30 UTC is 11-03 07:30 in China: 30 days to 12-03.
    ['2026-11-02T23:30:00.000Z', '2026-12-03', 30, true],
  ])('last held %s, on %s: %i days, 静默 %s', (last, date, days, silent) => {
    expect(silence(last, date, '2020-01-01')).toEqual({ silentDays: days, silent });
  });

  it('never held: no days; 静默 once the branch is 30 days old', () => {
    expect(silence(null, '2026-12-03', '2026-11-23')).toEqual({ silentDays: null, silent: false });
    expect(silence(null, '2026-12-23', '2026-11-23')).toEqual({ silentDays: null, silent: true });
  });
});
