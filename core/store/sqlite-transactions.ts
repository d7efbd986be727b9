import type Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { applyUpdate } from './documents';
import { DuplicateIdError, TransactionConflictError, type Doc, type TxStore, type Update } from './port';
import type { GroupCommit } from './sqlite-group-commit';
import type { SqliteTables } from './sqlite-tables';

/**
 * Optimistic transactions: reads go to the database and are remembered with the version they saw,
 * writes are buffered in memory (so no one else can see them), and commit re-checks every version
 * and applies every write in one step of the turn's batch. A conflict re-runs the work, as
 * CloudBase does. better-sqlite3 is synchronous, so a commit never interleaves with another
 * request's statements.
 */

const MAX_ATTEMPTS = 20;

/**
 * A random pause growing with the attempt number (up to 100 ms) before re-running a conflicted
 * transaction: without it, transactions started together retry in lockstep and all but one
 * conflict again on every round, so 50 concurrent increments of one counter run out of attempts.
 */
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, randomInt(0, Math.min(100, 2 ** attempt) + 1)));

type Key = string; // `${collection}\u0000${id}`
/** A buffered write, serialised when buffered so that later changes to the caller's object cannot leak in. */
type Write = { collection: string; id: string; json: string | null; mustNotExist: boolean };

const keyOf = (collection: string, id: string): Key => `${collection}\u0000${id}`;

export class OptimisticTransactions {
  /** Validates a transaction's reads and applies its writes, all or nothing (a savepoint within the batch). */
  private readonly applyWrites: (tx: OptimisticTransaction) => boolean;

  constructor(
    db: Database.Database,
    private readonly tables: SqliteTables,
    private readonly commits: GroupCommit,
  ) {
    this.applyWrites = db.transaction((tx: OptimisticTransaction) => {
      // Validate everything before writing anything: returning (rather than throwing) from a
      // better-sqlite3 transaction keeps whatever was already written.
      if (!this.isCurrent(tx)) return false;
      for (const write of tx.writes.values()) this.tables.writeRow(write.collection, write.id, write.json);
      return true;
    });
  }

  /** Runs `work` until it commits without conflict, at most {@link MAX_ATTEMPTS} times. */
  async run<R>(work: (tx: TxStore) => Promise<R>): Promise<R> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const tx = new OptimisticTransaction(this.tables);
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
        await this.commits.settled();
        throw error;
      }
      if (this.tryCommit(tx)) {
        await this.commits.settled();
        return result;
      }
    }
    throw new TransactionConflictError();
  }

  /** Whether every document the transaction read is still at the version it saw. */
  private isCurrent(tx: OptimisticTransaction): boolean {
    for (const [key, seen] of tx.reads) {
      const [collection, id] = key.split('\u0000');
      if (this.tables.readVersion(collection, id) !== seen) return false;
    }
    for (const [key, write] of tx.writes)
      // A create looked the document up (a read, checked above) unless it replaced its own write.
      if (write.mustNotExist && !tx.reads.has(key) && this.tables.readVersion(write.collection, write.id) !== 0)
        return false;
    return true;
  }

  /** Validates and applies a transaction's writes within this turn's batch; the caller awaits the batch before answering. */
  private tryCommit(tx: OptimisticTransaction): boolean {
    if (tx.writes.size === 0) return this.isCurrent(tx);
    for (const write of tx.writes.values()) this.tables.table(write.collection);
    this.commits.join();
    return this.applyWrites(tx);
  }
}

class OptimisticTransaction implements TxStore {
  /** Version seen for each document read (0: absent). */
  readonly reads = new Map<Key, number>();
  /** Pending state of each document written (null: removed). */
  readonly writes = new Map<Key, Write>();

  constructor(private readonly tables: SqliteTables) {}

  /** Records the version seen of a document the transaction looks at. */
  private saw(key: Key, version: number): void {
    if (!this.reads.has(key)) this.reads.set(key, version);
    else if (this.reads.get(key) !== version) this.reads.set(key, -1); // changed under us: commit will retry
  }

  /** The document as this transaction sees it: its own pending write, or the latest one (a fresh copy). */
  private current(collection: string, id: string): Doc | null {
    const key = keyOf(collection, id);
    const pending = this.writes.get(key);
    if (pending) return pending.json === null ? null : (JSON.parse(pending.json) as Doc);
    const row = this.tables.readRow(collection, id);
    this.saw(key, row?.v ?? 0);
    return row?.doc ?? null;
  }

  private exists(collection: string, id: string): boolean {
    const key = keyOf(collection, id);
    const pending = this.writes.get(key);
    if (pending) return pending.json !== null;
    const version = this.tables.readVersion(collection, id);
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
