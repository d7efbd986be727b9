/** Labels and small rules for activities, shared by the member's and the secretary's pages. Pure: no Taro. */
import type { ActivityPhase, AttendanceStatus, LeaveStatus } from '@contracts';
import { formatDateTime } from '@/utils/dates';

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: '已签到',
  late: '迟到',
  leave: '请假',
  exempt: '免参加',
  absent: '缺席',
  expected: '未签到',
};

export const PHASE_LABELS: Record<ActivityPhase, string> = {
  upcoming: '未开始',
  signing: '签到中',
  running: '进行中',
  ended: '已结束待关闭',
  closed: '已结束',
  cancelled: '已取消',
};

export const LEAVE_LABELS: Record<LeaveStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
};

/** `11月23日 14:30–16:00`, or with both dates when it spans days. */
export function formatActivityTime(startAt: string, endAt: string, now: Date = new Date()): string {
  const start = formatDateTime(startAt, now);
  const end = formatDateTime(endAt, now);
  const [startDay] = start.split(' ');
  const [endDay, endTime] = end.split(' ');
  return startDay === endDay ? `${start}–${endTime}` : `${start} – ${end}`;
}

/** `85%`, or `—` when nobody is expected. */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** Whether a member may still ask for leave: before the end, not signed in, not already approved. */
export function canRequestLeave(
  phase: ActivityPhase,
  status: AttendanceStatus | null,
  leave: LeaveStatus | null,
): boolean {
  if (phase === 'closed' || phase === 'cancelled' || phase === 'ended') return false;
  if (status === 'present' || status === 'late' || status === 'exempt') return false;
  return leave !== 'approved' && leave !== 'pending';
}

/** Milliseconds until a rotating code should be fetched again (a little after its step ends). */
export function msUntilRefresh(refreshAt: string, now: number = Date.now()): number {
  return Math.max(500, Date.parse(refreshAt) - now + 300);
}
