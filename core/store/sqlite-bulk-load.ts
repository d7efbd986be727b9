import type Database from 'better-sqlite3';
import type { Doc } from './port';
import { newVersion, type SqliteTables } from './sqlite-tables';

/** What a bulk load writes with ({@link bulkLoader}). */
export interface BulkLoader {
  /** Runs `write` as one SQLite transaction. */
  batch(write: () => void): void;
  /**
   * Inserts a document whose id is new. `version` defaults to a random one; a generator that must
   * reproduce its data set from a seed passes its own (any integer in 1..2^47).
   */
  insert<T extends Doc>(collection: string, doc: T, version?: number): void;
}

/**
 * Prepares the writing connection `db` for loading millions of generated documents fast: no
 * journal, no fsync, a 2 GB page cache, and the indexes of `collections` dropped. What the store
 * holds afterwards is unsafe to serve from: close it; opening the file again creates every
 * declared index (and the write-ahead log) anew.
 */
export function bulkLoader(db: Database.Database, tables: SqliteTables, collections: readonly string[]): BulkLoader {
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -2000000');
  for (const collection of collections) tables.table(collection);
  const indexes = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${collections.map(() => '?').join(', ')})`,
    )
    .all(...collections) as Array<{ name: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  const inserts = new Map<string, Database.Statement>();
  const insertInto = (collection: string): Database.Statement => {
    let statement = inserts.get(collection);
    if (!statement) {
      statement = db.prepare(`INSERT INTO ${tables.table(collection)} (_id, v, doc) VALUES (?, ?, ?)`);
      inserts.set(collection, statement);
    }
    return statement;
  };
  return {
    batch: (write) => db.transaction(write)(),
    insert: (collection, doc, version = newVersion()) => {
      insertInto(collection).run(doc._id, version, JSON.stringify(doc));
    },
  };
}
