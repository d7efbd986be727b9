import { defineSheets } from '../runtime/dispatch';
import { exportAttendance, exportPeriod, exportRecord } from './actions/export';

/** The activities' Excel actions, served by the `sheets` function (contracts/deployment.ts). */
export const activitySheets = defineSheets('activity', { exportAttendance, exportPeriod, exportRecord });
