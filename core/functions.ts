import type { ActionName, FunctionName } from '../contracts';
import { activityFunction } from './activities/function';
import { identityFunction } from './identity/function';
import { lectureFunction } from './lectures/function';
import { pointsFunction } from './points/function';
import { rosterFunction } from './roster/function';
import type { ContractFunction } from './runtime/dispatch';

/**
 * Every cloud function, by name: the local host serves these, and each cloud entry wraps one. The
 * one runtime registry of functions and actions: `tsc` holds each function to exactly its contract's
 * actions, so the tests that must cover every action (bad input, the bundles, docs/api.md) read it.
 */
export const functions: { readonly [F in FunctionName]: ContractFunction<F> } = {
  identity: identityFunction,
  roster: rosterFunction,
  points: pointsFunction,
  activity: activityFunction,
  lecture: lectureFunction,
};

export const functionNames = Object.keys(functions) as FunctionName[];

/** The actions of function `name`, as its contract lists them. */
export const actionsOf = <F extends FunctionName>(name: F): readonly ActionName<F>[] => functions[name].actions;

/** Every action of every function, as `[function, action]` pairs. */
export const allActions = (): Array<[FunctionName, string]> =>
  functionNames.flatMap((fn) => actionsOf(fn).map((action): [FunctionName, string] => [fn, action]));
