import type { ActionName, FunctionName } from '../contracts';
import { envelopeSchema } from '../contracts/common';
import { deployedAt, SHEETS, type DeployedName } from '../contracts/deployment';
import { activityFunction } from './activities/function';
import { developFunction } from './develop/function';
import { identityFunction } from './identity/function';
import { lectureFunction } from './lectures/function';
import { pointsFunction } from './points/function';
import { rosterFunction } from './roster/function';
import type { CloudFunction, ContractFunction, NamedFunction } from './runtime/dispatch';
import { sheetsFunction } from './sheets/function';
import { tasksFunction } from './tasks/function';
import { noticeFunction } from './notices/function';

/**
 * Every cloud function as deployed, by name: each folder of cloudfunctions/ wraps one. The function
 * of a contract's name serves its actions but those that read or write Excel, which `sheets` serves
 * for every contract (contracts/deployment.ts says which; `tsc` holds each function to exactly them).
 */
export const deployedFunctions: { readonly [N in DeployedName]: NamedFunction<N, string> } = {
  identity: identityFunction,
  roster: rosterFunction,
  points: pointsFunction,
  activity: activityFunction,
  lecture: lectureFunction,
  develop: developFunction,
  tasks: tasksFunction,
  notice: noticeFunction,
  [SHEETS]: sheetsFunction,
};

export const deployedNames = Object.keys(deployedFunctions) as DeployedName[];

/**
 * Contract `name` as callers see it: every action of the contract, each passed to the deployed
 * function that serves it, as the mini-program's cloud call routes it.
 */
function routed<F extends FunctionName>(name: F, actions: readonly ActionName<F>[]): ContractFunction<F> {
  const call: CloudFunction = (event, ctx) => {
    const envelope = envelopeSchema.safeParse(event);
    // A malformed envelope is the function's own to refuse, as it would be in the cloud.
    if (!envelope.success) return deployedFunctions[name](event, ctx);
    const to = deployedAt(name, envelope.data.action);
    return deployedFunctions[to.name as DeployedName]({ ...(event as object), action: to.action }, ctx);
  };
  return Object.assign(call, { functionName: name, actions });
}

const contract = <F extends FunctionName>(name: F, own: readonly ActionName<F>[]): ContractFunction<F> =>
  routed(name, [
    ...own,
    ...sheetsFunction.actions.flatMap((qualified) => {
      const [fn, action] = qualified.split('.');
      return fn === name ? [action as ActionName<F>] : [];
    }),
  ]);

/**
 * Every contract, by name: the local host serves these (`POST /api/<contract>`), routing each
 * action to its deployed function. The one runtime registry of contracts and actions: the tests
 * that must cover every action (bad input, the bundles, docs/api.md) read it.
 */
export const functions: { readonly [F in FunctionName]: ContractFunction<F> } = {
  identity: contract('identity', identityFunction.actions),
  roster: contract('roster', rosterFunction.actions),
  points: contract('points', pointsFunction.actions),
  activity: contract('activity', activityFunction.actions),
  lecture: contract('lecture', lectureFunction.actions),
  develop: contract('develop', developFunction.actions),
  tasks: contract('tasks', tasksFunction.actions),
  notice: contract('notice', noticeFunction.actions),
};

export const functionNames = Object.keys(functions) as FunctionName[];

/** The actions of function `name`, as its contract lists them. */
export const actionsOf = <F extends FunctionName>(name: F): readonly ActionName<F>[] => functions[name].actions;

/** Every action of every function, as `[function, action]` pairs. */
export const allActions = (): Array<[FunctionName, string]> =>
  functionNames.flatMap((fn) => actionsOf(fn).map((action): [FunctionName, string] => [fn, action]));
