import type { z } from 'zod';
import type { ActionName, FunctionName, Outputs, Schemas } from '../../contracts';
import { envelopeSchema, type ApiResult } from '../../contracts/common';
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
 * What the contract asks of function `F`: exactly its actions, each taking the contract's schema
 * and answering what `Outputs[F][A]` promises.
 */
export type ContractActions<F extends FunctionName> = {
  [A in ActionName<F>]: Schemas[F][A] extends z.ZodTypeAny ? ActionDefinition<Schemas[F][A], Outputs[F][A]> : never;
};

/** Every key a map has beyond the contract's actions, typed `never`: an extra action fails to compile. */
type NoOtherActions<F extends FunctionName, M> = { [K in Exclude<keyof M, ActionName<F>>]: never };

/** Defines an action so that `run` receives the schema's parsed output type. */
export function action<S extends z.ZodTypeAny, O>(
  input: S,
  run: (ctx: HandlerContext, data: z.output<S>) => Promise<O>,
) {
  return { input, run } satisfies ActionDefinition<S, O>;
}

export type CloudFunction = (event: unknown, ctx: HandlerContext) => Promise<ApiResult<unknown>>;

/** A cloud function built from its contract, which knows the names of its actions. */
export interface ContractFunction<F extends FunctionName> extends CloudFunction {
  readonly functionName: F;
  readonly actions: readonly ActionName<F>[];
}

function firstIssue(error: z.ZodError): AppError {
  const issue = error.issues[0];
  // A strict object reports unknown keys at its own path: name the first unknown key instead.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  // An issue with the payload as a whole (missing, or not an object) is about `data`.
  const field = path.length ? path.join('.') : 'data';
  return new AppError('INVALID_INPUT', `${field}：${issue.message}`, field);
}

/**
 * Defines cloud function `name` from exactly the actions its contract lists (see `ContractActions`);
 * a missing or extra action, another action's schema or an output the contract does not promise
 * fails `tsc`. The function carries its action names: the registry in `core/functions.ts` serves them.
 */
export function defineFunction<F extends FunctionName, M extends ContractActions<F>>(
  name: F,
  actions: M & NoOtherActions<F, M>,
): ContractFunction<F> {
  const names = Object.keys(actions) as ActionName<F>[];
  return Object.assign(dispatcher(name, actions), { functionName: name, actions: names });
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
