import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileDoc } from '../core/shared/documents';
import type { Clock, FileGateway } from '../core/runtime/context';
import { AppError, notFound } from '../core/runtime/errors';
import type { Store } from '../core/shared/collections';

const PREFIX = 'local:';
const DAY_MS = 24 * 3600_000;
/** Published files are capability URLs: unguessable, and only good for a day. */
const PUBLISHED_TTL_MS = DAY_MS;
/** An upload never shared as a lecture's media is only read by an import right after it: kept a day. */
const UPLOAD_TTL_MS = DAY_MS;
/** What an import reads, whatever content type the upload declared (a bigger file is no roster). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const ID = /^[0-9a-f]{32}$/;

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Copies `source` to `path`, at most `limit` bytes: false (and nothing on disk) when it is longer. */
function receive(source: Readable, path: string, limit: number): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const out = createWriteStream(path, { flags: 'wx' });
    let size = 0;
    let settled = false;
    const settle = (error: Error | null, complete: boolean) => {
      if (settled) return;
      settled = true;
      source.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error || !complete) {
        // Stop reading; the caller answers and closes the connection.
        source.pause();
        out.destroy();
        unlink(path).then(
          () => (error ? reject(error) : resolve(false)),
          () => (error ? reject(error) : resolve(false)),
        );
      } else out.end(() => resolve(true));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return settle(null, false);
      if (!out.write(chunk)) {
        source.pause();
        out.once('drain', () => source.resume());
      }
    };
    const onEnd = () => settle(null, true);
    const onError = (error: Error) => settle(error, false);
    const onClose = () => settle(new Error('upload aborted'), false);
    source.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
    out.once('error', onError);
  });
}

export class LocalFiles {
  constructor(
    private readonly store: Store,
    private readonly dir: string,
    private readonly clock: Clock,
  ) {}

  private path(id: string): string {
    return join(this.dir, id);
  }

  private newDoc(owner: string, name: string, size: number, kind: FileDoc['kind']): FileDoc {
    return {
      _id: randomBytes(16).toString('hex'),
      name,
      owner,
      kind,
      size,
      createdAt: this.clock().toISOString(),
    };
  }

  async save(owner: string, name: string, content: Buffer, kind: FileDoc['kind']): Promise<FileDoc> {
    await mkdir(this.dir, { recursive: true });
    const doc = this.newDoc(owner, name, content.length, kind);
    await writeFile(this.path(doc._id), content);
    await this.store.create('files', doc);
    return doc;
  }

  /**
   * Streams an upload to disk (never whole in memory): its document, or null when it is longer
   * than `limit` (then nothing is kept). A partial file is `<id>.part` until the body is complete.
   */
  async receive(owner: string, name: string, source: Readable, limit: number): Promise<FileDoc | null> {
    await mkdir(this.dir, { recursive: true });
    const doc = this.newDoc(owner, name, 0, 'upload');
    const part = this.path(`${doc._id}.part`);
    if (!(await receive(source, part, limit))) return null;
    doc.size = (await stat(part)).size;
    await rename(part, this.path(doc._id));
    await this.store.create('files', doc);
    return doc;
  }

  /** Removes a received upload nobody will use (an empty one). */
  async discard(doc: FileDoc): Promise<void> {
    await unlink(this.path(doc._id)).catch(() => undefined);
    await this.store.remove('files', doc._id);
  }

  /** A published file for download, or null when unknown or expired. */
  async published(id: string): Promise<{ doc: FileDoc; content: Buffer } | null> {
    if (!ID.test(id)) return null;
    const doc = await this.store.get('files', id);
    if (!doc || doc.kind !== 'export' || this.clock().getTime() - Date.parse(doc.createdAt) > PUBLISHED_TTL_MS)
      return null;
    return { doc, content: await readFile(this.path(id)) };
  }

  /** A shared media file (a lecture's video or cover): its document and where it lies on disk. */
  async media(id: string): Promise<{ doc: FileDoc; path: string } | null> {
    if (!ID.test(id)) return null;
    const doc = await this.store.get('files', id);
    return doc?.kind === 'media' ? { doc, path: this.path(id) } : null;
  }

  /**
   * Removes what nobody needs any more: uploads never shared as media and exports, a day after
   * they were made, and partial uploads a day old. Returns how many files it removed.
   */
  async sweep(): Promise<number> {
    const now = this.clock().getTime();
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const id = name.endsWith('.part') ? name.slice(0, -'.part'.length) : name;
      if (!ID.test(id)) continue;
      const doc = name === id ? await this.store.get('files', id) : null;
      let expired: boolean;
      if (doc)
        expired =
          doc.kind !== 'media' &&
          now - Date.parse(doc.createdAt) > (doc.kind === 'export' ? PUBLISHED_TTL_MS : UPLOAD_TTL_MS);
      else {
        // A partial upload, or a file whose document was never written (the host stopped midway).
        const modified = await stat(this.path(name)).then(
          (s) => s.mtimeMs,
          () => now,
        );
        expired = now - modified > UPLOAD_TTL_MS;
      }
      if (!expired) continue;
      await unlink(this.path(name)).catch(() => undefined);
      if (doc) await this.store.remove('files', id);
      removed++;
    }
    return removed;
  }

  /** The gateway the handlers see for one caller: they may read only what that caller uploaded. */
  gatewayFor(openid: string | null): FileGateway {
    return {
      read: async (fileID) => {
        const id = fileID.startsWith(PREFIX) ? fileID.slice(PREFIX.length) : '';
        const doc = ID.test(id) ? await this.store.get('files', id) : null;
        if (!doc || doc.kind !== 'upload' || doc.owner !== openid) throw notFound('上传的文件');
        if (doc.size > MAX_IMPORT_BYTES)
          throw new AppError('INVALID_INPUT', `文件太大：不能超过 ${megabytes(MAX_IMPORT_BYTES)}`, 'fileID');
        return readFile(this.path(id));
      },
      shareMedia: async (fileID) => {
        const id = fileID.startsWith(PREFIX) ? fileID.slice(PREFIX.length) : '';
        const doc = ID.test(id) ? await this.store.get('files', id) : null;
        if (!doc || doc.owner !== openid || (doc.kind !== 'upload' && doc.kind !== 'media'))
          throw notFound('上传的文件');
        await this.store.update('files', id, { $set: { kind: 'media' } });
        return `/media/files/${id}/${encodeURIComponent(doc.name)}`;
      },
      publish: async (name, content) => {
        const doc = await this.save(openid ?? 'anonymous', name, content, 'export');
        return { fileID: `${PREFIX}${doc._id}`, url: `/files/${doc._id}/${encodeURIComponent(name)}` };
      },
    };
  }

  static fileIdOf(doc: FileDoc): string {
    return `${PREFIX}${doc._id}`;
  }
}
