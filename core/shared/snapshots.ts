import { bindingsOfMembers } from '../identity/queries';
import { byIds } from './paging';
import type { ActivityDoc } from '../activities/documents';
import type { LectureDoc } from '../lectures/documents';
import type { MemberDoc } from '../roster/documents';
import type { RuleSet } from '../points/rules';
import type { HandlerContext } from '../runtime/context';
import { loadRules } from '../points/rules';
import type { Store } from './collections';

/**
 * Short-lived, per-process copies of what every sign-in reads but rarely changes: who an openid
 * is, the activity (its secret, window, attendee list and the expected members by openid) and the
 * committee's rules. They keep a sign-in to its one transaction: once an activity's copy is
 * loaded, an expected member's sign-in reads nothing outside that transaction. Writes in this
 * process forget the copies at once; another cloud-function instance may see a change up to the
 * time-to-live late (twice that, while a reload runs), which the sign-in tolerates: closing and signing in exclude each other
 * through the attendance document, not through these copies.
 */
class TtlCache<T> {
  /** The load itself is kept, so that requests arriving together while it runs share it. */
  private readonly entries = new Map<string, { value: Promise<T>; expires: number; refreshing: boolean }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /**
   * A copy younger than the time-to-live is served as it is. One that expired less than a
   * time-to-live ago is still served while a fresh one loads in the background, so that busy
   * keys never make requests wait for a reload; an older one is reloaded first.
   */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.expires > now) return hit.value;
    if (hit && hit.expires + this.ttlMs > now) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const next = load();
        next.then(
          () => {
            if (this.entries.get(key) === hit)
              this.entries.set(key, { value: next, expires: Date.now() + this.ttlMs, refreshing: false });
          },
          () => {
            if (this.entries.get(key) === hit) this.entries.delete(key);
          },
        );
      }
      return hit.value;
    }
    const value = load();
    if (!hit && this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const entry = { value, expires: now + this.ttlMs, refreshing: false };
    this.entries.set(key, entry);
    // A failed load is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface ActivitySnapshot {
  doc: ActivityDoc;
  expected: Set<string>;
  /**
   * The expected members who are active and bound to WeChat, by openid: an expected member's
   * sign-in finds who they are here, with no lookup of its own.
   */
  members: Map<string, MemberDoc>;
}

interface Caches {
  members: TtlCache<MemberDoc | null>;
  activities: TtlCache<ActivitySnapshot | null>;
  rules: TtlCache<RuleSet>;
  lectures: TtlCache<LectureDoc | null>;
}

const byStore = new WeakMap<Store, Caches>();

function cachesOf(store: Store): Caches {
  let caches = byStore.get(store);
  if (!caches) {
    caches = {
      members: new TtlCache(30_000, 50_000),
      activities: new TtlCache(10_000, 1_000),
      rules: new TtlCache(60_000, 100),
      lectures: new TtlCache(30_000, 1_000),
    };
    byStore.set(store, caches);
  }
  return caches;
}

/** The active member bound to `openid`, or null. */
export function boundMember(ctx: HandlerContext, openid: string): Promise<MemberDoc | null> {
  return cachesOf(ctx.store).members.get(openid, async () => {
    const binding = await ctx.store.get('bindings', openid);
    const member = binding ? await ctx.store.get('members', binding.memberId) : null;
    return member && member.status === 'active' ? member : null;
  });
}

/** How many members (and bindings) one query of a snapshot reads. */
const SNAPSHOT_CHUNK = 100;

export function activitySnapshot(ctx: HandlerContext, id: string): Promise<ActivitySnapshot | null> {
  return cachesOf(ctx.store).activities.get(id, async () => {
    const doc = await ctx.store.get('activities', id);
    if (!doc) return null;
    const ids = doc.attendees.map((a) => a.id);
    const members = new Map<string, MemberDoc>();
    for (let i = 0; i < ids.length; i += SNAPSHOT_CHUNK) {
      const chunk = ids.slice(i, i + SNAPSHOT_CHUNK);
      const [docs, bindings] = await Promise.all([
        byIds(ctx.store, 'members', chunk),
        bindingsOfMembers(ctx.store, chunk),
      ]);
      for (const binding of bindings) {
        const member = docs.get(binding.memberId);
        if (member?.status === 'active') members.set(binding._id, member);
      }
    }
    return { doc, expected: new Set(ids), members };
  });
}

export function committeeRules(ctx: HandlerContext, committeeId: string): Promise<RuleSet> {
  return cachesOf(ctx.store).rules.get(committeeId, () => loadRules(ctx.store, committeeId));
}

/** Call after a roster or binding change: who an openid is may have changed (activity snapshots hold members too). */
export const forgetMembers = (store: Store): void => {
  const caches = cachesOf(store);
  caches.members.clear();
  caches.activities.clear();
};
export const forgetActivity = (store: Store, id: string): void => cachesOf(store).activities.delete(id);
export const forgetRules = (store: Store): void => cachesOf(store).rules.clear();

/** A lecture, for heartbeats: it changes only when it is published or unpublished. */
export function lectureSnapshot(ctx: HandlerContext, id: string): Promise<LectureDoc | null> {
  return cachesOf(ctx.store).lectures.get(id, () => ctx.store.get('lectures', id));
}
export const forgetLecture = (store: Store, id: string): void => cachesOf(store).lectures.delete(id);
