import type { BranchOverview } from '@contracts';
import {
  cadenceScore,
  cadenceText,
  committeeSummary,
  overviewScope,
  shareText,
  shareTone,
  sortOverview,
} from './overview';

const branch = (name: string, over: Partial<BranchOverview> = {}): BranchOverview => ({
  orgId: name,
  name,
  members: 10,
  onTheWay: 0,
  declaredRate: 0.5,
  attendanceRate: 0.5,
  studyRate: 0.5,
  cadence: { done: 1, due: 0, overdue: 0, silentDays: 3, silent: false },
  pointsAverage: 1,
  ...over,
});

describe('the committee overview, sorted and worded', () => {
  it('sorts best first or worst first, with branches lacking a figure last either way', () => {
    const items = [
      branch('甲', { attendanceRate: 0.9 }),
      branch('乙', { attendanceRate: null }),
      branch('丙', { attendanceRate: 0.4 }),
      branch('丁', { attendanceRate: 0.9 }),
    ];
    expect(sortOverview(items, 'attendanceRate').map((b) => b.name)).toEqual(['甲', '丁', '丙', '乙']);
    expect(sortOverview(items, 'attendanceRate', true).map((b) => b.name)).toEqual(['丙', '甲', '丁', '乙']);
  });

  it('ranks overdue obligations and silence below anything merely due', () => {
    const done = { done: 3, due: 0, overdue: 0, silentDays: 2, silent: false };
    const due = { done: 0, due: 4, overdue: 0, silentDays: 5, silent: false };
    const overdue = { done: 5, due: 0, overdue: 1, silentDays: 1, silent: false };
    const silent = { done: 0, due: 0, overdue: 0, silentDays: 31, silent: true };
    const never = { done: 0, due: 0, overdue: 0, silentDays: null, silent: true };
    const scores = [done, due, overdue, silent, never].map(cadenceScore);
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(scores[1]).toBeGreaterThan(scores[2]);
    expect(scores[2]).toBeGreaterThan(scores[3]);
    expect(scores[3]).toBe(scores[4] + silent.done - never.done);
    const items = [
      branch('静', { cadence: silent }),
      branch('逾', { cadence: overdue }),
      branch('好', { cadence: done }),
    ];
    expect(sortOverview(items, 'cadence').map((b) => b.name)).toEqual(['好', '逾', '静']);
  });

  it('words shares and cadence', () => {
    expect([shareText(null), shareText(0), shareText(0.056), shareText(0.833), shareText(1)]).toEqual([
      '—',
      '0%',
      '5.6%',
      '83%',
      '100%',
    ]);
    expect([shareTone(null), shareTone(0.3), shareTone(0.5), shareTone(0.8)]).toEqual(['none', 'poor', 'fair', 'good']);
    expect(cadenceText({ done: 1, due: 0, overdue: 2, silentDays: 40, silent: true })).toEqual({
      text: '2 项逾期，静默 40 天',
      tone: 'poor',
    });
    const quiet = { done: 0, due: 0, overdue: 0, silentDays: null, silent: true };
    expect(cadenceText(quiet)).toEqual({ text: '从未开展活动', tone: 'poor' });
    // A branch younger than 30 days that has held nothing yet is not 静默.
    expect(cadenceText({ ...quiet, due: 3, silent: false })).toEqual({ text: '3 项待完成', tone: 'fair' });
    expect(cadenceText({ done: 1, due: 2, overdue: 0, silentDays: 4, silent: false })).toEqual({
      text: '2 项待完成',
      tone: 'fair',
    });
    expect(cadenceText({ done: 3, due: 0, overdue: 0, silentDays: 4, silent: false })).toEqual({
      text: '本期已完成',
      tone: 'good',
    });
  });
});

describe('the 工作台 figures', () => {
  const orgs = [
    { id: 'c', name: '示范党委', kind: 'committee' as const, parentId: null },
    { id: 'b1', name: '第一党支部', kind: 'branch' as const, parentId: 'c' },
    { id: 'b2', name: '第二党支部', kind: 'branch' as const, parentId: 'c' },
    { id: 'g1', name: '第一党小组', kind: 'group' as const, parentId: 'b1' },
  ];
  const grant = (orgId: string, covers: string[], permissions: string[]) => ({ orgId, covers, permissions });
  const me = (...permissions: ReturnType<typeof grant>[]) =>
    ({ permissions }) as unknown as Parameters<typeof overviewScope>[0];

  it('shows a committee admin the committee, a secretary their branch, a group officer nothing', () => {
    const admin = me(grant('c', ['c', 'b1', 'b2', 'g1'], ['roster.read', 'org.manage']));
    expect(overviewScope(admin, orgs).map((s) => [s.kind, s.org.id])).toEqual([['committee', 'c']]);
    const secretary = me(grant('b1', ['b1', 'g1'], ['roster.read']));
    expect(overviewScope(secretary, orgs).map((s) => [s.kind, s.org.id])).toEqual([['branch', 'b1']]);
    const officer = me(grant('g1', ['g1'], ['roster.read']));
    expect(overviewScope(officer, orgs)).toEqual([]);
    expect(overviewScope(me(grant('b1', ['b1'], ['points.read'])), orgs)).toEqual([]);
    expect(overviewScope(null, orgs)).toEqual([]);
  });

  it('sums a committee up: branches behind, silent, and the rates averaged over branches with a figure', () => {
    const summary = committeeSummary([
      branch('甲', {
        attendanceRate: 0.9,
        studyRate: 0.5,
        cadence: { done: 1, due: 0, overdue: 2, silentDays: 3, silent: false },
      }),
      branch('乙', {
        attendanceRate: null,
        studyRate: 0.25,
        cadence: { done: 0, due: 0, overdue: 0, silentDays: 40, silent: true },
      }),
      branch('丙', { attendanceRate: 0.6, studyRate: 0 }),
    ]);
    expect(summary).toEqual({
      branches: 3,
      overdue: 1,
      silent: 1,
      attendanceRate: 0.75,
      studyRate: 0.25,
      declaredRate: 0.5,
    });
    expect(committeeSummary([])).toMatchObject({ branches: 0, attendanceRate: null });
  });
});
