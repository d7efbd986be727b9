import { defineSheets } from '../runtime/dispatch';
import { exportPoints } from './actions/export';

/** The points' Excel actions, served by the `sheets` function (contracts/deployment.ts). */
export const pointsSheets = defineSheets('points', { export: exportPoints });
