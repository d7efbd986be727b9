import {
  taskSchemas,
  type TaskBoardCell,
  type TaskBoardTask,
  type TaskItem,
  type TaskOutputs,
} from '../../../contracts/tasks';
import { notifyAll, secretariesOf } from '../../notices';
import { action } from '../../runtime/dispatch';
import type { HandlerContext } from '../../runtime/context';
import { conflict, invalidInput, notFound } from '../../runtime/errors';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { chinaDate } from '../../shared/china-time';
import type { OrgTree } from '../../shared/org-tree';
import { completionId, type TaskCompletionDoc, type TaskDoc } from '../documents';
import { cellStatus, currentOccurrence, STATUS_RANK } from '../occurrence';
import { completionsOf, tasksOfCommittee } from '../queries';

const TASKS_PAGE = '/packages/secretary/pages/tasks/index';

export const create = action(taskSchemas.create, async (ctx, input): Promise<TaskOutputs['create']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const orgIds = [...new Set(input.orgIds)];
  const committees = new Set<string>();
  for (const [index, orgId] of orgIds.entries()) {
    const org = tree.get(orgId);
    if (!org) throw invalidInput(`orgIds.${index}`, '组织不存在');
    requirePermission(caller, tree, 'task.manage', orgId);
    if (org.kind !== 'branch') throw invalidInput(`orgIds.${index}`, '任务只能下发给党支部');
    if (org.archived) throw invalidInput(`orgIds.${index}`, '组织已撤销');
    committees.add(tree.nearest(orgId, 'committee')?.id ?? '');
  }
  if (committees.size !== 1) throw invalidInput('orgIds', '只能下发给同一党委的党支部');
  const now = ctx.clock();
  if (input.dueAt < chinaDate(now)) throw invalidInput('dueAt', '截止日期不能早于今天');
  const task: TaskDoc = {
    _id: ctx.newId(),
    committeeId: [...committees][0],
    title: input.title,
    details: input.details ?? '',
    dueDate: input.dueAt,
    repeat: input.repeat ?? null,
    orgIds,
    createdBy: caller.openid,
    createdAt: now.toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('tasks', task);
    await writeAudit(tx, ctx, caller.openid, {
      action: 'task.create',
      target: `tasks/${task._id}`,
      committeeId: task.committeeId,
      after: { title: task.title, dueDate: task.dueDate, repeat: task.repeat, orgIds },
    });
  });
  // The branches' secretaries hear of it in 消息; a lost notice costs no task, so it is written after.
  const { period, dueDate } = currentOccurrence(task, chinaDate(now));
  const secretaries = await secretariesOf(ctx.store, orgIds);
  await notifyAll(ctx.store, [...secretaries.values()].flat(), {
    kind: 'task.assigned',
    title: task.title,
    body: `截止 ${dueDate}${task.repeat ? '（每月）' : ''}`,
    link: TASKS_PAGE,
    key: `task.assigned:${task._id}:${period}`,
    at: now.toISOString(),
  });
  return { id: task._id };
});

export const complete = action(taskSchemas.complete, async (ctx, input): Promise<TaskOutputs['complete']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'task.complete', input.orgId);
  const task = await ctx.store.get('tasks', input.id);
  if (!task || !task.orgIds.includes(input.orgId)) throw notFound('任务');
  const now = ctx.clock();
  const { period } = currentOccurrence(task, chinaDate(now));
  const done: TaskCompletionDoc = {
    _id: completionId(task._id, period, input.orgId),
    taskId: task._id,
    period,
    orgId: input.orgId,
    note: input.note,
    by: caller.openid,
    byMemberId: caller.member?._id ?? null,
    at: now.toISOString(),
  };
  // 销号 once: a second one is refused (the first note stands), so a branch cannot rewrite its record.
  await ctx.store.transaction(async (tx) => {
    if (await tx.get('taskCompletions', done._id)) throw conflict('这项任务已销号');
    await tx.create('taskCompletions', done);
    await writeAudit(tx, ctx, caller.openid, {
      action: 'task.done',
      target: `taskCompletions/${done._id}`,
      committeeId: task.committeeId,
      after: { title: task.title, orgId: input.orgId, period, note: input.note },
    });
  });
  return { id: task._id, orgId: input.orgId, period, doneAt: done.at };
});

