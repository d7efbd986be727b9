import type { AttendanceStatus } from '../../contracts/activity';

/** How an attendance status reads on a sheet. */
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  late: '迟到',
  leave: '请假',
  exempt: '免参加',
  absent: '缺席',
  expected: '未签到',
};
