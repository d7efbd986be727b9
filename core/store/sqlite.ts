import Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyUpdate } from './documents';
import {
  DEFAULT_QUERY_LIMIT,
  DuplicateIdError,
  InvalidQueryError,
  MAX_QUERY_LIMIT,
  TransactionConflictError,
  type Doc,
  type DocStore,
  type Filter,
  type QueryOptions,
  type Scalar,
  type TxStore,
  type Update,
} from './port';
import { COLLECTIONS } from './schema';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer';
import { column, compileWhere } from './sqlite-filters';

/**
 * The SQLite adapter: one table per collection holding each document as JSON, with expression
 * indexes declared in {@link COLLECTIONS}. better-sqlite3 is synchronous, so a single statement
 * never interleaves with another request; transactions are optimistic: reads go to the database
 * and are remembered with the version they saw, writes are buffered in memory (so no one else can
 * see them), and commit re-checks every version and applies every write in one SQLite transaction.
 * A conflict re-runs the work, as CloudBase does.
 *
 * Group commit: the writes of one turn of the event loop (every request whose data arrived in it)
 * share one SQLite transaction, committed when the turn ends; each write resolves only then, so
 * nothing is acknowledged before it is in the log. A commit writes every page it changed, and the
 * pages at the ends of indexes and of a branch's totals change in nearly every sign-in: written
 * once per turn rather than once per sign-in, they stop dominating the cost of a burst.
 * Transactions read through the writing connection, so they see the turn's earlier commits (which
 * are kept or lost with theirs); plain reads go through a second, read-only connection and see
 * only what is committed.
 */

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const MAX_ATTEMPTS = 20;

/**
 * A random pause growing with the attempt number (up to 100 ms) before re-running a conflicted
 * transaction: without it, transactions started together retry in lockstep and all but one
 * conflict again on every round, so 50 concurrent increments of one counter run out of attempts.
 */
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, randomInt(0, Math.min(100, 2 ** attempt) + 1)));

type Row = { v: number; doc: string };
type Key = string; // `${collection}\u0000${id}`
/** A buffered write, serialised when buffered so that later changes to the caller's object cannot leak in. */
type Write = { collection: string; id: string; json: string | null; mustNotExist: boolean };

const keyOf = (collection: string, id: string): Key => `${collection}\u0000${id}`;
/** Taken at load, so that a test faking timers cannot stop commits. */
const endOfTurn = globalThis.setImmediate;
const newVersion = (): number => randomInt(1, 2 ** 47);

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for a throw-away store. */
  file: string;
  /** Checkpoint the write-ahead log from a worker thread (default for files). */
  backgroundCheckpoints?: boolean;
  /** How long commits must pause before the worker checkpoints (default 250 ms). */
  checkpointWhenQuietForMs?: number;
  /** The longest a checkpoint waits for a pause while commits go on (default 5 s). */
  checkpointAtLeastEveryMs?: number;
}

/** The writes of one turn of the event loop: one SQLite transaction, committed when the turn ends. */
interface Batch {
  committed: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SqliteStore implements DocStore {
  /** The writing connection; transactions read through it too. */
  readonly db: Database.Database;
  /** Plain reads: only committed data (the same connection for an in-memory store, which cannot fail to commit). */
  private readonly reader: Database.Database;
  private readonly tables = new Set<string>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly readStatements = new Map<string, Database.Statement>();
  private batch: Batch | null = null;
  /** Validates a transaction's reads and applies its writes, all or nothing (a savepoint within the batch). */
  private readonly applyWrites: (tx: OptimisticTransaction) => boolean;

  private readonly checkpointer: Checkpointer | null = null;

  constructor({
    file,
    backgroundCheckpoints = file !== ':memory:',
    checkpointWhenQuietForMs = 250,
    checkpointAtLeastEveryMs = 5000,
  }: SqliteStoreOptions) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    if (backgroundCheckpoints) {
      this.db.pragma('wal_autocheckpoint = 0');
      this.checkpointer = startCheckpointer(file, checkpointWhenQuietForMs, checkpointAtLeastEveryMs);
    } else {
      // Checkpoint every ~20 MB of log rather than every 4 MB: fewer commits pay for one.
      this.db.pragma('wal_autocheckpoint = 5000');
    }
    this.db.pragma('busy_timeout = 5000');
    // A burst can grow the log to hundreds of megabytes before a checkpoint catches up; once it
    // restarts, the file is cut back to this size rather than kept at its largest.
    this.db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    for (const name of Object.keys(COLLECTIONS)) this.table(name);
    this.reader = file === ':memory:' ? this.db : new Database(file, { readonly: true });
    if (this.reader !== this.db) this.reader.pragma('busy_timeout = 5000');
    this.applyWrites = this.db.transaction((tx: OptimisticTransaction) => {
      // Validate everything before writing anything: returning (rather than throwing) from a
      // better-sqlite3 transaction keeps whatever was already written.
      if (!this.isCurrent(tx)) return false;
      for (const write of tx.writes.values()) this.writeRow(write.collection, write.id, write.json);
      return true;
    });
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** A statement of the read-only connection (the table must exist: see {@link table}). */
  private readStatement(sql: string): Database.Statement {
    let statement = this.readStatements.get(sql);
    if (!statement) {
      statement = this.reader.prepare(sql);
      this.readStatements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Joins this turn's batch, opening it (and scheduling its commit) if there is none. The returned
   * promise settles when the batch is committed, or fails with the reason it could not be.
   */
  private joinBatch(): Promise<void> {
    if (this.batch) return this.batch.committed;
    this.statement('BEGIN IMMEDIATE').run();
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const committed = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Every writer awaits it; this handler only keeps an unobserved failure from crashing the process.
    committed.catch(() => undefined);
    this.batch = { committed, resolve, reject };
    endOfTurn(() => this.commitBatch());
    return committed;
  }

  private commitBatch(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    try {
      this.statement('COMMIT').run();
      this.checkpointer?.countCommit();
      batch.resolve();
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      batch.reject(error);
    }
  }

  /** Returns the quoted table name, creating the table and its declared indexes on first use. */
  private table(collection: string): string {
    if (!NAME.test(collection)) throw new InvalidQueryError(`invalid collection name: ${collection}`);
    const table = `"${collection}"`;
    if (!this.tables.has(collection)) {
      // Outside any batch, so that the read-only connection sees the new table at once.
      this.commitBatch();
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, v INTEGER NOT NULL, doc TEXT NOT NULL)`);
      const declared = (COLLECTIONS as Record<string, { indexes: ReadonlyArray<ReadonlyArray<string>> }>)[collection];
      for (const fields of declared?.indexes ?? []) {
        const name = `"${collection}_${fields.join('_').replace(/\./g, '_')}"`;
        this.db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${fields.map(column).join(', ')})`);
      }
      this.tables.add(collection);
    }
    return table;
  }

