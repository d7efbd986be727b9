import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseRoster, type ParsedRoster } from '../core/roster/roster-sheet';
import { AppError } from '../core/runtime/errors';
import type { RosterJob } from './excel-worker';

/** A worker may use this much heap: a hostile workbook is stopped there, not in the host. */
const WORKER_HEAP_MB = 512;

/** The worker's script: bundled beside the host (dist/host/excel-worker.js), or the source run through tsx. */
function startWorker(): Worker | null {
  const bundled = join(__dirname, 'excel-worker.js');
  if (existsSync(bundled)) return new Worker(bundled, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const source = join(__dirname, 'excel-worker.ts');
  if (!existsSync(source)) return null;
  const tsx = require.resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
}

type Reply = { id: number; result: ParsedRoster } | { id: number; error: string };

/**
 * Parses imported rosters in a worker thread, so that the host keeps answering (`/healthz`, other
 * members' calls) while exceljs works. One worker, started at the first import, jobs in turn;
 * without a worker script (a bundle built without it) it parses in line.
 */
export class RosterWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(r: ParsedRoster): void; reject(e: Error): void }>();
  private nextId = 1;

  readonly parse = (content: Buffer): Promise<ParsedRoster> => {
    const worker = this.worker ?? this.start();
    if (!worker) return parseRoster(content);
    const id = this.nextId++;
    return new Promise<ParsedRoster>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, content } satisfies RosterJob);
    });
  };

  private start(): Worker | null {
    const worker = startWorker();
    if (!worker) return null;
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('result' in reply) job?.resolve(reply.result);
      else job?.reject(new Error(`roster parse failed: ${reply.error}`));
    });
    const fail = () => {
      // Out of memory or crashed: every job waiting on it is refused, the next import starts anew.
      if (this.worker === worker) this.worker = null;
      for (const job of this.pending.values())
        job.reject(new AppError('INVALID_INPUT', '无法读取文件：文件过大或已损坏，请使用花名册模板', 'file'));
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
