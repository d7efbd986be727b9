/** 异议 (objections to points entries) as the client shows them. Pure: no Taro. */
import type { ObjectionStatus, ObjectionView } from '@contracts';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH, reasonMessages } from '@contracts/labels/common';
import { formatDateTime } from '@/utils/dates';
import { signed } from './points';

export type ObjectionDecision = 'uphold' | 'dismiss';

/** The secretary's filter: open ones, or those already decided (成立 and 不成立 together). */
export type ObjectionFilter = 'open' | 'done';

export const OBJECTION_FILTERS: ReadonlyArray<{ value: ObjectionFilter; label: string }> = [
  { value: 'open', label: '待处理' },
  { value: 'done', label: '已处理' },
];

export const OBJECTION_STATUS_LABEL: Record<ObjectionStatus, string> = {
  open: '待处理',
  upheld: '异议成立',
  dismissed: '异议未成立',
};

/** The contract's reason rule (labels/common.ts), naming the reason; undefined when fine. */
function reasonError(reason: string, what: string): string | undefined {
  const r = reason.trim();
  if (r.length < REASON_MIN_LENGTH) return reasonMessages(what).tooShort;
  if (r.length > REASON_MAX_LENGTH) return reasonMessages(what).tooLong;
  return undefined;
}

/** The member's reason for objecting. */
export const objectReasonError = (reason: string) => reasonError(reason, '异议理由');

/** The secretary's reason for upholding or dismissing. */
export const resolveReasonError = (reason: string) => reasonError(reason, '处理理由');

/**
 * Whether the member may still object to an entry: the server says until when; not to a reversal,
 * not twice, not once the entry was reversed, and not after the deadline.
 */
export function canObject(
  entry: { reverses: string | null; objectableUntil?: string | null; objection?: unknown },
  reversed: boolean,
  now: Date = new Date(),
): boolean {
  if (entry.reverses || entry.objection || reversed || !entry.objectableUntil) return false;
  const until = Date.parse(entry.objectableUntil);
  return !Number.isNaN(until) && until > now.getTime();
}

/**
 * Where 提出异议 is offered: at once on a deduction, and on any other entry only once the member
 * opens it (a button on every +2 invites objecting to one's own award).
 */
export function offersObjection(entry: { value: number }, opened: boolean): boolean {
  return entry.value < 0 || opened;
}

/** `11月30日 14:30前可提出异议` (China time, the year when it is not this year). */
export function objectableText(until: string, now: Date = new Date()): string {
  return `${formatDateTime(until, now)}前可提出异议`;
}

/** What the member reads on a decided entry: `异议成立：…` / `异议未成立：…`; empty while open. */
export function objectionNote(objection: { status: ObjectionStatus; resolution: string | null } | null): string {
  if (!objection || objection.status === 'open') return '';
  const label = OBJECTION_STATUS_LABEL[objection.status];
  return objection.resolution ? `${label}：${objection.resolution}` : label;
}

/** The consequence, stated before the secretary confirms. */
export function resolveConsequence(item: Pick<ObjectionView, 'memberName' | 'value'>, decision: ObjectionDecision) {
  if (decision === 'uphold')
    return `将冲正该记录，${item.memberName} ${signed(-item.value)} 分。冲正计入原记录所在的统计周期，原记录保留。`;
  return `该记录保持不变，${item.memberName}的积分不变。`;
}

/** Decided objections of both kinds, newest objection first. */
export function mergeDecided(upheld: ObjectionView[], dismissed: ObjectionView[]): ObjectionView[] {
  return [...upheld, ...dismissed].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
