import { z } from 'zod';
import { dateSchema, idSchema, type FileLink } from './common';
import {
  TASK_DETAILS_MAX,
  TASK_NOTE_MAX,
  TASK_REPEATS,
  TASK_TITLE_MAX,
  type TaskRepeat,
  type TaskStatus,
} from './labels/tasks';

export { TASK_STATUS_LABELS, TASK_REPEAT_LABELS, TASK_DUE_SOON_DAYS } from './labels/tasks';
export type { TaskRepeat, TaskStatus };

export const taskSchemas = {
  /** Committee admin: a task (月工作提示, 任务清单) for some or all of the branches under them. */
  create: z
    .object({
      title: z.string().trim().min(2, '任务名称至少 2 个字').max(TASK_TITLE_MAX, `任务名称最多 ${TASK_TITLE_MAX} 个字`),
      details: z.string().trim().max(TASK_DETAILS_MAX, `任务说明最多 ${TASK_DETAILS_MAX} 个字`).optional(),
      /** The China date it is due (the end of that day); a monthly task is due that day of every month. */
      dueAt: dateSchema,
      orgIds: z.array(idSchema).min(1, '请选择党支部').max(500),
      repeat: z.enum(TASK_REPEATS).optional(),
    })
    .strict(),
  /** The branch's secretary (or an admin): 销号 with a note. */
  complete: z
    .object({
      id: idSchema,
      orgId: idSchema,
      note: z.string().trim().min(1, '请填写销号说明').max(TASK_NOTE_MAX, `销号说明最多 ${TASK_NOTE_MAX} 个字`),
    })
    .strict(),
  /** Committee admin: branches × tasks, overdue first. */
  board: z.object({ committeeId: idSchema }).strict(),
  exportBoard: z.object({ committeeId: idSchema }).strict(),
  /** The branch's secretary: its tasks, open ones first. */
  mine: z.object({ orgId: idSchema }).strict(),
};

export interface TaskBoardTask {
  id: string;
  title: string;
  details: string;
  /** The current occurrence's China date (a monthly task: this month's, clamped to the month's end). */
  dueAt: string;
  repeat: TaskRepeat | null;
  /** The occurrence: `YYYY-MM` for a monthly task, `once` otherwise. */
  period: string;
  done: number;
  total: number;
}

export interface TaskBoardCell {
  taskId: string;
  orgId: string;
  status: TaskStatus;
  /** Open and due within TASK_DUE_SOON_DAYS days: yellow. */
  dueSoon: boolean;
  /** Days from today (China) to the due date: negative once overdue. */
  daysLeft: number;
  note: string | null;
  doneAt: string | null;
}

export interface TaskItem extends TaskBoardTask {
  status: TaskStatus;
  dueSoon: boolean;
  daysLeft: number;
  note: string | null;
  doneAt: string | null;
}

export interface TaskOutputs {
  create: { id: string };
  complete: { id: string; orgId: string; period: string; doneAt: string };
  board: { tasks: TaskBoardTask[]; cells: TaskBoardCell[]; orgs: Array<{ id: string; name: string }> };
  exportBoard: FileLink;
  mine: { items: TaskItem[] };
}
