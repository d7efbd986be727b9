import { TASK_STATUS_LABELS } from '../../contracts/labels/tasks';
import type { TaskOutputs } from '../../contracts/tasks';
import { addPrintableSheet, newWorkbook, workbookBytes } from '../shared/printable-sheet';

/**
 * The committee's task board as a printable sheet: a row per task and branch, overdue first, as
 * `tasks.board` orders its cells.
 */
export async function buildTaskBoard(
  heading: { committee: string; exportedAt: Date },
  board: TaskOutputs['board'],
): Promise<Buffer> {
  const title = `${heading.committee} 任务清单`;
  const workbook = newWorkbook(title);
  const tasks = new Map(board.tasks.map((t) => [t.id, t]));
  const orgs = new Map(board.orgs.map((o) => [o.id, o.name]));
  addPrintableSheet(workbook, {
    name: '任务清单',
    title,
    org: heading.committee,
    exportedAt: heading.exportedAt,
    columns: [
      { header: '任务', key: 'task', width: 28 },
      { header: '截止日期', key: 'dueAt', width: 12, kind: 'date' },
      { header: '党支部', key: 'org', width: 18 },
      { header: '状态', key: 'status', width: 10 },
      { header: '销号说明', key: 'note', width: 40 },
      { header: '销号时间', key: 'doneAt', width: 17, kind: 'dateTime' },
    ],
    rows: board.cells.map((cell) => {
      const task = tasks.get(cell.taskId);
      return {
        task: `${task?.title ?? ''}${task?.repeat ? '（每月）' : ''}`,
        dueAt: task?.dueAt ?? '',
        org: orgs.get(cell.orgId) ?? '',
        status: TASK_STATUS_LABELS[cell.status],
        note: cell.note ?? '',
        doneAt: cell.doneAt,
      };
    }),
  });
  return workbookBytes(workbook);
}
