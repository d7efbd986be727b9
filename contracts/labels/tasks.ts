/** Committee tasks' zod-free contract values (see labels/common.ts). */

export const TASK_STATUSES = ['overdue', 'open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Red, yellow-able, green: how the board and the branch's list name each status. */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { overdue: '已逾期', open: '未完成', done: '已销号' };
export const TASK_REPEATS = ['monthly'] as const;
export type TaskRepeat = (typeof TASK_REPEATS)[number];
export const TASK_REPEAT_LABELS: Record<TaskRepeat, string> = { monthly: '每月' };
/** An open task due within this many days (China dates) is shown yellow (`dueSoon`). */
export const TASK_DUE_SOON_DAYS = 3;
export const TASK_TITLE_MAX = 40;
export const TASK_DETAILS_MAX = 1000;
export const TASK_NOTE_MAX = 500;
