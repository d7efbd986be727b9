/** Typed calls to the `tasks` function: the committee's tasks to its branches and their 销号. */
import type { ActionInput } from '@contracts';
import { call } from '@/services/client';

export const createTask = (input: ActionInput<'tasks', 'create'>) => call('tasks', 'create', input);
export const completeTask = (id: string, orgId: string, note: string) => call('tasks', 'complete', { id, orgId, note });
export const getTaskBoard = (committeeId: string) => call('tasks', 'board', { committeeId });
export const exportTaskBoard = (committeeId: string) => call('tasks', 'exportBoard', { committeeId });
export const getMyTasks = (orgId: string) => call('tasks', 'mine', { orgId });
