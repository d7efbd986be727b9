import type { BranchOverview, MeOutput, OrgNode } from '@contracts';
import { may } from '@/features/identity/model';

/** The committee overview's columns a committee sorts by, each best-first. */
export const OVERVIEW_SORTS = [
  { value: 'cadence', label: '三会一课' },
  { value: 'attendanceRate', label: '出勤率' },
  { value: 'studyRate', label: '学习' },
  { value: 'declaredRate', label: '亮身份' },
  { value: 'pointsAverage', label: '人均积分' },
] as const;

export type OverviewSort = (typeof OVERVIEW_SORTS)[number]['value'];

/**
 * How a branch stands on its obligations, for sorting: each overdue one weighs more than any number
 * due, and a silent branch (静默: 30 days without a held activity) comes after one merely behind.
 */
export function cadenceScore(cadence: BranchOverview['cadence']): number {
  return cadence.done - cadence.due - 100 * cadence.overdue - 1000 * Number(cadence.silent);
}

const keyOf = (item: BranchOverview, sort: OverviewSort): number | null =>
  sort === 'cadence' ? cadenceScore(item.cadence) : item[sort];

/**
 * The branches best first by `sort`, or worst first (`ascending`) — a committee looks for the
 * branches that need help. A branch with no figure (null) goes last either way; ties by name as given.
 */
export function sortOverview(
  items: readonly BranchOverview[],
  sort: OverviewSort,
  ascending = false,
): BranchOverview[] {
  return items
    .map((item, index) => ({ item, index, key: keyOf(item, sort) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      return (ascending ? a.key - b.key : b.key - a.key) || a.index - b.index;
    })
    .map(({ item }) => item);
}

/** A share as a percentage (`83%`, one decimal only under 10 %), or 「—」 when there is nothing to count. */
export function shareText(share: number | null): string {
  if (share === null) return '—';
  const percent = share * 100;
  return `${percent < 10 && percent > 0 ? Math.round(percent * 10) / 10 : Math.round(percent)}%`;
}

/** The bar's tone: at least 80 % good, under 50 % poor. */
export function shareTone(share: number | null): 'good' | 'fair' | 'poor' | 'none' {
  if (share === null) return 'none';
  return share >= 0.8 ? 'good' : share >= 0.5 ? 'fair' : 'poor';
}

/** The cadence in words: what is overdue first, then what is due, else done; and 静默 with its days. */
export function cadenceText(cadence: BranchOverview['cadence']): { text: string; tone: 'good' | 'fair' | 'poor' } {
  const silent = !cadence.silent ? '' : cadence.silentDays === null ? '从未开展活动' : `静默 ${cadence.silentDays} 天`;
  if (cadence.overdue > 0)
    return { text: [`${cadence.overdue} 项逾期`, silent].filter(Boolean).join('，'), tone: 'poor' };
  if (silent) return { text: silent, tone: 'poor' };
  if (cadence.due > 0) return { text: `${cadence.due} 项待完成`, tone: 'fair' };
  return { text: cadence.done > 0 ? '本期已完成' : '本期无要求', tone: 'good' };
}

/**
 * Where 工作台 shows figures: the committees the caller may read the roster of (then their
 * branches are summed up), otherwise the branches they may (a group's officer sees none).
 */
export function overviewScope(
  me: Pick<MeOutput, 'permissions'> | null | undefined,
  orgs: readonly OrgNode[],
): { kind: 'committee' | 'branch'; org: OrgNode }[] {
  const committees = orgs.filter((o) => o.kind === 'committee' && !o.archived && may(me, 'roster.read', o.id));
  if (committees.length) return committees.map((org) => ({ kind: 'committee', org }));
  return orgs
    .filter((o) => o.kind === 'branch' && !o.archived && may(me, 'roster.read', o.id))
    .map((org) => ({ kind: 'branch', org }));
}

const mean = (values: ReadonlyArray<number | null>): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 1000) / 1000 : null;
};

/** A committee's branches in one line: how many are behind or silent, and the rates averaged over branches. */
export function committeeSummary(items: readonly BranchOverview[]) {
  return {
    branches: items.length,
    overdue: items.filter((item) => item.cadence.overdue > 0).length,
    silent: items.filter((item) => item.cadence.silent).length,
    attendanceRate: mean(items.map((item) => item.attendanceRate)),
    studyRate: mean(items.map((item) => item.studyRate)),
    declaredRate: mean(items.map((item) => item.declaredRate)),
  };
}
