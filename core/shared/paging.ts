import type { Filter } from '../store/port';
import { MAX_QUERY_LIMIT } from '../store/port';
import type { CollectionName } from '../store/schema';
import type { DocOf, Store } from './collections';

/**
 * Every document matching `where`, read a page at a time in `order` then `_id` (a single query
 * stops at {@link MAX_QUERY_LIMIT}; this never stops short).
 */
export async function queryAll<K extends CollectionName>(
  store: Store,
  collection: K,
  where: Filter,
  order = '_id',
): Promise<Array<DocOf<K>>> {
  const orderBy: Array<[string, 'asc']> =
    order === '_id'
      ? [['_id', 'asc']]
      : [
          [order, 'asc'],
          ['_id', 'asc'],
        ];
  const found: Array<DocOf<K>> = [];
  for (let skip = 0; ; skip += MAX_QUERY_LIMIT) {
    const page = await store.query(collection, { where, orderBy, limit: MAX_QUERY_LIMIT, skip });
    found.push(...page);
    if (page.length < MAX_QUERY_LIMIT) return found;
  }
}

/** Documents by id, read in chunks; ids that do not exist are left out. */
export async function byIds<K extends CollectionName>(
  store: Store,
  collection: K,
  ids: readonly string[],
): Promise<Map<string, DocOf<K>>> {
  const found = new Map<string, DocOf<K>>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += MAX_QUERY_LIMIT) {
    const chunk = unique.slice(i, i + MAX_QUERY_LIMIT);
    const docs = await store.query(collection, { where: { _id: { $in: chunk } }, limit: chunk.length });
    for (const doc of docs) found.set(doc._id, doc);
  }
  return found;
}

/** A whole collection of one committee in `_id` order, a page at a time (keyset, not skip). */
export async function* committeePages<K extends CollectionName>(
  store: Store,
  collection: K,
  committeeId: string,
): AsyncGenerator<Array<DocOf<K>>> {
  let after = '';
  for (;;) {
    const page = await store.query(collection, {
      where: { committeeId, _id: { $gt: after } },
      orderBy: [['_id', 'asc']],
      limit: MAX_QUERY_LIMIT,
    });
    yield page;
    if (page.length < MAX_QUERY_LIMIT) return;
    after = page[page.length - 1]._id;
  }
}
