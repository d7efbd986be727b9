import type { EmployerItem, EmployerList } from '@contracts';
import { EMPLOYER_KIND_LABEL, EMPLOYER_LIST_LABEL, EMPLOYER_SUGGESTION_LABEL } from '@contracts/labels/roster';

/** The list picker's choices: the three lists and none. */
export const LIST_OPTIONS: ReadonlyArray<{ value: EmployerList | 'none'; label: string }> = [
  { value: 'none', label: '未归类' },
  { value: 'priority', label: EMPLOYER_LIST_LABEL.priority },
  { value: 'focus', label: EMPLOYER_LIST_LABEL.focus },
  { value: 'deferred', label: EMPLOYER_LIST_LABEL.deferred },
];

/** 组织覆盖率 as a percentage with one decimal; — for an empty register. */
export function coverageText(coverage: number | null): string {
  return coverage === null ? '—' : `${(Math.round(coverage * 1000) / 10).toFixed(1)}%`;
}

/** 正式党员 3 人 · 预备党员 1 人, or 未发现党员. */
export function membersText(item: Pick<EmployerItem, 'full' | 'probationary'>): string {
  if (item.full + item.probationary === 0) return '未发现党员';
  const parts = [`正式党员 ${item.full} 人`];
  if (item.probationary) parts.push(`预备党员 ${item.probationary} 人`);
  return parts.join(' · ');
}

/** The line under an organisation's name: its kind, staff and whether it has a Party organisation. */
export function factsText(item: Pick<EmployerItem, 'kind' | 'staff' | 'hasOrganisation'>): string {
  return [
    item.kind ? EMPLOYER_KIND_LABEL[item.kind] : null,
    item.staff === null ? null : `从业人员 ${item.staff} 人`,
    item.hasOrganisation ? '已建党组织' : '未建党组织',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function suggestionText(item: Pick<EmployerItem, 'suggestion' | 'hasOrganisation'>): string {
  if (item.hasOrganisation) return '已建党组织';
  return item.suggestion === 'none' ? '暂无党员，无需组建' : `建议${EMPLOYER_SUGGESTION_LABEL[item.suggestion]}`;
}

export const listText = (list: EmployerList | null): string => (list ? EMPLOYER_LIST_LABEL[list] : '未归类');

/** The import's outcome in one line: 新增 3 家，更新 1 家, and how many rows were refused. */
export function importText(result: { created: number; updated: number; errors: unknown[] }): string {
  const refused = result.errors.length ? `，${result.errors.length} 处错误未导入` : '';
  return `新增 ${result.created} 家，更新 ${result.updated} 家${refused}`;
}
