import type { ActivityDoc } from '../activities/documents';
import type { BindingDoc, MemberDoc } from '../model';
import type { RuleSet } from '../points/rules';
import type { HandlerContext } from '../runtime/context';
import type { DocStore } from '../store/port';
import { loadRules } from './point-rules';

/**
 * Short-lived, per-process copies of what every sign-in reads but rarely changes: who an openid
 * is, the activity (its secret, window and attendee list) and the committee's rules. They keep
 * a sign-in to its one transaction. Writes in this process forget the copies at once; another
 * cloud-function instance may see a change up to the time-to-live late, which the sign-in
 * tolerates: closing and signing in exclude each other through the attendance document, not
 * through these copies.
 */
class TtlCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = await load();
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
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
}

interface Caches {
  members: TtlCache<MemberDoc | null>;
  activities: TtlCache<ActivitySnapshot | null>;
  rules: TtlCache<RuleSet>;
}

const byStore = new WeakMap<DocStore, Caches>();

function cachesOf(store: DocStore): Caches {
  let caches = byStore.get(store);
  if (!caches) {
    caches = {
      members: new TtlCache(30_000, 50_000),
      activities: new TtlCache(10_000, 1_000),
      rules: new TtlCache(60_000, 100),
    };
    byStore.set(store, caches);
  }
  return caches;
}

/** The active member bound to `openid`, or null. */
export function boundMember(ctx: HandlerContext, openid: string): Promise<MemberDoc | null> {
  return cachesOf(ctx.store).members.get(openid, async () => {
    const binding = await ctx.store.get<BindingDoc>('bindings', openid);
    const member = binding ? await ctx.store.get<MemberDoc>('members', binding.memberId) : null;
    return member && member.status === 'active' ? member : null;
  });
}

export function activitySnapshot(ctx: HandlerContext, id: string): Promise<ActivitySnapshot | null> {
  return cachesOf(ctx.store).activities.get(id, async () => {
    const doc = await ctx.store.get<ActivityDoc>('activities', id);
    return doc ? { doc, expected: new Set(doc.attendees.map((a) => a.id)) } : null;
  });
}

export function committeeRules(ctx: HandlerContext, committeeId: string): Promise<RuleSet> {
  return cachesOf(ctx.store).rules.get(committeeId, () => loadRules(ctx.store, committeeId));
}

/** Call after a roster or binding change: who an openid is may have changed. */
export const forgetMembers = (store: DocStore): void => cachesOf(store).members.clear();
export const forgetActivity = (store: DocStore, id: string): void => cachesOf(store).activities.delete(id);
export const forgetRules = (store: DocStore): void => cachesOf(store).rules.clear();
