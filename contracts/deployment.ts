import type { ActionName, FunctionName } from './index';

/**
 * Which deployed cloud function serves which action. Callers address every action by its contract
 * (`roster.exportMembers`); every action that reads or writes Excel is deployed in one extra
 * function, `sheets`, so that the others carry no Excel library (about 1 MB) and start fast. The
 * cloud call, the local host and `tsc` (`defineFunction`, `defineSheets`) all route by this map.
 * Zod-free, importing types only: the app bundles it.
 */
export const SHEETS = 'sheets';

/** The actions of each contract that `sheets` serves; the function of the contract's name serves the rest. */
export const sheetActions = {
  identity: [],
  roster: ['importTemplate', 'importMembers', 'exportMembers', 'exportMyData'],
  points: ['export'],
  activity: ['exportAttendance', 'exportPeriod'],
  lecture: ['exportStats'],
} as const satisfies { readonly [F in FunctionName]: readonly ActionName<F>[] };

export type SheetAction<F extends FunctionName> = Extract<(typeof sheetActions)[F][number], ActionName<F>>;
/** The actions of contract `F` that the function named `F` serves itself. */
export type OwnAction<F extends FunctionName> = Exclude<ActionName<F>, SheetAction<F>>;
/** The contracts with actions in `sheets`. */
export type SheetFeature = { [F in FunctionName]: [SheetAction<F>] extends [never] ? never : F }[FunctionName];
/** How `sheets` names an action of contract `F`: `roster.exportMembers`. */
export type SheetActionName<F extends SheetFeature = SheetFeature> = F extends SheetFeature
  ? `${F}.${SheetAction<F>}`
  : never;
/** The cloud functions as deployed: one per contract, and `sheets`. */
export type DeployedName = FunctionName | typeof SHEETS;

/** Where action `action` of contract `fn` is deployed: the function to call, and the action it answers there. */
export function deployedAt(fn: string, action: string): { name: string; action: string } {
  const sheets: readonly string[] | undefined = Object.prototype.hasOwnProperty.call(sheetActions, fn)
    ? sheetActions[fn as FunctionName]
    : undefined;
  return sheets?.includes(action) ? { name: SHEETS, action: `${fn}.${action}` } : { name: fn, action };
}
