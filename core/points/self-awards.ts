import type { SelfAwardItem, SelfAwardRole } from '../../contracts/points';
import type { LedgerDoc } from './ledger';

/**
 * 自我加分: how the beneficiary of a bonus entry was also behind its cause. Pure: the handler
 * looks up the causes (activities, lectures) and passes them in.
 */
export const SELF_AWARD_LABELS: Record<SelfAwardRole, string> = {
  organised: '本人组织的活动',
  recorded: '本人记录',
  published: '本人发布的课程',
  approved: '本人审核通过的亮身份',
};

/** The cause an entry names by its id: `activity:<id>:<member>[:<round>]`, `lecture:<id>:<member>`. */
export function causeOf(entry: Pick<LedgerDoc, '_id' | 'source' | 'memberId'>): {
  kind: 'activity' | 'lecture';
  id: string;
} | null {
  const [prefix, id, memberId] = entry._id.split(':');
  if (memberId !== entry.memberId || !id) return null;
  if (prefix === 'activity' && entry.source === 'activity') return { kind: 'activity', id };
  if (prefix === 'lecture' && entry.source === 'lecture') return { kind: 'lecture', id };
  return null;
}

export interface Beneficiary {
  memberId: string;
  openid: string;
}

export interface Causes {
  /** Whether the member ran the activity (its creator, or one who showed its code or scanned cards). */
  organised(activityId: string): boolean;
  /** Whether the member is recorded as a publisher of the lecture. */
  published(lectureId: string): boolean;
  activityTitle(activityId: string): string;
  lectureTitle(lectureId: string): string;
}

/** Why an entry is a self-award, with its cause to open; null when it is not one. */
export function selfAwardOf(
  entry: LedgerDoc,
  who: Beneficiary,
  causes: Causes,
): Pick<SelfAwardItem, 'role' | 'roleLabel' | 'cause'> | null {
  if (entry.value <= 0 || entry.reverses) return null;
  const cause = causeOf(entry);
  const as = (role: SelfAwardRole, link: SelfAwardItem['cause']) => ({
    role,
    roleLabel: SELF_AWARD_LABELS[role],
    cause: link,
  });
  const memberLink: SelfAwardItem['cause'] = {
    kind: 'member',
    id: entry.memberId,
    title: `${entry.memberName}的积分记录`,
  };
  if (entry.recordedBy === who.openid) {
    if (entry.source === 'declaration') return as('approved', { ...memberLink, title: `${entry.memberName}的亮身份` });
    if (cause?.kind === 'activity')
      return as('recorded', { kind: 'activity', id: cause.id, title: causes.activityTitle(cause.id) });
    return as('recorded', memberLink);
  }
  if (cause?.kind === 'activity' && causes.organised(cause.id))
    return as('organised', { kind: 'activity', id: cause.id, title: causes.activityTitle(cause.id) });
  if (cause?.kind === 'lecture' && causes.published(cause.id))
    return as('published', { kind: 'lecture', id: cause.id, title: causes.lectureTitle(cause.id) });
  return null;
}
