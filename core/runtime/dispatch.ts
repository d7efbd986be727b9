import type { z } from 'zod';
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

/** Defines an action so that `run` receives the schema's parsed output type. */
export function action<S extends z.ZodTypeAny, O>(
  input: S,
  run: (ctx: HandlerContext, data: z.output<S>) => Promise<O>,
) {
  return { input, run } satisfies ActionDefinition<S, O>;
}

export type CloudFunction = (event: unknown, ctx: HandlerContext) => Promise<ApiResult<unknown>>;

function firstIssue(error: z.ZodError): AppError {
  const issue = error.issues[0];
  // A strict object reports unknown keys at its own path: name the first unknown key instead.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  // An issue with the payload as a whole (missing, or not an object) is about `data`.
  const field = path.length ? path.join('.') : 'data';
  return new AppError('INVALID_INPUT', `${field}：${issue.message}`, field);
}

/**
 * Builds a function from its actions: checks the `{ action, data }` envelope, validates `data`
 * with the action's schema, runs it, and turns every failure into a coded error. Nothing
 * personal is logged: only the function, action and error class.
 */
export function defineFunction(name: string, actions: Actions): CloudFunction {
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
      if (error instanceof AppError) return { ok: false, error: error.toApiError() };
      if (error instanceof DuplicateIdError) return { ok: false, error: { code: 'CONFLICT', message: '记录已存在' } };
      if (error instanceof TransactionConflictError)
        return { ok: false, error: { code: 'CONFLICT', message: '操作繁忙，请稍后重试' } };
      console.error(
        `[${name}] internal error: ${error instanceof Error ? `${error.name}: ${error.stack}` : 'unknown'}`,
      );
      return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } };
    }
  };
}
