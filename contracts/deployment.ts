import type { ActionName, FunctionName } from './index';
import { type SHEETS, type sheetActions } from './labels/deployment';

/** The map of which function serves which action (contracts/labels/deployment.ts, which the app bundles), typed. */
export { deployedAt, SHEETS, sheetActions } from './labels/deployment';

/** Every contract has an entry, and every name in it is an action of that contract, or this fails `tsc`. */
type Checked<T extends { readonly [F in FunctionName]: readonly ActionName<F>[] }> = T;
type SheetActions = Checked<typeof sheetActions>;

export type SheetAction<F extends FunctionName> = Extract<SheetActions[F][number], ActionName<F>>;
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
