/**
 * H5 session on the local host: a bearer token in storage, and the demo login (the host's demo
 * mode only). Imported only by `*.h5.ts(x)` files, so it never reaches the mini-program bundle.
 */
import Taro from '@tarojs/taro';
import { ApiRequestError, NETWORK_MESSAGE } from './errors';
import { isEnvelope } from './transport-types';

const TOKEN_KEY = 'zhibu.token';
const OPENID_KEY = 'zhibu.devOpenid';

/** Who the H5 app logs in as when it has no session yet: a bound member, so 首页 shows a card. */
export const DEFAULT_DEV_OPENID = 'demo-member-1';

export interface DevAccount {
  openid: string;
  label: string;
}

export function getToken(): string {
  return (Taro.getStorageSync(TOKEN_KEY) as string | undefined) || '';
}

export function getDevOpenid(): string {
  return (Taro.getStorageSync(OPENID_KEY) as string | undefined) || '';
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}

/** POSTs JSON to the host and returns the envelope's data, or throws ApiRequestError. */
export async function postJson<T>(path: string, body: unknown, token?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError('NETWORK', NETWORK_MESSAGE);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!isEnvelope(json)) {
    throw new ApiRequestError(
      res.status >= 500 || res.status === 404 ? 'NETWORK' : 'INTERNAL',
      '服务暂时不可用，请稍后重试',
    );
  }
  if (!json.ok) throw ApiRequestError.from(json.error);
  return json.data as T;
}

/** Logs in as a demo identity and keeps the token. */
export async function devLogin(openid: string): Promise<string> {
  const { token } = await postJson<{ token: string }>('/api/auth', { action: 'devLogin', data: { openid } });
  Taro.setStorageSync(TOKEN_KEY, token);
  Taro.setStorageSync(OPENID_KEY, openid);
  return token;
}

export async function devAccounts(): Promise<DevAccount[]> {
  const { items } = await postJson<{ items: DevAccount[] }>('/api/auth', { action: 'devAccounts' });
  return items;
}

let pending: Promise<string> | null = null;

/** The current token; logs in (as the last demo identity, or the default one) when there is none. */
export function ensureSession(): Promise<string> {
  const token = getToken();
  if (token) return Promise.resolve(token);
  if (!pending) {
    pending = devLogin(getDevOpenid() || DEFAULT_DEV_OPENID).finally(() => {
      pending = null;
    });
  }
  return pending;
}
