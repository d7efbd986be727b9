import { MAX_QUERY_LIMIT, type Filter, type SortDirection } from '../store/port';
import type { CountedPage, Page } from '../../contracts/common';
import type { CollectionName } from '../store/schema';
import type { DocOf, Store } from './collections';

/**
 * Every document matching `where`, read a page at a time in `order` then `_id` (a single query
 * stops at {@link MAX_QUERY_LIMIT}; this never stops short). For the `queries.ts` of a feature.
 */
export async function queryAll<K extends CollectionName>(
  store: Store,
  collection: K,
  where: Filter,
  order = '_id',
  direction: SortDirection = 'asc',
): Promise<Array<DocOf<K>>> {
  const orderBy: Array<[string, SortDirection]> =
    order === '_id'
      ? [['_id', direction]]
      : [
          [order, direction],
          ['_id', direction],
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

/** A whole collection of one committee in `_id` order, a page at a time (keyset, not skip). For `queries.ts`. */
export async function* committeePages<K extends CollectionName>(
  store: Store,
  collection: K,
  committeeId: string,
  where: Filter = {},
): AsyncGenerator<Array<DocOf<K>>> {
  let after = '';
  for (;;) {
    const page = await store.query(collection, {
      where: { ...where, committeeId, _id: { $gt: after } },
      orderBy: [['_id', 'asc']],
      limit: MAX_QUERY_LIMIT,
    });
    yield page;
    if (page.length < MAX_QUERY_LIMIT) return;
    after = page[page.length - 1]._id;
  }
}

/** Page `page` (from 1) of `pageSize` items, holding `items`, of a list of `total` items. */
export const countedPage = <T>(
  items: T[],
  { page, pageSize }: { page: number; pageSize: number },
  total: number,
): CountedPage<T> => ({ items, page, pageSize, hasMore: page * pageSize < total, total });

/**
 * Page `page` from a read of up to `pageSize + 1` documents from its start: the extra one only
 * says that another page follows (no count needed).
 */
export const pageOfRead = <T>(read: T[], { page, pageSize }: { page: number; pageSize: number }): Page<T> => ({
  items: read.slice(0, pageSize),
  page,
  pageSize,
  hasMore: read.length > pageSize,
});
