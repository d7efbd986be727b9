import type { Store } from '../shared/collections';
import { queryAll } from '../shared/paging';
import type { TaskCompletionDoc, TaskDoc } from './documents';

/**
 * Every read of the tasks' collections that is not by id. Each is served by an index of
 * `core/store/schema.ts`: `queries.plan.test.ts` proves it.
 */

/** A committee's tasks, oldest first. */
export const tasksOfCommittee = (store: Store, committeeId: string): Promise<TaskDoc[]> =>
  queryAll(store, 'tasks', { committeeId }, 'createdAt');

/** The branches' 销号 of one occurrence of a task. */
export const completionsOf = (store: Store, taskId: string, period: string): Promise<TaskCompletionDoc[]> =>
  queryAll(store, 'taskCompletions', { taskId, period });
