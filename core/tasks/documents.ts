import type { TaskRepeat } from '../../contracts/labels/tasks';

/** A committee's task (任务清单, 月工作提示) for some of its branches; a monthly task is one document. */
export interface TaskDoc {
  _id: string;
  committeeId: string;
  title: string;
  details: string;
  /** China date (`YYYY-MM-DD`) of the first occurrence; a monthly task recurs on that day, clamped to the month's end. */
  dueDate: string;
  repeat: TaskRepeat | null;
  /** The branches it is for. */
  orgIds: string[];
  createdBy: string;
  createdAt: string;
}

/** `taskCompletions/<taskId>:<period>:<orgId>`: one branch's 销号 of one occurrence (period `once` or `YYYY-MM`). */
export interface TaskCompletionDoc {
  _id: string;
  taskId: string;
  period: string;
  orgId: string;
  note: string;
  /** The caller's openid, and their roster entry when they have one. */
  by: string;
  byMemberId: string | null;
  at: string;
}

export const completionId = (taskId: string, period: string, orgId: string) => `${taskId}:${period}:${orgId}`;