  /** Reads a document with its version; synchronous, so it sees only committed data. */
  readRow(collection: string, id: string): { v: number; doc: Doc } | null {
    const row = this.statement(`SELECT v, doc FROM ${this.table(collection)} WHERE _id = ?`).get(id) as Row | undefined;
    return row ? { v: row.v, doc: JSON.parse(row.doc) as Doc } : null;
  }

  /** A document's version (0: absent), without reading the document itself. */
  readVersion(collection: string, id: string): number {
    const v = this.statement(`SELECT v FROM ${this.table(collection)} WHERE _id = ?`).get(id) as
      { v: number } | undefined;
    return v?.v ?? 0;
  }

  private writeRow(collection: string, id: string, json: string | null): void {
    const table = this.table(collection);
    if (json === null) this.statement(`DELETE FROM ${table} WHERE _id = ?`).run(id);
    else
      this.statement(
        `INSERT INTO ${table} (_id, v, doc) VALUES (?, ?, ?) ON CONFLICT(_id) DO UPDATE SET v = excluded.v, doc = excluded.doc`,
      ).run(id, newVersion(), json);
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    const row = this.readStatement(`SELECT doc FROM ${this.table(collection)} WHERE _id = ?`).get(id) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async create<T extends Doc>(collection: string, doc: T): Promise<void> {
    const table = this.table(collection);
    const committed = this.joinBatch();
    const result = this.statement(
      `INSERT INTO ${table} (_id, v, doc) VALUES (?, ?, ?) ON CONFLICT(_id) DO NOTHING`,
    ).run(doc._id, newVersion(), JSON.stringify(doc));
    await committed;
    if (result.changes === 0) throw new DuplicateIdError(collection, doc._id);
  }

  async set<T extends Doc>(collection: string, doc: T): Promise<void> {
    this.table(collection);
    const committed = this.joinBatch();
    this.writeRow(collection, doc._id, JSON.stringify(doc));
    await committed;
  }

  async update(collection: string, id: string, update: Update): Promise<boolean> {
    this.table(collection);
    const committed = this.joinBatch();
    const row = this.readRow(collection, id);
    if (row) this.writeRow(collection, id, JSON.stringify(applyUpdate(row.doc, update)));
    await committed;
    return row !== null;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    const table = this.table(collection);
    const committed = this.joinBatch();
    const result = this.statement(`DELETE FROM ${table} WHERE _id = ?`).run(id);
    await committed;
    return result.changes > 0;
  }

  async query<T extends Doc>(collection: string, options: QueryOptions = {}): Promise<T[]> {
    const params: Scalar[] = [];
    const limit = options.limit ?? DEFAULT_QUERY_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT)
      throw new InvalidQueryError(`limit must be 1..${MAX_QUERY_LIMIT}`);
    const skip = options.skip ?? 0;
    if (!Number.isInteger(skip) || skip < 0) throw new InvalidQueryError('skip must be a non-negative integer');
    let sql = `SELECT doc FROM ${this.table(collection)}${compileWhere(options.where, params)}`;
    const order = (options.orderBy ?? []).map(([field, dir]) => `${column(field)} ${dir === 'desc' ? 'DESC' : 'ASC'}`);
    if (order.length) sql += ` ORDER BY ${order.join(', ')}`;
    sql += ` LIMIT ${limit} OFFSET ${skip}`;
    const rows = this.readStatement(sql).all(...params) as Array<{ doc: string }>;
    return rows.map((row) => JSON.parse(row.doc) as T);
  }

