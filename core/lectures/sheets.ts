import { defineSheets } from '../runtime/dispatch';
import { exportStats } from './actions/export';

/** The lectures' Excel actions, served by the `sheets` function (contracts/deployment.ts). */
export const lectureSheets = defineSheets('lecture', { exportStats });
