import type { ApiError, FunctionName } from '../../contracts';
import type { Doc } from '../../core/store/port';
import { COLLECTIONS, type CollectionName } from '../../core/store/schema';
import type { Harness } from '../support/harness';
import type { Store } from '../../core/shared/collections';

/** A full mainland mobile number anywhere in a text (not part of a longer digit run). */
export const FULL_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** How many documents each collection holds. */
export async function documentCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of COLLECTION_NAMES) counts[name] = await store.count(name);
  return counts;
}

/** Every document of the given collections, sorted by id: compare two of these to prove nothing changed. */
export async function snapshot(
  store: Store,
  collections: CollectionName[] = COLLECTION_NAMES.filter((c) => c !== 'sessions' && c !== 'files'),
): Promise<Record<string, Doc[]>> {
  const all: Record<string, Doc[]> = {};
  for (const name of collections) all[name] = await store.query(name, { orderBy: [['_id', 'asc']], limit: 1000 });
  return all;
}

/** Calls an action and returns its error; fails the test if it succeeded. */
export async function expectError(
  h: Harness,
  openid: string | null,
  fn: FunctionName,
  action: string,
  data: unknown,
  code: ApiError['code'],
): Promise<ApiError> {
  const result = await h.raw(openid, fn, { action, data });
  if (result.ok) throw new Error(`${fn}.${action} should have failed with ${code}, got ${JSON.stringify(result.data)}`);
  if (result.error.code !== code)
    throw new Error(`${fn}.${action} should have failed with ${code}, got ${JSON.stringify(result.error)}`);
  return result.error;
}
