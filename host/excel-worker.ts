import { parentPort } from 'node:worker_threads';
import { parseRoster } from '../core/roster/roster-sheet';

/** The worker thread's side of {@link RosterWorker}: parses one roster per message. */
export interface RosterJob {
  id: number;
  content: Uint8Array;
}

parentPort?.on('message', (job: RosterJob) => {
  const content = Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength);
  parseRoster(content).then(
    (result) => parentPort?.postMessage({ id: job.id, result }),
    (error: Error) => parentPort?.postMessage({ id: job.id, error: error.name }),
  );
});
