import type { z } from 'zod';
import type { ActionName, FunctionName, Outputs, Schemas } from '../../contracts';
import { envelopeSchema, type ApiResult } from '../../contracts/common';
import {
  SHEETS,
  sheetActions,
  type OwnAction,
  type SheetAction,
  type SheetActionName,
  type SheetFeature,
} from '../../contracts/deployment';
import { DuplicateIdError, TransactionConflictError } from '../store/port';
import type { HandlerContext } from './context';
import { AppError } from './errors';
import { chineseErrorMap } from './zod-messages';

export interface ActionDefinition<S extends z.ZodTypeAny, O> {
  input: S;
  run: (ctx: HandlerContext, data: z.output<S>) => Promise<O>;
}

type Actions = Record<string, ActionDefinition<z.ZodTypeAny, unknown>>;

/**
 * What the contract asks of actions `A` of function `F` (all of them unless narrowed): exactly
 * those actions, each taking the contract's schema and answering what `Outputs[F][A]` promises.
 */
export type ContractActions<F extends FunctionName, A extends ActionName<F> = ActionName<F>> = {
  [K in A]: Schemas[F][K] extends z.ZodTypeAny ? ActionDefinition<Schemas[F][K], Outputs[F][K]> : never;
};

/** Every key a map has beyond actions `A`, typed `never`: an extra action fails to compile. */
type NoOtherActions<A extends string, M> = { [K in Exclude<keyof M, A>]: never };

/** Defines an action so that `run` receives the schema's parsed output type. */
export function action<S extends z.ZodTypeAny, O>(
  input: S,
  run: (ctx: HandlerContext, data: z.output<S>) => Promise<O>,
) {
  return { input, run } satisfies ActionDefinition<S, O>;
}

export type CloudFunction = (event: unknown, ctx: HandlerContext) => Promise<ApiResult<unknown>>;

/** A cloud function that knows its name and the names of the actions it answers. */
export interface NamedFunction<N extends string, A extends string> extends CloudFunction {
  readonly functionName: N;
  readonly actions: readonly A[];
}

/** A function answering every action of contract `F`, wherever each is deployed (core/functions.ts). */
export type ContractFunction<F extends FunctionName> = NamedFunction<F, ActionName<F>>;
/** The deployed function named `F`: the actions of contract `F` that `sheets` does not serve. */
export type FeatureFunction<F extends FunctionName> = NamedFunction<F, OwnAction<F>>;
/** The deployed `sheets` function: every action that reads or writes Excel, named `<contract>.<action>`. */
export type SheetsFunction = NamedFunction<typeof SHEETS, SheetActionName>;

function firstIssue(error: z.ZodError): AppError {
  const issue = error.issues[0];
  // A strict object reports unknown keys at its own path: name the first unknown key instead.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  // An issue with the payload as a whole (missing, or not an object) is about `data`.
  const field = path.length ? path.join('.') : 'data';
  return new AppError('INVALID_INPUT', `${field}：${issue.message}`, field);
}

/**
 * Defines cloud function `name` from exactly the actions of its contract that it serves itself
 * (contracts/deployment.ts: all but those of `sheets`; see `ContractActions`); a missing or extra
 * action, an action `sheets` serves, another action's schema or an output the contract does not
 * promise fails `tsc`. The function carries its action names: the registry in `core/functions.ts` serves them.
 */
export function defineFunction<F extends FunctionName, M extends ContractActions<F, OwnAction<F>>>(
  name: F,
  actions: M & NoOtherActions<OwnAction<F>, M>,
): FeatureFunction<F> {
  const names = Object.keys(actions) as OwnAction<F>[];
  return Object.assign(dispatcher(name, actions), { functionName: name, actions: names });
}

/** A contract's actions that `sheets` serves (a feature's `sheets.ts`, apart from its Excel-free index). */
export interface Sheets<F extends SheetFeature> {
  readonly feature: F;
  readonly actions: Actions;
}

/** Defines exactly the actions of contract `name` that contracts/deployment.ts gives to `sheets`, checked as `defineFunction` checks. */
export function defineSheets<F extends SheetFeature, M extends ContractActions<F, SheetAction<F>>>(
  name: F,
  actions: M & NoOtherActions<SheetAction<F>, M>,
): Sheets<F> {
  return { feature: name, actions };
}

/** The `sheets` function from every contract's sheets: the same schemas and handlers, under `<contract>.<action>`. */
export function defineSheetsFunction(sheets: { [F in SheetFeature]: Sheets<F> }): SheetsFunction {
  const actions: Actions = {};
  for (const feature of Object.keys(sheetActions) as FunctionName[]) {
    if (!Object.prototype.hasOwnProperty.call(sheets, feature)) continue;
    const own = sheets[feature as SheetFeature].actions;
    for (const [name, definition] of Object.entries(own)) actions[`${feature}.${name}`] = definition;
  }
  return Object.assign(dispatcher(SHEETS, actions), {
    functionName: SHEETS as typeof SHEETS,
    actions: Object.keys(actions) as SheetActionName[],
  });
}

/**
 * Builds a function from any set of actions: checks the `{ action, data }` envelope, validates `data`
 * with the action's schema, runs it, and turns every failure into a coded error. Nothing
 * personal is logged: only the function, action and error class.
 */
export function dispatcher(name: string, actions: Actions): CloudFunction {
  return async (event, ctx) => {
    try {
      const envelope = envelopeSchema.safeParse(event);
      if (!envelope.success) throw new AppError('INVALID_INPUT', '请求格式应为 { action, data }', 'action');
      const { action: actionName, data } = envelope.data;
      const definition = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
      if (!definition) throw new AppError('UNKNOWN_ACTION', `未知操作：${name}.${actionName}`);
      const parsed = definition.input.safeParse(data, { errorMap: chineseErrorMap });
      if (!parsed.success) throw firstIssue(parsed.error);
      return { ok: true, data: await definition.run(ctx, parsed.data) };
    } catch (error) {
      return errorResult(name, error);
    }
  };
}

/** Any failure as a coded error result; the unexpected ones are logged by class and stack, never with data. */
export function errorResult(name: string, error: unknown): ApiResult<never> {
  if (error instanceof AppError) return { ok: false, error: error.toApiError() };
  if (error instanceof DuplicateIdError) return { ok: false, error: { code: 'CONFLICT', message: '记录已存在' } };
  if (error instanceof TransactionConflictError)
    return { ok: false, error: { code: 'CONFLICT', message: '操作繁忙，请稍后重试' } };
  console.error(`[${name}] internal error: ${error instanceof Error ? `${error.name}: ${error.stack}` : 'unknown'}`);
  return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } };
}