interface TaskView {
  task: TaskBoardTask;
  cells: TaskBoardCell[];
}

/** Each task's current occurrence and its cells for `orgIds` (all of the task's branches when absent). */
async function viewsOf(ctx: HandlerContext, tasks: TaskDoc[], onlyOrg?: string): Promise<TaskView[]> {
  const today = chinaDate(ctx.clock());
  return Promise.all(
    tasks.map(async (task) => {
      const { period, dueDate } = currentOccurrence(task, today);
      const completions = new Map((await completionsOf(ctx.store, task._id, period)).map((c) => [c.orgId, c]));
      const orgIds = onlyOrg ? [onlyOrg] : task.orgIds;
      const cells = orgIds.map((orgId): TaskBoardCell => {
        const done = completions.get(orgId);
        return {
          taskId: task._id,
          orgId,
          ...cellStatus(Boolean(done), dueDate, today),
          note: done?.note ?? null,
          doneAt: done?.at ?? null,
        };
      });
      return {
        task: {
          id: task._id,
          title: task.title,
          details: task.details,
          dueAt: dueDate,
          repeat: task.repeat,
          period,
          done: task.orgIds.filter((id) => completions.has(id)).length,
          total: task.orgIds.length,
        },
        cells,
      };
    }),
  );
}

const worst = (cells: TaskBoardCell[]) => Math.min(...cells.map((c) => STATUS_RANK[c.status]), STATUS_RANK.done);

/** Overdue first, then open, then done; within each, the earliest due first. */
const byUrgency = (a: TaskView, b: TaskView) =>
  worst(a.cells) - worst(b.cells) || a.task.dueAt.localeCompare(b.task.dueAt) || a.task.id.localeCompare(b.task.id);

/** The committee's board as `board` answers it (and `exportBoard` writes it). */
export async function loadBoard(
  ctx: HandlerContext,
  committeeId: string,
): Promise<TaskOutputs['board'] & { tree: OrgTree }> {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const committee = tree.get(committeeId);
  if (!committee || committee.kind !== 'committee') throw notFound('党委');
  requirePermission(caller, tree, 'task.manage', committeeId);
  const views = (await viewsOf(ctx, await tasksOfCommittee(ctx.store, committeeId))).sort(byUrgency);
  const order = new Map(views.map((v, i) => [v.task.id, i]));
  // Branches in the tree's order (as the 组织架构 lists them), not by the pinyin of 第一/第二.
  const place = new Map(tree.all().map((org, i) => [org.id, i]));
  const cells = views
    .flatMap((v) => v.cells)
    .sort(
      (a, b) =>
        STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
        (order.get(a.taskId) ?? 0) - (order.get(b.taskId) ?? 0) ||
        (place.get(a.orgId) ?? 0) - (place.get(b.orgId) ?? 0),
    );
  const orgs = [...new Set(views.flatMap((v) => v.cells.map((c) => c.orgId)))]
    .sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0))
    .map((id) => ({ id, name: tree.get(id)?.name ?? '' }));
  return {
    tasks: views.map((v) => v.task),
    cells,
    orgs,
    tree,
  };
}

export const board = action(taskSchemas.board, async (ctx, input): Promise<TaskOutputs['board']> => {
  const { tasks, cells, orgs } = await loadBoard(ctx, input.committeeId);
  return { tasks, cells, orgs };
});

export const mine = action(taskSchemas.mine, async (ctx, input): Promise<TaskOutputs['mine']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const org = tree.get(input.orgId);
  if (!org || org.kind !== 'branch') throw notFound('党支部');
  requirePermission(caller, tree, 'task.complete', input.orgId);
  const committeeId = tree.nearest(input.orgId, 'committee')?.id;
  const tasks = committeeId
    ? (await tasksOfCommittee(ctx.store, committeeId)).filter((t) => t.orgIds.includes(input.orgId))
    : [];
  const views = (await viewsOf(ctx, tasks, input.orgId)).sort(byUrgency);
  return {
    items: views.map(({ task, cells: [cell] }): TaskItem => ({
      ...task,
      status: cell.status,
      dueSoon: cell.dueSoon,
      daysLeft: cell.daysLeft,
      note: cell.note,
      doneAt: cell.doneAt,
    })),
  };
});
