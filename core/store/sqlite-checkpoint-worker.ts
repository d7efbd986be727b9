import Database from 'better-sqlite3';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { checkpointPolicy } from './sqlite-checkpoint-policy';

/**
 * The checkpoint thread (started by `startCheckpointer`): its own connection to the database
 * file, checkpointing the write-ahead log when {@link checkpointPolicy} says so, until told to stop.
 */

/** What the serving thread hands the checkpoint thread. */
export interface CheckpointWorkerData {
  file: string;
  /** One Int32: the serving thread's commit count. */
  commits: SharedArrayBuffer;
  /** The tick: how long commits must pause before a checkpoint. */
  quietMs: number;
  atLeastEveryMs: number;
}

function checkpointUntilStopped(port: MessagePort, { file, commits, quietMs, atLeastEveryMs }: CheckpointWorkerData) {
  const count = new Int32Array(commits);
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
  } catch {
    // The store was closed (and its folder perhaps removed) before this thread started.
    port.close();
    return;
  }
  const policy = checkpointPolicy(atLeastEveryMs);
  const timer = setInterval(() => {
    const seen = Atomics.load(count, 0);
    if (!policy.due(seen, Date.now())) return;
    try {
      // PASSIVE never blocks writers.
      db.pragma('wal_checkpoint(PASSIVE)');
      policy.done(seen);
    } catch {
      // Busy: next tick.
    }
  }, quietMs);
  port.on('message', () => {
    clearInterval(timer);
    db.close();
    port.close();
  });
}

if (parentPort) checkpointUntilStopped(parentPort, workerData as CheckpointWorkerData);
