/**
 * Which deployed cloud function serves which action. Callers address every action by its contract
 * (`roster.exportMembers`); every action that reads or writes Excel is deployed in one extra
 * function, `sheets`, so that the others carry no Excel library (about 1 MB) and start fast. The
 * cloud call, the local host and `tsc` (`defineFunction`, `defineSheets`) all route by this map;
 * contracts/deployment.ts checks its names against the contracts. Here, importing nothing, because
 * the app bundles it.
 */
export const SHEETS = 'sheets';

/** The actions of each contract that `sheets` serves; the function of the contract's name serves the rest. */
export const sheetActions = {
  identity: [],
  roster: [
    'importTemplate',
    'previewImport',
    'importMembers',
    'exportMembers',
    'exportMyData',
    'importEmployers',
    'exportEmployers',
  ],
  points: ['export'],
  activity: ['exportAttendance', 'exportPeriod', 'exportRecord'],
  lecture: ['exportStats'],
  develop: ['exportPipeline'],
  tasks: ['exportBoard'],
  notice: [],
} as const;

/** Where action `action` of contract `fn` is deployed: the function to call, and the action it answers there. */
export function deployedAt(fn: string, action: string): { name: string; action: string } {
  const sheets: readonly string[] | undefined = Object.prototype.hasOwnProperty.call(sheetActions, fn)
    ? sheetActions[fn as keyof typeof sheetActions]
    : undefined;
  return sheets?.includes(action) ? { name: SHEETS, action: `${fn}.${action}` } : { name: fn, action };
}
