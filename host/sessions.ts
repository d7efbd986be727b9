import { randomBytes } from 'node:crypto';
import type { SessionDoc } from '../core/model';
import type { DocStore } from '../core/store/port';

/** Bearer-token sessions of the local host, kept in the store and cached in memory. */
export class Sessions {
  private readonly cache = new Map<string, string>();

  constructor(private readonly store: DocStore) {}

  async create(openid: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.store.create<SessionDoc>('sessions', { _id: token, openid, createdAt: new Date().toISOString() });
    this.cache.set(token, openid);
    return token;
  }

  /** The openid behind an `Authorization: Bearer <token>` header, or null. */
  async resolve(header: string | undefined): Promise<string | null> {
    const token = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header ?? '')?.[1];
    if (!token) return null;
    const cached = this.cache.get(token);
    if (cached) return cached;
    const session = await this.store.get<SessionDoc>('sessions', token);
    if (session) this.cache.set(token, session.openid);
    return session?.openid ?? null;
  }
}