  async count(collection: string, where?: Filter): Promise<number> {
    const params: Scalar[] = [];
    const sql = `SELECT count(*) AS n FROM ${this.table(collection)}${compileWhere(where, params)}`;
    return (this.readStatement(sql).get(...params) as { n: number }).n;
  }

  async transaction<R>(work: (tx: TxStore) => Promise<R>): Promise<R> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const tx = new OptimisticTransaction(this);
      let result: R;
      try {
        result = await work(tx);
      } catch (error) {
        // An error raised while looking at data a concurrent commit has since changed may be an
        // artefact of that inconsistent view: run the work again rather than surface it.
        if (!this.isCurrent(tx)) continue;
        // The work may have failed on something it saw in this turn's uncommitted batch (a create
        // finding the id taken): answer once that is committed, so that a caller reading it next
        // through the read-only connection (the winner of a create race) finds it.
        await this.batch?.committed;
        throw error;
      }
      if (this.tryCommit(tx)) {
        await this.batch?.committed;
        return result;
      }
    }
    throw new TransactionConflictError();
  }

  /** Whether every document the transaction read is still at the version it saw. */
  private isCurrent(tx: OptimisticTransaction): boolean {
    for (const [key, seen] of tx.reads) {
      const [collection, id] = key.split('\u0000');
      if (this.readVersion(collection, id) !== seen) return false;
    }
    for (const [key, write] of tx.writes)
      // A create looked the document up (a read, checked above) unless it replaced its own write.
      if (write.mustNotExist && !tx.reads.has(key) && this.readVersion(write.collection, write.id) !== 0) return false;
    return true;
  }

  /** Validates and applies a transaction's writes within this turn's batch; the caller awaits the batch before answering. */
  private tryCommit(tx: OptimisticTransaction): boolean {
    if (tx.writes.size === 0) return this.isCurrent(tx);
    for (const write of tx.writes.values()) this.table(write.collection);
    this.joinBatch();
    return this.applyWrites(tx);
  }

  /**
   * Closes both connections at once; the promise settles when the checkpoint thread has closed its
   * own, so the database's folder can then be removed without the thread recreating a file in it.
   */
  close(): Promise<void> {
    this.commitBatch();
    const stopped = this.checkpointer?.stop() ?? Promise.resolve();
    if (this.reader !== this.db) this.reader.close();
    this.db.close();
    return stopped;
  }
}

class OptimisticTransaction implements TxStore {
  /** Version seen for each document read (0: absent). */
  readonly reads = new Map<Key, number>();
  /** Pending state of each document written (null: removed). */
  readonly writes = new Map<Key, Write>();

  constructor(private readonly store: SqliteStore) {}

  /** Records the version seen of a document the transaction looks at. */
  private saw(key: Key, version: number): void {
    if (!this.reads.has(key)) this.reads.set(key, version);
    else if (this.reads.get(key) !== version) this.reads.set(key, -1); // changed under us: commit will retry
  }

  /** The document as this transaction sees it: its own pending write, or the committed one (a fresh copy). */
  private current(collection: string, id: string): Doc | null {
    const key = keyOf(collection, id);
    const pending = this.writes.get(key);
    if (pending) return pending.json === null ? null : (JSON.parse(pending.json) as Doc);
    const row = this.store.readRow(collection, id);
    this.saw(key, row?.v ?? 0);
    return row?.doc ?? null;
  }

  private exists(collection: string, id: string): boolean {
    const key = keyOf(collection, id);
    const pending = this.writes.get(key);
    if (pending) return pending.json !== null;
    const version = this.store.readVersion(collection, id);
    this.saw(key, version);
    return version !== 0;
  }

  private put(collection: string, id: string, doc: Doc | null, mustNotExist = false): void {
    const key = keyOf(collection, id);
    const earlier = this.writes.get(key);
    this.writes.set(key, {
      collection,
      id,
      json: doc === null ? null : JSON.stringify(doc),
      mustNotExist: mustNotExist || (earlier?.mustNotExist ?? false),
    });
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return this.current(collection, id) as T | null;
  }

  async create<T extends Doc>(collection: string, doc: T): Promise<void> {
    if (this.exists(collection, doc._id)) throw new DuplicateIdError(collection, doc._id);
    this.put(collection, doc._id, doc, !this.writes.has(keyOf(collection, doc._id)));
  }

  async set<T extends Doc>(collection: string, doc: T): Promise<void> {
    this.put(collection, doc._id, doc);
  }

  async update(collection: string, id: string, update: Update): Promise<boolean> {
    const doc = this.current(collection, id);
    if (!doc) return false;
    this.put(collection, id, applyUpdate(doc, update));
    return true;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    const existed = this.current(collection, id) !== null;
    this.put(collection, id, null);
    return existed;
  }
}
