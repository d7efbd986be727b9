import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyUpdate } from './documents';
import {
  DEFAULT_QUERY_LIMIT,
  DuplicateIdError,
  InvalidQueryError,
  MAX_QUERY_LIMIT,
  type Doc,
  type DocStore,
  type Filter,
  type QueryOptions,
  type TxStore,
  type Update,
} from './port';
import { COLLECTIONS } from './schema';
import { bulkLoader, type BulkLoader } from './sqlite-bulk-load';
import { configureCheckpoints } from './sqlite-checkpointer';
import { GroupCommit } from './sqlite-group-commit';
import { createTable, SqliteTables } from './sqlite-tables';
import { OptimisticTransactions } from './sqlite-transactions';

/**
 * The SQLite adapter, composed of: the tables, one per collection, holding each document as JSON
 * with the expression indexes declared in {@link COLLECTIONS} (`sqlite-tables.ts`, filters
 * compiled by `sqlite-filters.ts`); the group commit, one SQLite transaction per turn of the event
 * loop, and its checkpoint thread (`sqlite-group-commit.ts`, `sqlite-checkpointer.ts`); and
 * optimistic transactions that re-run on conflict, as CloudBase's do (`sqlite-transactions.ts`).
 *
 * Writes and transactions go through the writing connection, so transactions see the turn's
 * earlier commits (which are kept or lost with theirs); plain reads go through a second, read-only
 * connection and see only what is committed.
 */

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for a throw-away store. */
  file: string;
  /**
   * Checkpoint the write-ahead log from a worker thread (default for files). Where the thread's
   * script is missing (a bundle built without it), SQLite checkpoints on commit instead.
   */
  backgroundCheckpoints?: boolean;
  /** How long commits must pause before the worker checkpoints (default 250 ms). */
  checkpointWhenQuietForMs?: number;
  /** The longest a checkpoint waits for a pause while commits go on (default 5 s). */
  checkpointAtLeastEveryMs?: number;
}

/** `wal_checkpoint`'s modes: PASSIVE never waits; TRUNCATE waits for readers and empties the log. */
export type CheckpointMode = 'PASSIVE' | 'FULL' | 'RESTART' | 'TRUNCATE';

/** Bytes on disk of the database file, its write-ahead log and its shared-memory index (0: absent). */
export interface FileSizes {
  db: number;
  wal: number;
  shm: number;
}

export class SqliteStore implements DocStore {
  /** The writing connection; transactions read through it too. Not exposed: scripts use the operations hooks below. */
  private readonly db: Database.Database;
  /** Plain reads: only committed data (the same connection for an in-memory store, which cannot fail to commit). */
  private readonly reader: Database.Database;
  private readonly file: string;
  private readonly commits: GroupCommit;
  private readonly tables: SqliteTables;
  private readonly transactions: OptimisticTransactions;

  constructor({
    file,
    backgroundCheckpoints = file !== ':memory:',
    checkpointWhenQuietForMs = 250,
    checkpointAtLeastEveryMs = 5000,
  }: SqliteStoreOptions) {
    this.file = file;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    const checkpointer = configureCheckpoints(this.db, file, {
      background: backgroundCheckpoints,
      quietMs: checkpointWhenQuietForMs,
      atLeastEveryMs: checkpointAtLeastEveryMs,
    });
    // Writers wait this long for a lock another connection holds (the checkpoint thread's, a script's).
    this.db.pragma('busy_timeout = 5000');
    // A burst can grow the log to hundreds of megabytes before a checkpoint catches up; once it
    // restarts, the file is cut back to this size rather than kept at its largest.
    this.db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    const declared = Object.keys(COLLECTIONS);
    for (const name of declared) createTable(this.db, name);
    this.reader = file === ':memory:' ? this.db : new Database(file, { readonly: true });
    if (this.reader !== this.db) this.reader.pragma('busy_timeout = 5000');
    this.commits = new GroupCommit(this.db, checkpointer);
    this.tables = new SqliteTables(this.db, this.reader, this.commits, declared);
    this.transactions = new OptimisticTransactions(this.db, this.tables, this.commits);
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return this.tables.committed<T>(collection, id);
  }

  async create<T extends Doc>(collection: string, doc: T): Promise<void> {
    // The table first: creating one commits the open batch, which this write must then join anew.
    this.tables.table(collection);
    const committed = this.commits.join();
    const inserted = this.tables.insertRow(collection, doc);
    await committed;
    if (!inserted) throw new DuplicateIdError(collection, doc._id);
  }

  async set<T extends Doc>(collection: string, doc: T): Promise<void> {
    this.tables.table(collection);
    const committed = this.commits.join();
    this.tables.writeRow(collection, doc._id, JSON.stringify(doc));
    await committed;
  }

  async update(collection: string, id: string, update: Update): Promise<boolean> {
    this.tables.table(collection);
    const committed = this.commits.join();
    const row = this.tables.readRow(collection, id);
    if (row) this.tables.writeRow(collection, id, JSON.stringify(applyUpdate(row.doc, update)));
    await committed;
    return row !== null;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    this.tables.table(collection);
    const committed = this.commits.join();
    const removed = this.tables.deleteRow(collection, id);
    await committed;
    return removed;
  }

  async query<T extends Doc>(collection: string, options: QueryOptions = {}): Promise<T[]> {
    const limit = options.limit ?? DEFAULT_QUERY_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT)
      throw new InvalidQueryError(`limit must be 1..${MAX_QUERY_LIMIT}`);
    const skip = options.skip ?? 0;
    if (!Number.isInteger(skip) || skip < 0) throw new InvalidQueryError('skip must be a non-negative integer');
    return this.tables.select<T>(collection, { ...options, limit, skip });
  }

  async count(collection: string, where?: Filter): Promise<number> {
    return this.tables.count(collection, where);
  }

  transaction<R>(work: (tx: TxStore) => Promise<R>): Promise<R> {
    return this.transactions.run(work);
  }

  /**
   * Closes both connections at once; the promise settles when the checkpoint thread has closed its
   * own, so the database's folder can then be removed without the thread recreating a file in it.
   */
  close(): Promise<void> {
    const stopped = this.commits.close();
    if (this.reader !== this.db) this.reader.close();
    this.db.close();
    return stopped;
  }

  // Operations hooks, for benches and maintenance scripts: not part of the port.

  /** Commits the open batch, then checkpoints the write-ahead log into the database file now. */
  checkpoint(mode: CheckpointMode): void {
    this.commits.commit();
    this.db.pragma(`wal_checkpoint(${mode})`);
  }

  /** The sizes of the store's files (all 0 for an in-memory store). */
  fileSizes(): FileSizes {
    const size = (path: string) => (this.file !== ':memory:' && existsSync(path) ? statSync(path).size : 0);
    return { db: size(this.file), wal: size(`${this.file}-wal`), shm: size(`${this.file}-shm`) };
  }

  /**
   * Bulk loading, for a bench generating millions of documents: returns the loader and leaves the
   * store to be closed once it is done (see {@link bulkLoader}).
   */
  bulkLoad(collections: readonly string[]): BulkLoader {
    this.commits.commit();
    return bulkLoader(this.db, this.tables, collections);
  }
}
