/**
 * The member's latest progress on each lecture as the heartbeats answered it, shared by the pages
 * of this app instance: 学习 and 首页 show it at once when the member comes back from the player,
 * and ask the server again only after the beats still in flight (the one sent on leaving the
 * player) have landed.
 */
import type { LatestProgress } from '@/features/lectures/model/player';

const latest = new Map<string, LatestProgress>();
const listeners = new Set<() => void>();
const inFlight = new Set<Promise<unknown>>();

/** The app's clock for `receivedAt` and `requestedAt` (ms). */
export const syncClock = (): number => Date.now();

/** Records a heartbeat's answer for one lecture. */
export function rememberProgress(lectureId: string, answer: LatestProgress['progress']): void {
  const { coveredS, completed, position, maxSeekable } = answer;
  latest.set(lectureId, { progress: { coveredS, completed, position, maxSeekable }, receivedAt: syncClock() });
  for (const listener of [...listeners]) listener();
}

/** Every lecture's latest answer (a new map on each change). */
let snapshot: ReadonlyMap<string, LatestProgress> = new Map();
export function latestProgress(): ReadonlyMap<string, LatestProgress> {
  if (snapshot.size !== latest.size || [...latest].some(([id, l]) => snapshot.get(id) !== l))
    snapshot = new Map(latest);
  return snapshot;
}

export function onProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps track of a heartbeat until it settles. */
export function trackBeat<T>(beat: Promise<T>): Promise<T> {
  inFlight.add(beat);
  const done = () => inFlight.delete(beat);
  beat.then(done, done);
  return beat;
}

/**
 * Resolves once the heartbeats sent so far (and any sent in this same turn, e.g. on leaving the
 * player) have settled, or after `timeoutMs` (a beat stuck offline does not hold the list up).
 */
export async function heartbeatsSettled(timeoutMs = 3000): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (!inFlight.size) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.allSettled([...inFlight]),
    new Promise((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  if (timer) clearTimeout(timer);
}
