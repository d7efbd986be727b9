import type { ApiResult } from '@contracts';

/** Sends `{ action, data }` to a function and returns its envelope; throws ApiRequestError('NETWORK') when it cannot. */
export interface Transport {
  invoke(fn: string, action: string, data: unknown): Promise<ApiResult<unknown>>;
}

/** Whether a value has the `{ ok, ... }` envelope shape of every function's answer. */
export function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  if (v.ok === true) return true;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}
