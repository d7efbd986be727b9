import type { AttendanceItem, QuorumView, RecordAttendance, VoteCounts } from '../../contracts/activity';
import type { MeetingRecordFields } from '../../contracts/activity';
import type { ActivityDoc } from './documents';
import { inPinyinOrder } from '../shared/pinyin-order';
import { PARTY_STATUS_LABELS } from '../../contracts/labels/common';

/**
 * The meeting record's arithmetic (docs/api.md, "The meeting record").
 *
 * A 支部党员大会 may proceed when more than half of the members with a vote are present; 正式党员
 * vote, 预备党员 do not. A member on leave stays in the count: the 组织部's answers on the 党员大会
 * leave out of 应到会有表决权的党员 only those who cannot take part at all (long illness,
 * 半年以上 away, 留党察看) — here, members marked 免于参加组织生活 in the roster. A motion passes
 * when more than half of the members with a vote (not of those present) are for it.
 */

/** `meetingRecords/<activityId>`: one record per activity, rewritten in place (each save audited). */
export interface MeetingRecordDoc extends MeetingRecordFields {
  _id: string;
  activityId: string;
  branchId: string;
  committeeId: string;
  /** What the last save found (a 支部党员大会 only). */
  quorum: QuorumView | null;
  passed: boolean | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedByName: string | null;
  updatedAt: string;
}

/** One who may be counted: a member of the activity or of its branch, and whether they vote. */
export interface Entitled {
  memberId: string;
  /** 正式党员 (预备党员 have no vote). */
  full: boolean;
  /** 免于参加组织生活: not among those expected to come. */
  exempt: boolean;
}

/** More than half: `count` out of `of`, never at exactly half. */
export const moreThanHalf = (count: number, of: number): boolean => of > 0 && count * 2 > of;

/**
 * The voters are the 正式党员 not exempt; present are those of them who signed in (出席 or 迟到).
 * `attendance` is the activity's; a voter not on it (not expected) counts as not present.
 */
export function quorumOf(
  members: Entitled[],
  attendance: Array<Pick<AttendanceItem, 'memberId' | 'status'>>,
): QuorumView {
  const came = new Set(attendance.filter((a) => a.status === 'present' || a.status === 'late').map((a) => a.memberId));
  const voters = members.filter((m) => m.full && (!m.exempt || came.has(m.memberId)));
  const present = voters.filter((m) => came.has(m.memberId)).length;
  return { voters: voters.length, present, reached: moreThanHalf(present, voters.length) };
}

/** A vote's problem, if any: more ballots than voters present. Null when the counts can stand. */
export function voteProblem(vote: VoteCounts, quorum: QuorumView): string | null {
  const sum = vote.for + vote.against + vote.abstain;
  return sum > quorum.present ? `赞成、反对、弃权票数合计 ${sum}，超过到会有表决权的党员 ${quorum.present} 人` : null;
}

/** Passed: those for are more than half of the members with a vote. */
export const votePassed = (vote: VoteCounts, quorum: QuorumView): boolean => moreThanHalf(vote.for, quorum.voters);

/**
 * Attendance by name, in pinyin order, as the record shows and prints it: the Party members by
 * status, and the people on the way who came as 列席 (`姓名（入党积极分子）`), whether the kind expected
 * them or not. Neither they nor their absence is the meeting's 应到 or 实到.
 */
export function recordAttendance(activity: Pick<ActivityDoc, 'status'>, all: AttendanceItem[]): RecordAttendance {
  const items = all.filter((item) => !item.partyStatus);
  const names = (pick: (item: AttendanceItem) => boolean) =>
    inPinyinOrder(items.filter(pick), (item) => item.name).map((item) => item.name);
  const closed = activity.status === 'closed';
  const came = all.filter((i) => i.partyStatus && (i.status === 'present' || i.status === 'late'));
  return {
    observers: inPinyinOrder(came, (i) => i.name).map((i) => `${i.name}（${PARTY_STATUS_LABELS[i.partyStatus!]}）`),
    expected: items.length,
    present: names((i) => i.status === 'present'),
    late: names((i) => i.status === 'late'),
    leave: names((i) => i.status === 'leave'),
    exempt: names((i) => i.status === 'exempt'),
    // Held but not closed yet: whoever did not sign in did not come.
    absent: names((i) => i.status === 'absent' || (!closed && i.status === 'expected')),
  };
}
