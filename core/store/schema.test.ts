import Database from 'better-sqlite3';
import { COLLECTIONS, type CollectionName } from './schema';
import { column, compileWhere } from './sqlite-filters';
import type { Scalar } from './port';

/**
 * The declared indexes serve the queries that read one member's records (identity.myData, 我的数据):
 * SQLite's query plan, over tables and indexes made as the SQLite adapter makes them, searches an
 * index instead of scanning the collection.
 */
function planOf(collection: CollectionName, where: Record<string, Scalar>, order: string): string {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE TABLE "${collection}" (_id TEXT PRIMARY KEY, v INTEGER NOT NULL, doc TEXT NOT NULL)`);
    for (const fields of COLLECTIONS[collection].indexes as ReadonlyArray<ReadonlyArray<string>>)
      db.exec(`CREATE INDEX "${collection}_${fields.join('_')}" ON "${collection}" (${fields.map(column).join(', ')})`);
    const params: Scalar[] = [];
    const sql = `SELECT doc FROM "${collection}"${compileWhere(where, params)} ORDER BY ${column(order)} ASC, _id ASC LIMIT 100`;
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
    return rows.map((row) => row.detail).join('\n');
  } finally {
    db.close();
  }
}

describe('one member’s records are found by index', () => {
  it.each([
    ['attendance', 'at'],
    ['leaves', 'at'],
    ['ledger', 'at'],
    ['lectureProgress', 'watchedAt'],
  ] as Array<[CollectionName, string]>)('%s by memberId, ordered by %s', (collection, order) => {
    const plan = planOf(collection, { memberId: 'member-004' }, order);
    expect(plan).toMatch(new RegExp(`SEARCH ${collection} USING INDEX ${collection}_memberId_`));
    expect(plan).not.toMatch(/\bSCAN\b/);
  });
});
