import { defineSheets } from '../runtime/dispatch';
import { exportBoard } from './actions/export';

/** The tasks' Excel actions, served by the `sheets` function (contracts/deployment.ts). */
export const taskSheets = defineSheets('tasks', { exportBoard });
