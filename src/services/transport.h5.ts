/** H5 transport: `POST /api/<fn>` on the local host with the session's bearer token. */
import type { ApiResult } from '@contracts';
import { ApiRequestError, NETWORK_MESSAGE } from './errors';
import { clearToken, ensureSession } from './session';
import { isEnvelope, type Transport } from './transport-types';

async function post(fn: string, action: string, data: unknown, token: string): Promise<ApiResult<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(fn)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action, data }),
    });
  } catch {
    throw new ApiRequestError('NETWORK', NETWORK_MESSAGE);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!isEnvelope(json)) throw new ApiRequestError('NETWORK', '服务暂时不可用，请稍后重试');
  return json;
}

export const transport: Transport = {
  async invoke(fn, action, data) {
    const result = await post(fn, action, data, await ensureSession());
    // A stale token (the host was restarted with fresh data): log in again once and retry.
    if (!result.ok && result.error.code === 'UNAUTHENTICATED') {
      clearToken();
      return post(fn, action, data, await ensureSession());
    }
    return result;
  },
};
