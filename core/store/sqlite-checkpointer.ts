import { Worker } from 'node:worker_threads';

/**
 * A worker thread with its own connection that checkpoints the write-ahead log. A checkpoint copies
 * pages back into the database file and fsyncs it: on the serving thread, every so many commits
 * would stall all requests for milliseconds; in a worker during a burst, it competes for the two
 * cores and the disk and stalls the serving thread's log writes all the same. So the worker waits
 * for a pause in the commits (counted by the serving thread in shared memory), or checkpoints
 * anyway once commits have gone on for `atLeastEveryMs`, which bounds the log. PASSIVE never
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
  let checkpointed = -1; // the commit count the last checkpoint covered
  let seen = -1;
  let pendingSince = 0;
  const timer = setInterval(() => {
    const count = Atomics.load(commits, 0);
    const quiet = count === seen;
    seen = count;
    if (count === checkpointed) return;
    const now = Date.now();
    if (!pendingSince) pendingSince = now;
    if (!quiet && now - pendingSince < workerData.atLeastEveryMs) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      checkpointed = count;
      pendingSince = 0;
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
  worker.unref();
  // Checkpointing is an optimisation: without it the log grows until the next open recovers it.
  worker.on('error', () => undefined);
  return {
    countCommit: () => Atomics.add(commits, 0, 1),
    stop: () => {
      worker.postMessage('stop');
      return exited;
    },
  };
}
