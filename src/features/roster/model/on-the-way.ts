/**
 * The people on the way to membership (发展对象, 入党积极分子, 入党申请人) on the roster pages: the
 * category chips of 花名册, the headcounts that keep them apart from the Party members, and what a
 * roster entry shows of them. Pure: no Taro.
 */
import type { PartyStatus, PersonRef, RosterMemberDetail } from '@contracts';
import { isPartyMember, PARTY_STATUS_LABELS } from '@contracts/labels/common';
import { STATUS_CATEGORIES, statusCategory, type StatusCategory } from '@/utils/status-categories';

/** The chips with their counts (`byStatus` of the first page), or without while none has come. */
export function statusChips(byStatus: Partial<Record<PartyStatus, number>> | null | undefined) {
  return STATUS_CATEGORIES.map(({ key, label, statuses }) => {
    if (!byStatus) return { key, label, count: null };
    const counted = statuses ?? (Object.keys(byStatus) as PartyStatus[]);
    return { key, label, count: counted.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0) };
  });
}

/** The empty list under a chip other than 全部: who is not there, and where they come from. */
export function chipEmpty(key: StatusCategory): { title: string; description: string } | null {
  if (key === 'all') return null;
  if (key === 'members') return { title: '没有党员', description: '正式党员和预备党员会显示在这里。' };
  return {
    title: `没有${statusCategory(key).label}`,
    description: '入党申请人、入党积极分子和发展对象由“发展党员”建档后列入花名册。',
  };
}

/** `18 名党员`, and the people on the way apart: `18 名党员 · 入党积极分子等 3 人`. */
export function headcountText(members: number, onTheWay = 0): string {
  return onTheWay ? `${members} 名党员 · 入党积极分子等 ${onTheWay} 人` : `${members} 名党员`;
}

const names = (people: readonly PersonRef[]) => people.map((p) => p.name).join('、');

/**
 * A roster entry's 身份 rows: a Party member's status, dates and 党龄 come from `partyRows`; someone
 * on the way has their status alone (no 入党日期, no 党龄). 培养联系人 and 入党介绍人 when named.
 */
export function wayRows(
  member: Pick<RosterMemberDetail, 'partyStatus' | 'contacts' | 'sponsors'>,
): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (!isPartyMember(member.partyStatus)) rows.push(['身份', PARTY_STATUS_LABELS[member.partyStatus]]);
  if (member.contacts.length) rows.push(['培养联系人', names(member.contacts)]);
  if (member.sponsors.length) rows.push(['入党介绍人', names(member.sponsors)]);
  return rows;
}

/** Why the roster does not change someone on the way's status, place or file: 发展党员 does. Null for a Party member. */
export function wayNote(partyStatus: PartyStatus): string | null {
  if (isPartyMember(partyStatus)) return null;
  return `${PARTY_STATUS_LABELS[partyStatus]}的身份、发展步骤和所在支部由“发展党员”记录：请在工作台的“发展党员”中查看其档案、办理下一步或终止发展。`;
}
