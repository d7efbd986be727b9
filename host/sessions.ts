import { randomBytes } from 'node:crypto';
import type { SessionDoc } from '../core/identity/documents';
import type { Clock } from '../core/runtime/context';
import type { Store } from '../core/shared/collections';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A session ends after this long without use. A week: a member who opens the app for the
 * weekly 党小组 meeting or 主题党日 stays signed in, and no meeting comes near it (a session is
 * never cut short mid-meeting by idleness); a phone left unused for longer must sign in again.
 */
export const SESSION_IDLE_MS = 7 * DAY_MS;
/** A session ends this long after it was created, however often it is used. */
export const SESSION_ABSOLUTE_MS = 30 * DAY_MS;
/** Use is written back at most this often, so that a burst of requests costs no writes. */
const TOUCH_EVERY_MS = HOUR_MS;

/** Openids of the seed's demo identities (`demo-admin`, `demo-secretary`, …): refused outside demo mode. */
export const DEMO_OPENID_PREFIX = 'demo-';

/** A session document as stored: its lifetimes are fixed when it is created. */
export function sessionDoc(token: string, openid: string, now: Date, demo: boolean): SessionDoc {
  const at = now.toISOString();
  return {
    _id: token,
    openid,
    demo,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  };
}

/** The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive, RFC 7235). */
export function bearerToken(header: string | undefined): string | null {
  return /^bearer +([A-Za-z0-9_-]{16,128}) *$/i.exec(header ?? '')?.[1] ?? null;
}

/**
 * Bearer-token sessions of the local host, kept in the store and cached in memory. In demo mode
 * every session is honoured until it expires; outside it, sessions made by the demo login and
 * sessions of the demo identities are refused, whenever they were made.
 */
export class Sessions {
  private readonly cache = new Map<string, SessionDoc>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock = () => new Date(),
    /** Demo mode honours demo sessions; the default is production's refusal. */
    private readonly demoMode = false,
  ) {}

  /** A demo-login session (demo mode only: the caller checks). */
  async createDemo(openid: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    const doc = sessionDoc(token, openid, this.clock(), true);
    await this.store.create('sessions', doc);
    this.cache.set(token, doc);
    return token;
  }

  /** The openid behind an `Authorization` header, or null (no header, unknown, expired or refused). */
  async resolve(header: string | undefined): Promise<string | null> {
    const token = bearerToken(header);
    if (!token) return null;
    const session = this.cache.get(token) ?? (await this.store.get('sessions', token));
    if (!session) return null;
    if (!this.demoMode && (session.demo !== false || session.openid.startsWith(DEMO_OPENID_PREFIX))) {
      this.cache.delete(token);
      return null;
    }
    const now = this.clock().getTime();
    const lastSeen = Date.parse(session.lastSeenAt ?? session.createdAt);
    const expiresAt = session.expiresAt
      ? Date.parse(session.expiresAt)
      : Date.parse(session.createdAt) + SESSION_ABSOLUTE_MS;
    if (!(now < expiresAt && now - lastSeen < SESSION_IDLE_MS)) {
      this.cache.delete(token);
      await this.store.remove('sessions', token);
      return null;
    }
    if (now - lastSeen >= TOUCH_EVERY_MS) {
      const lastSeenAt = new Date(now).toISOString();
      await this.store.update('sessions', token, { $set: { lastSeenAt } });
      this.cache.set(token, { ...session, lastSeenAt });
    } else this.cache.set(token, session);
    return session.openid;
  }
}
