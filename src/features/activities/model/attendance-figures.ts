/**
 * The secretary's attendance figures and the tabs of the lists below them, both from the one
 * `ActivityCounts` the server computed from the same items: the figures and the tab labels cannot
 * disagree. Pure: no Taro.
 */
import type { ActivityCounts } from '@contracts';

export type AttendanceListKey = 'signedIn' | 'notYet' | 'onLeave';

export interface AttendanceFigure {
  key: 'late' | 'leave' | 'exempt' | 'pending';
  label: string;
  value: number;
}

/** Expected members without a sign-in: not yet (open), absent (closed). */
const missing = (counts: ActivityCounts) => counts.pending + counts.absent;

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
function onLeaveLabel(counts: ActivityCounts): string {
  if (!counts.exempt) return `请假 ${counts.leave}`;
  if (!counts.leave) return `免参加 ${counts.exempt}`;
  return `请假 ${counts.leave}·免 ${counts.exempt}`;
}

/** The list tabs: 已签到 N, 未签到 (缺席) N, and the 请假 tab, all from the counts the figures show. */
export function attendanceTabs(
  counts: ActivityCounts,
  closed: boolean,
): ReadonlyArray<{ value: AttendanceListKey; label: string }> {
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
  counts: Pick<ActivityCounts, 'present' | 'late'> | null | undefined,
): { reason: string; next: string } | null {
  const signedIn = counts ? counts.present + counts.late : 0;
  return signedIn > 0 ? { reason: `已有 ${signedIn} 人签到，不能取消`, next: '活动开始后请点「结束活动」' } : null;
}
