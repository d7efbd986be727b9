import { defineSheets } from '../runtime/dispatch';
import { exportEmployers, importEmployers } from './actions/employers-excel';
import { exportMembers, importTemplate } from './actions/excel';
import { importMembers, previewImport } from './actions/import';
import { exportMyData } from './actions/my-data';

/** The roster's Excel actions, served by the `sheets` function (contracts/deployment.ts). */
export const rosterSheets = defineSheets('roster', {
  importTemplate,
  previewImport,
  importMembers,
  exportMembers,
  exportMyData,
  importEmployers,
  exportEmployers,
});
