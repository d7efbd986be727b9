import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { ApiResult } from '../../../contracts';
import * as registry from '../../../core/functions';
import type { FileGateway, HandlerContext } from '../../../core/runtime/context';
import type { CloudFunction } from '../../../core/runtime/dispatch';
import { forbidden } from '../../../core/runtime/errors';
import { newId } from '../../../core/runtime/ids';
import type { Store } from '../../../core/shared/collections';
import { SqliteStore } from '../../../core/store/sqlite';
import { seedDemo } from '../../../host/demo/seed';

const root = join(__dirname, '..', '..', '..');

/** The cloud environment's storage prefix, as in a real fileID (`cloud://<env>.<bucket>/<path>`). */
const BUCKET = 'cloud://zhibu-test.7a68-zhibu-test-1300000000/';

export interface StoredFile {
  content: Buffer;
  /** The uploader's OPENID; null for files a cloud function wrote (the server SDK has no user). */
  openid: string | null;
}

/** A custom storage security rule: `read`/`write` expressions over `resource` and `auth`. */
export interface StorageRules {
  read: string;
  write: string;
}

/**
 * The storage rules README.md tells the deployer to set (the JSON in its "Building and uploading for
 * WeChat" steps), so that the tests hold the app to what the documentation configures.
 */
export function documentedStorageRules(): StorageRules {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const json = /`(\{ *"read": *"[^`]*\})`/.exec(readme)?.[1];
  if (!json) throw new Error('README.md no longer states the storage rules as `{ "read": …, "write": … }`');
  return JSON.parse(json) as StorageRules;
}

/** Evaluates a rule expression: the rule language's regular expressions and `==` are JavaScript's. */
function allows(rule: string, resource: { path: string; openid: string | null }, openid: string): boolean {
  return runInNewContext(`!!(${rule})`, { resource, auth: { openid } }) === true;
}

/**
 * The cloud side of the mini-program: the real handlers (core/functions.ts, each deployed function
 * by name, as `wx.cloud.callFunction` reaches them) over a SQLite file store seeded with the demo
 * data, and cloud storage that follows the storage rules. What is faked is only the edge that cannot
 * run here: WeChat's servers (the OPENID they vouch for is the test's) and CloudBase storage (a map).
 */
export class CloudBackend {
  readonly store: Store;
  readonly files = new Map<string, StoredFile>();
  /** Every call a function answered, in order (the test's window onto the traffic). */
  readonly calls: Array<{ openid: string; name: string; event: { action?: string; data?: unknown }; result: unknown }> =
    [];
  private readonly dir: string;
  private readonly functions: Record<string, CloudFunction>;

  private constructor(
    private readonly rules: StorageRules,
    private readonly clock: () => Date,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'zhibu-weapp-'));
    this.store = new SqliteStore({ file: join(this.dir, 'zhibu.sqlite') });
    // The deployed functions by name (an Excel action goes to `sheets`), or else one per contract.
    const deployed = (registry as unknown as { deployedFunctions?: Record<string, CloudFunction> }).deployedFunctions;
    this.functions = { ...registry.functions, ...deployed };
  }

  static async create(options: { rules?: StorageRules; clock?: () => Date } = {}): Promise<CloudBackend> {
    const backend = new CloudBackend(options.rules ?? documentedStorageRules(), options.clock ?? (() => new Date()));
    await seedDemo(backend.store, backend.clock());
    return backend;
  }

  async close(): Promise<void> {
    await (this.store as SqliteStore).close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  static fileID(cloudPath: string): string {
    return `${BUCKET}${cloudPath}`;
  }

  static pathOf(fileID: string): string | null {
    return fileID.startsWith(BUCKET) ? fileID.slice(BUCKET.length) : null;
  }

  hasFunction(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.functions, name);
  }

  /** A call from the mini-program: WeChat adds the caller's OPENID. */
  async callFunction(openid: string, name: string, event: unknown): Promise<ApiResult<unknown>> {
    const result = await this.functions[name](event, this.context(openid));
    this.calls.push({ openid, name, event: event as { action?: string }, result });
    return result;
  }

  /** The mini-program's own storage access (`wx.cloud.uploadFile`), under the write rule. */
  upload(openid: string, cloudPath: string, content: Buffer): string {
    const existing = this.files.get(cloudPath);
    const resource = { path: cloudPath, openid: existing ? existing.openid : openid };
    if (!allows(this.rules.write, resource, openid)) throw new Error('STORAGE_EXCEED_AUTHORITY');
    this.files.set(cloudPath, { content, openid });
    return CloudBackend.fileID(cloudPath);
  }

  /** The mini-program's own storage access (`wx.cloud.downloadFile`), under the read rule. */
  download(openid: string, fileID: string): Buffer {
    const path = CloudBackend.pathOf(fileID);
    const file = path === null ? undefined : this.files.get(path);
    if (!path || !file) throw new Error('STORAGE_FILE_NONEXIST');
    if (!allows(this.rules.read, { path, openid: file.openid }, openid)) throw new Error('STORAGE_EXCEED_AUTHORITY');
    return file.content;
  }

  /**
   * The functions' side of storage, as cloudfunctions/_shared/cloud-main.ts's `cloudFiles` does it
   * with the server SDK (which the storage rules do not govern).
   */
  private gateway(openid: string): FileGateway {
    const own = (fileID: string, folder: string) => fileID.includes(`/${folder}/${openid}/`);
    return {
      read: async (fileID) => {
        if (!own(fileID, 'uploads')) throw forbidden('只能导入自己上传的文件');
        const file = this.files.get(CloudBackend.pathOf(fileID) ?? '');
        if (!file) throw new Error('STORAGE_FILE_NONEXIST');
        return file.content;
      },
      shareMedia: async (fileID) => {
        if (!own(fileID, 'media')) throw forbidden('只能发布自己上传的视频和图片');
        return fileID;
      },
      publish: async (name, content) => {
        const cloudPath = `exports/${newId()}/${name}`;
        this.files.set(cloudPath, { content, openid: null });
        return { fileID: CloudBackend.fileID(cloudPath), url: `https://tmp.example.invalid/${cloudPath}` };
      },
    };
  }

  private context(openid: string): HandlerContext {
    return {
      openid,
      store: this.store,
      clock: this.clock,
      files: this.gateway(openid),
      newId: () => newId(this.clock().getTime()),
      // The activity function's ZHIBU_PUBLIC_URL, as deployed with link codes.
      publicUrl: 'https://zhibu.example.cn',
    };
  }
}
