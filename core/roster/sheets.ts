import { defineSheets } from '../runtime/dispatch';
import { exportMembers, importMembers, importTemplate } from './actions/excel';
import { exportMyData } from './actions/my-data';

/** The roster's Excel actions, served by the `sheets` function (contracts/deployment.ts). */
export const rosterSheets = defineSheets('roster', { importTemplate, importMembers, exportMembers, exportMyData });
