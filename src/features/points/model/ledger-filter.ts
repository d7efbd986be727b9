/** 积分明细's filters (member name, 积分项目, dates) and what they ask of `points.entries`. Pure: no Taro. */
import type { ActionInput, RuleItem } from '@contracts';

export interface LedgerFilter {
  /** Part of a member's name, as typed. */
  memberName: string;
  /** A rule code, or {@link ALL_RULES}. */
  rule: string;
  /** `YYYY-MM-DD` (China time), or empty. */
  from: string;
  to: string;
}

/** The picker's 全部项目 (its empty value is the picker's placeholder, which cannot be chosen back). */
export const ALL_RULES = '*';

export const EMPTY_LEDGER_FILTER: LedgerFilter = { memberName: '', rule: ALL_RULES, from: '', to: '' };

export type LedgerQuery = Pick<ActionInput<'points', 'entries'>, 'memberName' | 'rule' | 'from' | 'to'>;

/** What is wrong with the filter before asking (the server says the same): null when nothing. */
export function ledgerFilterError(filter: LedgerFilter): string | null {
  if (filter.from && filter.to && filter.from > filter.to) return '结束日期不能早于开始日期';
  return null;
}

/** The filter as `points.entries` fields: only those set, the name trimmed (at most 20 characters). */
export function ledgerQuery(filter: LedgerFilter): LedgerQuery {
  const name = filter.memberName.trim().slice(0, 20);
  return {
    ...(name ? { memberName: name } : {}),
    ...(filter.rule && filter.rule !== ALL_RULES ? { rule: filter.rule } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
}

export const isFiltered = (filter: LedgerFilter): boolean => Object.keys(ledgerQuery(filter)).length > 0;

/** 全部项目, then the committee's items, bonuses first; an item switched off still finds its old entries. */
export function ruleFilterOptions(rules: RuleItem[]): Array<{ value: string; label: string }> {
  const ordered = [...rules.filter((r) => r.value > 0), ...rules.filter((r) => r.value <= 0)];
  return [
    { value: ALL_RULES, label: '全部项目' },
    ...ordered.map((r) => ({ value: r.code, label: r.active ? r.name : `${r.name}（已停用）` })),
  ];
}

/** The empty state of a list: a filtered one says so and how to widen it. */
export function ledgerEmpty(
  filter: LedgerFilter,
  unfiltered: { title: string; description: string },
): { title: string; description: string } {
  if (!isFiltered(filter)) return unfiltered;
  return { title: '没有符合条件的记录', description: '换个姓名、项目或日期试试，或点「清除筛选」查看全部记录。' };
}
