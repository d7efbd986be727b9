import { Worker } from 'node:worker_threads';

/** Decides, on each tick of the checkpoint thread, whether to checkpoint now. */
export interface CheckpointPolicy {
  /** `commits`: the serving thread's commit count; `now`: the time in ms. */
  due(commits: number, now: number): boolean;
  /** The checkpoint covering `commits` succeeded. */
  done(commits: number): void;
}

/**
 * Checkpoint once commits have paused for a tick (`quietMs`), or anyway once commits not yet
 * checkpointed have waited `atLeastEveryMs`, which bounds the log. Self-contained (no imports, no
 * helpers): its source is also the checkpoint thread's, so that the timing is tested here, with the
 * ticks and the clock given, and not by a thread racing a busy machine.
 */
export function checkpointPolicy(atLeastEveryMs: number): CheckpointPolicy {
  let checkpointed = -1; // the commit count the last checkpoint covered
  let seen = -1; // the commit count at the previous tick
  let pendingSince = 0; // when commits not yet checkpointed were first seen
  return {
    due(commits, now) {
      const quiet = commits === seen;
      seen = commits;
      if (commits === checkpointed) return false;
      if (!pendingSince) pendingSince = now;
      return quiet || now - pendingSince >= atLeastEveryMs;
    },
    done(commits) {
      checkpointed = commits;
      pendingSince = 0;
    },
  };
}

/**
 * A worker thread with its own connection that checkpoints the write-ahead log. A checkpoint copies
 * pages back into the database file and fsyncs it: on the serving thread, every so many commits
 * would stall all requests for milliseconds; in a worker during a burst, it competes for the two
 * cores and the disk and stalls the serving thread's log writes all the same. So the worker waits
 * for a pause in the commits (counted by the serving thread in shared memory), or checkpoints
 * anyway once commits have gone on for `atLeastEveryMs` ({@link checkpointPolicy}). PASSIVE never
 * blocks writers.
 */
const CHECKPOINTER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const commits = new Int32Array(workerData.commits);
let db = null;
try {
  db = new Database(workerData.file);
  db.pragma('busy_timeout = 5000');
} catch {
  // The store was closed (and its folder perhaps removed) before this thread started.
  parentPort.close();
}
if (db) {
  const policy = (${checkpointPolicy.toString()})(workerData.atLeastEveryMs);
  const timer = setInterval(() => {
    const count = Atomics.load(commits, 0);
    if (!policy.due(count, Date.now())) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      policy.done(count);
    } catch { /* busy: next time */ }
  }, workerData.quietMs);
  parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
}
`;

/** The checkpoint thread of one database file. */
export interface Checkpointer {
  /** Called by the serving thread after each commit. */
  countCommit(): void;
  /** Stops the thread; settles once it has exited and closed its connection (and any log file it opened). */
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, quietMs: number, atLeastEveryMs: number): Checkpointer {
  const commits = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), commits: commits.buffer, quietMs, atLeastEveryMs },
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // An open store does not keep the process alive...
  worker.unref();
  // Checkpointing is an optimisation: without it the log grows until the next open recovers it.
  worker.on('error', () => undefined);
  return {
    countCommit: () => Atomics.add(commits, 0, 1),
    stop: () => {
      // ...but one being closed does, until the thread has gone: a script whose last work is
      // `await store.close()` would otherwise end inside that await, silently, with exit code 0.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}
