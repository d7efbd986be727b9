/**
 * 积分排名 by category (issue 15): the secretary's chips and what each asks `points.ranking` and
 * `points.export` for. Pure: no Taro. Imported by the secretary's pages only (not the main package).
 */
import type { PartyStatus } from '@contracts';

/** Everyone, the Party members (正式, 预备), then each status of the people on the way to membership. */
export const RANKING_CATEGORIES = [
  { key: 'all', label: '全部', statuses: null },
  { key: 'members', label: '党员', statuses: ['full', 'probationary'] },
  { key: 'candidate', label: '发展对象', statuses: ['candidate'] },
  { key: 'activist', label: '入党积极分子', statuses: ['activist'] },
  { key: 'applicant', label: '入党申请人', statuses: ['applicant'] },
] as const satisfies ReadonlyArray<{ key: string; label: string; statuses: readonly PartyStatus[] | null }>;

export type RankingCategory = (typeof RANKING_CATEGORIES)[number]['key'];

const categoryOf = (key: RankingCategory) => RANKING_CATEGORIES.find((c) => c.key === key) ?? RANKING_CATEGORIES[0];

/** The `statuses` sent under a category: none for 全部 (everyone, as without a filter). */
export function categoryStatuses(key: RankingCategory): PartyStatus[] | undefined {
  const { statuses } = categoryOf(key);
  return statuses ? [...statuses] : undefined;
}

/** The empty ranking under a category other than 全部: who is missing, and where they come from. */
export function categoryEmpty(key: RankingCategory): { title: string; description: string } | null {
  if (key === 'all') return null;
  if (key === 'members') return { title: '没有党员', description: '正式党员和预备党员会显示在这里。' };
  return {
    title: `没有${categoryOf(key).label}`,
    description: '入党申请人、入党积极分子和发展对象由“发展党员”建档后列入花名册，按党委规则参加积分。',
  };
}
