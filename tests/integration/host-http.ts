import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../core/shared/collections';
import { SqliteStore } from '../../core/store/sqlite';
import { seedDemo } from '../../host/demo/seed';
import { buildHost, type HostOptions } from '../../host/server';

/**
 * The local host on a free port, called over real HTTP with paths and headers exactly as written
 * (Fastify's `inject` needs light-my-request, whose `cookie` dependency does not load under Jest).
 * Its clock is `now.value`, moved by the tests.
 */
export interface Reply {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json<T = { ok: boolean; data?: unknown; error?: { code: string; message: string } }>(): T;
}

export interface SendOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  payload?: Buffer | object;
}

export interface TestHost {
  app: FastifyInstance;
  store: Store;
  dataDir: string;
  port: number;
  now: { value: Date };
  send(options: SendOptions): Promise<Reply>;
  /** A demo login: the `Authorization` header's value. */
  login(openid: string): Promise<string>;
  close(): Promise<void>;
}

export function sendTo(port: number, options: SendOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload =
      options.payload === undefined || Buffer.isBuffer(options.payload)
        ? options.payload
        : Buffer.from(JSON.stringify(options.payload));
    const headers = {
      ...(payload && !Buffer.isBuffer(options.payload) ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    };
    const req = request(
      { host: '127.0.0.1', port, path: options.url, method: options.method ?? 'GET', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            statusCode: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: <T>() => JSON.parse(body.toString('utf8')) as T,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export async function startTestHost(
  options: Partial<Omit<HostOptions, 'store' | 'dataDir' | 'clock'>> & { at?: string; file?: boolean } = {},
): Promise<TestHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-host-'));
  const now = { value: new Date(options.at ?? '2026-11-23T02:00:00.000Z') };
  const store = new SqliteStore({ file: options.file ? join(dataDir, 'zhibu.sqlite') : ':memory:' });
  await seedDemo(store, now.value);
  const app = await buildHost({ demo: true, ...options, store, dataDir, clock: () => now.value });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const send = (o: SendOptions) => sendTo(port, o);
  return {
    app,
    store,
    dataDir,
    port,
    now,
    send,
    async login(openid) {
      const response = await send({
        method: 'POST',
        url: '/api/auth',
        payload: { action: 'devLogin', data: { openid } },
      });
      const token = response.json<{ data?: { token: string } }>().data?.token;
      if (!token) throw new Error(`demo login as ${openid} failed: ${response.body.toString()}`);
      return `Bearer ${token}`;
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
