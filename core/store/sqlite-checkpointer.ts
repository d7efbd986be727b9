import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { CheckpointWorkerData } from './sqlite-checkpoint-worker';

/**
 * Who checkpoints the write-ahead log. A checkpoint copies pages back into the database file and
 * fsyncs it: on the serving thread, every so many commits would stall all requests for
 * milliseconds; in a worker during a burst, it competes for the two cores and the disk and stalls
 * the serving thread's log writes all the same. So a worker thread (`sqlite-checkpoint-worker.ts`)
 * waits for a pause in the commits, counted by the serving thread in shared memory, or checkpoints
 * anyway once commits have gone on for a while (`sqlite-checkpoint-policy.ts`).
 */

/** The checkpoint thread of one database file. */
export interface Checkpointer {
  /** Called by the serving thread after each commit. */
  countCommit(): void;
  /** Stops the thread; settles once it has exited and closed its connection (and any log file it opened). */
  stop(): Promise<void>;
}

export interface CheckpointOptions {
  /** Checkpoint from a worker thread rather than from the serving thread's commits. */
  background: boolean;
  /** How long commits must pause before the worker checkpoints. */
  quietMs: number;
  /** The longest a checkpoint waits for a pause while commits go on. */
  atLeastEveryMs: number;
}

/**
 * Sets up checkpointing of the writing connection `db` on `file`: by a worker thread when asked
 * and its script is found ({@link startCheckpointer}), otherwise by SQLite itself on commit.
 */
export function configureCheckpoints(
  db: Database.Database,
  file: string,
  { background, quietMs, atLeastEveryMs }: CheckpointOptions,
): Checkpointer | null {
  const script = background ? checkpointWorkerScript() : null;
  if (script) {
    db.pragma('wal_autocheckpoint = 0');
    return startCheckpointer(script, { file, quietMs, atLeastEveryMs });
  }
  // Checkpoint every ~20 MB of log rather than every 4 MB: fewer commits pay for one.
  db.pragma('wal_autocheckpoint = 5000');
  return null;
}

type WorkerScript = { file: string } | { source: string };

/**
 * The checkpoint thread's script for the way this code is running. Bundled (the local host built
 * by `scripts/start.mjs`, the bench's host), the bundle carries `sqlite-checkpoint-worker.js`
 * beside it, compiled with the rest. Run from source (jest through swc, or tsx), this file sits
 * beside `sqlite-checkpoint-worker.ts`; a worker thread is a fresh Node.js instance that jest's
 * transform does not reach, so the thread registers tsx before requiring the source, as
 * `host/excel-parser.ts` does. (Compiling the source here instead, with esbuild, would block the
 * serving thread for ~100 ms per store; tsx costs the new thread as much, off the serving thread.)
 * Neither found (a bundle built without the worker): null, and SQLite checkpoints on commit.
 */
function checkpointWorkerScript(): WorkerScript | null {
  const bundled = join(__dirname, 'sqlite-checkpoint-worker.js');
  if (existsSync(bundled)) return { file: bundled };
  const source = join(__dirname, 'sqlite-checkpoint-worker.ts');
  if (!existsSync(source)) return null;
  const tsx = require.resolve('tsx/cjs/api');
  return { source: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});` };
}

function startCheckpointer(
  script: WorkerScript,
  { file, quietMs, atLeastEveryMs }: Omit<CheckpointWorkerData, 'commits'>,
): Checkpointer {
  const shared = new SharedArrayBuffer(4);
  const commits = new Int32Array(shared);
  const workerData: CheckpointWorkerData = { file, commits: shared, quietMs, atLeastEveryMs };
  const options: WorkerOptions = { workerData };
  const worker =
    'file' in script ? new Worker(script.file, options) : new Worker(script.source, { ...options, eval: true });
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
