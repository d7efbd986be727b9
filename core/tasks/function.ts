import { defineFunction } from '../runtime/dispatch';
import { board, complete, create, mine } from './actions/tasks';

/** The `tasks` cloud function: the committee's tasks to branches (任务清单, 月工作提示) and their 销号. */
export const tasksFunction = defineFunction('tasks', { create, complete, board, mine });
