/**
 * The categories lists filter people by (issue 15): everyone, the Party members (正式, 预备), then each
 * status of the people on the way to membership. 花名册 and the secretary's 积分排名 offer the same chips
 * and send what each means as `statuses`. Pure: no Taro.
 */
import type { PartyStatus } from '@contracts';

export const STATUS_CATEGORIES = [
  { key: 'all', label: '全部', statuses: null },
  { key: 'members', label: '党员', statuses: ['full', 'probationary'] },
  { key: 'candidate', label: '发展对象', statuses: ['candidate'] },
  { key: 'activist', label: '入党积极分子', statuses: ['activist'] },
  { key: 'applicant', label: '入党申请人', statuses: ['applicant'] },
] as const satisfies ReadonlyArray<{ key: string; label: string; statuses: readonly PartyStatus[] | null }>;

export type StatusCategory = (typeof STATUS_CATEGORIES)[number]['key'];

export const statusCategory = (key: StatusCategory) =>
  STATUS_CATEGORIES.find((category) => category.key === key) ?? STATUS_CATEGORIES[0];

/** The `statuses` a list is asked for under a category: none for 全部 (everyone, as without a filter). */
export function categoryStatuses(key: StatusCategory): PartyStatus[] | undefined {
  const { statuses } = statusCategory(key);
  return statuses ? [...statuses] : undefined;
}
