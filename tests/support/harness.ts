import type { ActionInput, ActionName, ActionOutput, ApiResult, FunctionName } from '../../contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functions } from '../../core/functions';
import type { FileGateway, HandlerContext } from '../../core/runtime/context';
import { notFound } from '../../core/runtime/errors';
import { newId } from '../../core/runtime/ids';
import type { DocStore } from '../../core/store/port';
import { SqliteStore } from '../../core/store/sqlite';
import { seedDemo } from '../../host/demo/seed';
import type { Store } from '../../core/shared/collections';

/** An in-memory file gateway: uploads are put in by the test, publications kept for inspection. */
export class MemoryFiles {
  readonly uploads = new Map<string, { owner: string; content: Buffer }>();
  readonly published = new Map<string, { name: string; content: Buffer }>();

  upload(owner: string, content: Buffer): string {
    const fileID = `mem:${this.uploads.size + 1}`;
    this.uploads.set(fileID, { owner, content });
    return fileID;
  }

  gatewayFor(openid: string | null): FileGateway {
    return {
      read: async (fileID) => {
        const file = this.uploads.get(fileID);
        if (!file || file.owner !== openid) throw notFound('上传的文件');
        return file.content;
      },
      shareMedia: async (fileID) => {
        const file = this.uploads.get(fileID);
        if (!file || file.owner !== openid) throw notFound('上传的文件');
        return `/media/${fileID}`;
      },
      publish: async (name, content) => {
        const fileID = `mem:pub:${this.published.size + 1}`;
        this.published.set(fileID, { name, content });
        return { fileID, url: `/files/${fileID}` };
      },
    };
  }
}

export interface Harness {
  store: Store;
  /** The same store behind the plain port, for decorators such as `CountingStore`. */
  adapter: DocStore;
  files: MemoryFiles;
  /** The clock every call sees; tests may move it. */
  now: { value: Date };
  /** Calls a function as `openid` (null: not signed in) and returns the raw result. */
  raw(openid: string | null, fn: FunctionName, event: unknown): Promise<ApiResult<unknown>>;
  /** Calls an action and returns its data, failing the test on an error result. */
  call<F extends FunctionName, A extends ActionName<F>>(
    openid: string | null,
    fn: F,
    action: A,
    data?: ActionInput<F, A>,
  ): Promise<ActionOutput<F, A>>;
  /** Calls an action that must fail, and returns its error. */
  fail<F extends FunctionName, A extends ActionName<F>>(
    openid: string | null,
    fn: F,
    action: A,
    data?: unknown,
  ): Promise<Extract<ApiResult<unknown>, { ok: false }>['error']>;
  /** Settles once the store has closed (a file store: before its folder may be removed). */
  close(): Promise<void>;
}

/**
 * Where the store keeps its data. `file` is how production runs: writes through one connection,
 * committed together at the end of each turn of the event loop, plain reads through a second one;
 * races between requests that one in-memory connection hides show there. Concurrency tests run on both.
 */
export type Storage = 'memory' | 'file';
export const STORAGES: readonly Storage[] = ['memory', 'file'];

export interface HarnessOptions {
  seed?: boolean;
  at?: string;
  /** A throw-away file in a temporary folder, removed on close (default memory). */
  storage?: Storage;
  /** A file the caller owns (and removes); overrides `storage`. */
  file?: string;
  /** ZHIBU_SETUP_CODE as the functions see it (初始化). */
  setupCode?: string;
  /** WeChat's 小程序码 maker (a test double of cloud.openapi's wxacode.getUnlimited). */
  miniProgramCode?: HandlerContext['miniProgramCode'];
  /** WeChat's subscribe messages (a test double of cloud.openapi's subscribeMessage.send) and their templates. */
  subscribe?: HandlerContext['subscribe'];
}

/** A fresh SQLite store with the demo data, and a way to call the functions. */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = !options.file && options.storage === 'file' ? mkdtempSync(join(tmpdir(), 'zhibu-harness-')) : null;
  const store = new SqliteStore({ file: options.file ?? (dir ? join(dir, 'zhibu.sqlite') : ':memory:') });
  const now = { value: new Date(options.at ?? '2026-11-23T02:00:00.000Z') };
  if (options.seed !== false) await seedDemo(store, now.value);
  const files = new MemoryFiles();
  const context = (openid: string | null): HandlerContext => ({
    openid,
    store,
    clock: () => now.value,
    files: files.gatewayFor(openid),
    newId: () => newId(now.value.getTime()),
    setupCode: options.setupCode,
    miniProgramCode: options.miniProgramCode,
    subscribe: options.subscribe,
  });
  const raw = (openid: string | null, fn: FunctionName, event: unknown) => functions[fn](event, context(openid));
  return {
    store,
    adapter: store,
    files,
    now,
    raw,
    async call(openid, fn, action, data) {
      const result = await raw(openid, fn, { action, data });
      if (!result.ok) throw new Error(`${fn}.${action} failed: ${result.error.code} ${result.error.message}`);
      return result.data as never;
    },
    async fail(openid, fn, action, data) {
      const result = await raw(openid, fn, { action, data });
      if (result.ok) throw new Error(`${fn}.${action} should have failed but returned ${JSON.stringify(result.data)}`);
      return result.error;
    },
    close: async () => {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a block of concurrency tests run on each storage (`describe.each(STORAGES)`) in a file whose
 * `beforeEach` opens a default harness: the same harness on `storage` (a fresh one on a file).
 */
export async function onStorage(current: Harness, storage: Storage): Promise<Harness> {
  if (storage === 'memory') return current;
  await current.close();
  return createHarness({ storage });
}
