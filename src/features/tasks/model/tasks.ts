/** How a task's status shows: red overdue, yellow due within 3 days, green done. Pure: no Taro. */
import { TASK_STATUS_LABELS, type TaskStatus } from '@contracts/labels/tasks';

export type TaskTone = 'primary' | 'gold' | 'success' | 'muted';

export interface TaskState {
  status: TaskStatus;
  dueSoon: boolean;
  daysLeft: number;
}

export function taskTone({ status, dueSoon }: TaskState): TaskTone {
  if (status === 'overdue') return 'primary';
  if (status === 'done') return 'success';
  return dueSoon ? 'gold' : 'muted';
}

/** `已逾期 2 天`, `今天截止`, `还剩 3 天`, `已销号`. */
export function taskStateLabel({ status, daysLeft }: TaskState): string {
  if (status === 'done') return TASK_STATUS_LABELS.done;
  if (status === 'overdue') return `${TASK_STATUS_LABELS.overdue} ${-daysLeft} 天`;
  return daysLeft === 0 ? '今天截止' : `还剩 ${daysLeft} 天`;
}

/** `2026年11月30日`, from a China date `2026-11-30`. */
export const dueLabel = (date: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** A 销号 note: 1 to 500 characters once trimmed. */
export function noteProblem(note: string): string | undefined {
  const trimmed = note.trim();
  if (!trimmed) return '请填写销号说明';
  if (trimmed.length > 500) return '销号说明最多 500 个字';
  return undefined;
}
