import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileDoc } from '../core/model';
import type { FileGateway } from '../core/runtime/context';
import { notFound } from '../core/runtime/errors';
import type { DocStore } from '../core/store/port';

const PREFIX = 'local:';
/** Published files are capability URLs: unguessable, and only good for a day. */
const PUBLISHED_TTL_MS = 24 * 3600_000;

export class LocalFiles {
  constructor(
    private readonly store: DocStore,
    private readonly dir: string,
  ) {}

  private path(id: string): string {
    return join(this.dir, id);
  }

  async save(owner: string, name: string, content: Buffer, kind: FileDoc['kind']): Promise<FileDoc> {
    await mkdir(this.dir, { recursive: true });
    const doc: FileDoc = {
      _id: randomBytes(16).toString('hex'),
      name,
      owner,
      kind,
      size: content.length,
      createdAt: new Date().toISOString(),
    };
    await writeFile(this.path(doc._id), content);
    await this.store.create('files', doc);
    return doc;
  }

  /** A published file for download, or null when unknown or expired. */
  async published(id: string): Promise<{ doc: FileDoc; content: Buffer } | null> {
    if (!/^[0-9a-f]{32}$/.test(id)) return null;
    const doc = await this.store.get<FileDoc>('files', id);
    if (!doc || doc.kind !== 'export' || Date.now() - Date.parse(doc.createdAt) > PUBLISHED_TTL_MS) return null;
    return { doc, content: await readFile(this.path(id)) };
  }

  /** A shared media file (a lecture's video or cover): its document and where it lies on disk. */
  async media(id: string): Promise<{ doc: FileDoc; path: string } | null> {
    if (!/^[0-9a-f]{32}$/.test(id)) return null;
    const doc = await this.store.get<FileDoc>('files', id);
    return doc?.kind === 'media' ? { doc, path: this.path(id) } : null;
  }

  /** The gateway the handlers see for one caller: they may read only what that caller uploaded. */
  gatewayFor(openid: string | null): FileGateway {
    return {
      read: async (fileID) => {
        const id = fileID.startsWith(PREFIX) ? fileID.slice(PREFIX.length) : '';
        const doc = /^[0-9a-f]{32}$/.test(id) ? await this.store.get<FileDoc>('files', id) : null;
        if (!doc || doc.kind !== 'upload' || doc.owner !== openid) throw notFound('上传的文件');
        return readFile(this.path(id));
      },
      shareMedia: async (fileID) => {
        const id = fileID.startsWith(PREFIX) ? fileID.slice(PREFIX.length) : '';
        const doc = /^[0-9a-f]{32}$/.test(id) ? await this.store.get<FileDoc>('files', id) : null;
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
