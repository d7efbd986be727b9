import { TASK_DUE_SOON_DAYS, type TaskStatus } from '../../contracts/labels/tasks';
import type { TaskDoc } from './documents';

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** The due date of a monthly task in month `YYYY-MM`: the first due date's day, clamped to the month's end (Jan 31 → Feb 28/29). */
export function monthlyDueDate(firstDue: string, month: string): string {
  const day = Number(firstDue.slice(8, 10));
  const [year, m] = month.split('-').map(Number);
  return `${month}-${pad(Math.min(day, daysInMonth(year, m)))}`;
}

export interface Occurrence {
  /** `once`, or the month `YYYY-MM` of a monthly task. */
  period: string;
  dueDate: string;
}

/**
 * The occurrence a task stands at on China date `today`: a one-off task's only one; a monthly task's
 * of this month (or its first, before that month comes).
 */
export function currentOccurrence(task: Pick<TaskDoc, 'dueDate' | 'repeat'>, today: string): Occurrence {
  if (task.repeat !== 'monthly') return { period: 'once', dueDate: task.dueDate };
  const firstMonth = task.dueDate.slice(0, 7);
  const month = today.slice(0, 7) > firstMonth ? today.slice(0, 7) : firstMonth;
  return { period: month, dueDate: monthlyDueDate(task.dueDate, month) };
}

/** Whole days from China date `today` to `dueDate` (negative once past). */
export const daysBetween = (today: string, dueDate: string) =>
  Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/** A cell's status on China date `today`: due at the end of its due date. */
export function cellStatus(done: boolean, dueDate: string, today: string) {
  const daysLeft = daysBetween(today, dueDate);
  const status: TaskStatus = done ? 'done' : daysLeft < 0 ? 'overdue' : 'open';
  return { status, daysLeft, dueSoon: status === 'open' && daysLeft <= TASK_DUE_SOON_DAYS };
}

export const STATUS_RANK: Record<TaskStatus, number> = { overdue: 0, open: 1, done: 2 };
