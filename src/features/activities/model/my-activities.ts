/** The member's view of activities: tags, status lines and small rules. Pure: no Taro. */
import type { ActivityPhase, AttendanceStatus, LeaveStatus, MyActivityStatus } from '@contracts';
import { ATTENDANCE_LABELS, LEAVE_LABELS, PHASE_LABELS } from './activities';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH, reasonMessages } from '@contracts/labels/common';
import { formatDateTime } from '@/utils/dates';

/** The tones of the app's StatusTag (kept here as a plain union so the domain stays UI-free). */
export type TagTone = 'primary' | 'gold' | 'success' | 'warning' | 'muted';

export interface TagView {
  label: string;
  tone: TagTone;
}

export type MyActivityScope = 'upcoming' | 'past';

export const MY_ACTIVITY_SCOPES: ReadonlyArray<{ value: MyActivityScope; label: string }> = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: '往期' },
];

const PHASE_TONES: Record<ActivityPhase, TagTone> = {
  upcoming: 'gold',
  signing: 'primary',
  running: 'success',
  ended: 'muted',
  closed: 'muted',
  cancelled: 'muted',
};

export const phaseTag = (phase: ActivityPhase): TagView => ({ label: PHASE_LABELS[phase], tone: PHASE_TONES[phase] });

/**
 * The member's own standing as a tag: 已签到 / 迟到 / 请假 / 缺席 …; `未签到` is urgent (red) only
 * while sign-in is open, and reads 待参加 before it. Null when there is nothing to say.
 */
export function myStatusTag(
  mine: Pick<MyActivityStatus, 'expected' | 'status' | 'welcome'> | null,
  phase: ActivityPhase,
): TagView | null {
  if (!mine) return null;
  // Someone on the way whom the kind welcomes (列席): may come, never absent.
  if (!mine.expected && !mine.status) return { label: mine.welcome ? '可自愿参加' : '不在应到名单', tone: 'muted' };
  const status = mine.status;
  if (!status || phase === 'cancelled') return null;
  if (status === 'expected') {
    if (phase === 'upcoming') return { label: '待参加', tone: 'muted' };
    return { label: ATTENDANCE_LABELS.expected, tone: phase === 'signing' ? 'primary' : 'muted' };
  }
  const tones: Record<Exclude<AttendanceStatus, 'expected'>, TagTone> = {
    present: 'success',
    late: 'warning',
    leave: 'gold',
    exempt: 'muted',
    absent: 'primary',
  };
  return { label: ATTENDANCE_LABELS[status], tone: tones[status] };
}

/** `请假待审批` / `请假已批准` / `请假未批准`; with the reviewer's note when there is one. */
export function leaveText(leave: { status: LeaveStatus; note: string | null } | null): string {
  if (!leave) return '';
  const text = `请假${LEAVE_LABELS[leave.status]}`;
  return leave.note ? `${text}：${leave.note}` : text;
}

export const leaveTone = (status: LeaveStatus): TagTone =>
  status === 'approved' ? 'success' : status === 'rejected' ? 'primary' : 'gold';

/** The leave request as a tag (`请假待审批` …); none when there is none or the status already reads 请假. */
export function leaveTag(mine: Pick<MyActivityStatus, 'status' | 'leave'> | null): TagView | null {
  if (!mine?.leave || mine.status === 'leave') return null;
  return { label: `请假${LEAVE_LABELS[mine.leave.status]}`, tone: leaveTone(mine.leave.status) };
}

/** `14:05` in China time. */
export function clockTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return formatDateTime(iso, new Date(t)).split(' ')[1] ?? '';
}

/** What the member earns by attending: `+2 分（参加支部党员大会）`; a plain note when nothing. */
export function pointsEarnedText(points: number, ruleName: string): string {
  if (points <= 0) return '本次活动不计积分';
  return ruleName ? `+${points} 分（${ruleName}）` : `+${points} 分`;
}

/** Sign-in by scanning makes sense while the window is open and the member has not signed in. */
export function canScanIn(phase: ActivityPhase, status: AttendanceStatus | null | undefined): boolean {
  if (phase !== 'signing') return false;
  return status !== 'present' && status !== 'late' && status !== 'exempt';
}

/** When the member signed in: `已签到 · 11月23日 14:02`. Empty unless present or late. */
export function signedInText(status: AttendanceStatus | null, at: string | null, now: Date = new Date()): string {
  if ((status !== 'present' && status !== 'late') || !at) return '';
  return `${ATTENDANCE_LABELS[status]} · ${formatDateTime(at, now)}`;
}

/** The contract's reason rule (labels/common.ts) for leave; undefined when fine. */
export function leaveReasonError(reason: string): string | undefined {
  const r = reason.trim();
  if (r.length < REASON_MIN_LENGTH) return reasonMessages('请假原因').tooShort;
  if (r.length > REASON_MAX_LENGTH) return reasonMessages('请假原因').tooLong;
  return undefined;
}

/**
 * 撤回请假: the member's own request while it is pending and the activity has not started (the
 * server's rule, so the button is offered only when the server would accept).
 */
export function canWithdrawLeave(
  activity: { phase: ActivityPhase; startAt: string },
  leave: { status: LeaveStatus } | null | undefined,
  now: Date = new Date(),
): boolean {
  if (leave?.status !== 'pending') return false;
  if (activity.phase !== 'upcoming' && activity.phase !== 'signing') return false;
  return now.getTime() < Date.parse(activity.startAt);
}

/**
 * A link that opens the place in a map app from a browser (Amap's URI API, which reads GCJ-02
 * coordinates as WeChat gives them). WeChat itself uses `openLocation`.
 */
export function mapLink(place: { name: string; lat: number; lng: number }): string {
  const name = encodeURIComponent(place.name);
  return `https://uri.amap.com/marker?position=${place.lng},${place.lat}&name=${name}&coordinate=gaode&callnative=1`;
}
