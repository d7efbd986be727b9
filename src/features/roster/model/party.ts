/** Party membership wording. Pure: no Taro. */
import type { DeclarationStatus, MemberHistoryEntry, MemberStatus, PartyStatus } from '@contracts';
import { PARTY_STATUS_LABELS } from '@contracts/labels/common';
import { DEACTIVATION_REASONS } from '@contracts/labels/roster';

export const PARTY_STATUS_LABEL: Readonly<Record<PartyStatus, string>> = PARTY_STATUS_LABELS;

export const PARTY_STATUS_SHORT: Record<PartyStatus, string> = {
  full: '正式',
  probationary: '预备',
  candidate: '发展对象',
  activist: '积极分子',
  applicant: '申请人',
};

export const MEMBER_STATUS_LABEL: Record<MemberStatus, string> = {
  active: '在册',
  inactive: '已停用',
};

export const DECLARATION_STATUS_LABEL: Record<DeclarationStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

/** `党龄 12 年`, `党龄不满 1 年`, or `预备期` for a 预备党员. */
export function partyYearsText(years: number | null): string {
  if (years === null) return '预备期';
  if (years < 1) return '党龄不满 1 年';
  return `党龄 ${years} 年`;
}

/** The big figure and its unit, for the card and the home summary. */
export function partyYearsFigure(years: number | null): { figure: string; unit: string; caption: string } {
  if (years === null) return { figure: '预备期', unit: '', caption: '党龄' };
  if (years < 1) return { figure: '不满 1', unit: '年', caption: '党龄' };
  return { figure: String(years), unit: '年', caption: '党龄' };
}

export { DEACTIVATION_REASONS };
export type DeactivationReason = (typeof DEACTIVATION_REASONS)[number];

export const HISTORY_ACTION_LABEL: Record<MemberHistoryEntry['action'], string> = {
  created: '录入',
  imported: '导入',
  updated: '修改',
  deactivated: '停用',
  transferred: '调动',
  bound: '亮身份绑定',
};
