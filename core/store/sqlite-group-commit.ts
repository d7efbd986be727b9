import type Database from 'better-sqlite3';
import type { Checkpointer } from './sqlite-checkpointer';

/**
 * Group commit: the writes of one turn of the event loop (every request whose data arrived in it)
 * share one SQLite transaction, committed when the turn ends; each write resolves only then, so
 * nothing is acknowledged before it is in the log. A commit writes every page it changed, and the
 * pages at the ends of indexes and of a branch's totals change in nearly every sign-in: written
 * once per turn rather than once per sign-in, they stop dominating the cost of a burst.
 */

/** Taken at load, so that a test faking timers cannot stop commits. */
const endOfTurn = globalThis.setImmediate;

/** The writes of one turn of the event loop: one SQLite transaction, committed when the turn ends. */
interface Batch {
  committed: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private batch: Batch | null = null;
  private readonly begin: Database.Statement;
  private readonly commitStatement: Database.Statement;

  /** `checkpointer` (if any) is told of each commit. */
  constructor(
    private readonly db: Database.Database,
    private readonly checkpointer: Checkpointer | null,
  ) {
    // IMMEDIATE takes the write lock as the batch opens, waiting (busy_timeout) while another
    // connection holds it; a deferred batch whose first statement reads would instead meet
    // SQLITE_BUSY at its first write if another connection had written meanwhile, and no timeout
    // retries that.
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commitStatement = db.prepare('COMMIT');
  }

  /**
   * Joins this turn's batch, opening it (and scheduling its commit) if there is none. The returned
   * promise settles when the batch is committed, or fails with the reason it could not be.
   */
  join(): Promise<void> {
    if (this.batch) return this.batch.committed;
    this.begin.run();
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const committed = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Every writer awaits it; this handler only keeps an unobserved failure from crashing the process.
    committed.catch(() => undefined);
    this.batch = { committed, resolve, reject };
    endOfTurn(() => this.commit());
    return committed;
  }

  /** Settles when the open batch (if any) is committed: for an answer that depends on what it holds. */
  settled(): Promise<void> | undefined {
    return this.batch?.committed;
  }

  /** Commits the open batch now, if there is one (its end of turn then finds none). */
  commit(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    try {
      this.commitStatement.run();
      this.checkpointer?.countCommit();
      batch.resolve();
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      batch.reject(error);
    }
  }

  /** Commits the open batch and stops the checkpointer; settles once its thread has closed its connection. */
  close(): Promise<void> {
    this.commit();
    return this.checkpointer?.stop() ?? Promise.resolve();
  }
}
