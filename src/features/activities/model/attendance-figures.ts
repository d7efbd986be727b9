/**
 * The secretary's attendance figures and the tabs of the lists below them, both from the one
 * `ActivityCounts` the server computed from the same items: the figures and the tab labels cannot
 * disagree. The figures are the Party members'; the lists (and so their tabs) hold the people on
 * the way too (`counts.onTheWay`), each tagged, and a line under the figures counts them apart.
 * Pure: no Taro.
 */
import type { ActivityCounts, AttendanceItem } from '@contracts';
import { CANDIDATE_TAGS, GUEST_TAG } from '@contracts/labels/participation';

export type AttendanceListKey = 'signedIn' | 'notYet' | 'onLeave';

export interface AttendanceFigure {
  key: 'late' | 'leave' | 'exempt' | 'pending';
  label: string;
  value: number;
}

/** Expected members without a sign-in: not yet (open), absent (closed). */
const missing = (counts: Omit<ActivityCounts, 'onTheWay'>) => counts.pending + counts.absent;

type Tally = Omit<ActivityCounts, 'onTheWay'>;
const NONE: Tally = { expected: 0, present: 0, late: 0, leave: 0, exempt: 0, absent: 0, pending: 0, rate: null };
/** The Party members' and the people on the way's counts, added: what the lists hold. */
const listed = (counts: ActivityCounts): Tally => {
  const w = counts.onTheWay ?? NONE;
  const sum = (key: Exclude<keyof Tally, 'rate'>) => counts[key] + w[key];
  return {
    ...counts,
    present: sum('present'),
    late: sum('late'),
    leave: sum('leave'),
    exempt: sum('exempt'),
    absent: sum('absent'),
    pending: sum('pending'),
  };
};

/** Those expected and not signed in yet, the people on the way expected included (提醒未签到, the close dialog). */
export const notSignedIn = (counts: ActivityCounts | undefined): number =>
  counts ? counts.pending + (counts.onTheWay?.pending ?? 0) : 0;

/** The tag beside someone on the way in a list: `积极分子`, `申请人·列席`; null for a Party member. */
export function onTheWayTag(item: Pick<AttendanceItem, 'partyStatus' | 'guest'>): string | null {
  if (!item.partyStatus) return null;
  return item.guest ? `${CANDIDATE_TAGS[item.partyStatus]}·${GUEST_TAG}` : CANDIDATE_TAGS[item.partyStatus];
}

/**
 * The line under the Party members' figures for the people on the way, or null when there are none:
 * `积极分子等：应到 2，已签到 1，列席 1（不计入出勤率）`.
 */
export function onTheWayLine(counts: ActivityCounts, closed: boolean): string | null {
  const w = counts.onTheWay;
  if (!w) return null;
  const parts = [
    `应到 ${w.expected}`,
    `已签到 ${w.present + w.late - w.guests}`,
    ...(w.leave ? [`请假 ${w.leave}`] : []),
    ...(missing(w) ? [`${closed ? '缺席' : '未签到'} ${missing(w)}`] : []),
    ...(w.guests ? [`${GUEST_TAG} ${w.guests}`] : []),
  ];
  return `积极分子等：${parts.join('，')}（不计入出勤率）`;
}

/** 迟到 / 请假 / (免参加) / 未签到 or 缺席, under the big 已签到 figure. */
export function attendanceFigures(counts: ActivityCounts, closed: boolean): AttendanceFigure[] {
  return [
    { key: 'late', label: '迟到', value: counts.late },
    { key: 'leave', label: '请假', value: counts.leave },
    ...(counts.exempt ? [{ key: 'exempt' as const, label: '免参加', value: counts.exempt }] : []),
    { key: 'pending', label: closed ? '缺席' : '未签到', value: missing(counts) },
  ];
}

/** The 请假 tab's label: it names what its list holds (approved leave, exempt members) with the figures' numbers. */
function onLeaveLabel(counts: Tally): string {
  if (!counts.exempt) return `请假 ${counts.leave}`;
  if (!counts.leave) return `免参加 ${counts.exempt}`;
  return `请假 ${counts.leave}·免 ${counts.exempt}`;
}

/** The list tabs: 已签到 N, 未签到 (缺席) N, and the 请假 tab, all from the counts the figures show. */
export function attendanceTabs(
  all: ActivityCounts,
  closed: boolean,
): ReadonlyArray<{ value: AttendanceListKey; label: string }> {
  const counts = listed(all);
  return [
    { value: 'signedIn', label: `已签到 ${counts.present + counts.late}` },
    { value: 'notYet', label: `${closed ? '缺席' : '未签到'} ${missing(counts)}` },
    { value: 'onLeave', label: onLeaveLabel(counts) },
  ];
}

/**
 * Why 取消活动 is not possible now, shown before any dialog opens (the server refuses the same):
 * someone has signed in. In the page's own words: the way on is 结束活动. Null when possible.
 */
export function cancelBlocked(
  counts: Pick<ActivityCounts, 'present' | 'late' | 'onTheWay'> | null | undefined,
): { reason: string; next: string } | null {
  // Anyone signed in blocks it, someone on the way too.
  const w = counts?.onTheWay;
  const signedIn = counts ? counts.present + counts.late + (w ? w.present + w.late : 0) : 0;
  return signedIn > 0 ? { reason: `已有 ${signedIn} 人签到，不能取消`, next: '活动开始后请点「结束活动」' } : null;
}
