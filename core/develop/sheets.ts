import { defineSheets } from '../runtime/dispatch';
import { exportPipeline } from './actions/export';

/** 发展党员's Excel action, served by the `sheets` function (contracts/deployment.ts). */
export const developSheets = defineSheets('develop', { exportPipeline });
