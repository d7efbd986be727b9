/**
 * Server-side crediting of watch time from heartbeats (微党课).
 *
 * Pure: no I/O, no clock. The whole of one member's progress on one lecture is one small
 * `ProgressState` document, so a heartbeat costs one read and one write (none when the beat is
 * refused or ignored: `changed` is false). `at` must be the server's receive time, never the
 * client's: the wall clock is what plausibility is measured against.
 *
 * The client sends a beat when playback starts or resumes (an anchor), every 10–15 s while
 * playing, and on pause, seek, hide and unload. The span between two beats is credited as
 * [previous position, position] only when both beats come from the same session, the previous
 * beat was playing, the position moved forward no faster than the wall clock allows and the beats
 * are close enough together. Anything else re-anchors without credit.
 *
 * The player cannot change the playback rate, so the only tolerance is for network jitter: one
 * beat may arrive late and the next on time. Each span may use the wall time since the previous
 * beat (× `rate`, a hair above 1 for clock drift) plus a small allowance (`allowanceS`) that is
 * spent when a span outruns the clock and earned back only as wall time passes. Over any stretch
 * of time, credit is therefore at most `rate` × the wall time + `allowanceS`, whatever the cadence,
 * pauses or re-anchors.
 */

export type Interval = [start: number, end: number];

export interface LastBeat {
  /** Server time of the beat, ms since the epoch. */
  at: number;
  /** Clamped position, seconds. */
  position: number;
  session: string;
  playing: boolean;
}

export interface ProgressState {
  /** Credited intervals in seconds: sorted, disjoint, merged, at most `maxIntervals`. */
  intervals: Interval[];
  /** Sum of the intervals, seconds. */
  coveredS: number;
  /** Last accepted position (where playback resumes), seconds. */
  position: number;
  /** Furthest credited point, seconds; never decreases. */
  furthest: number;
  /** The last accepted beat; its session owns the progress while it is live. */
  lastBeat: LastBeat | null;
  /** When coverage first reached the threshold, ms since the epoch. */
  completedAt: number | null;
  /**
   * The jitter allowance left, seconds (0 … `allowanceS`); absent on states written before it
   * existed, which start with the full allowance.
   */
  allowanceS?: number;
  /** Incremented on every change, for a conditional (optimistic) write. */
  rev: number;
}

export interface Heartbeat {
  position: number;
  playing: boolean;
  /** Random id of one player instance (one page view). */
  session: string;
  /** Server receive time, ms since the epoch. */
  at: number;
  /**
   * This beat takes the member's one playing session over from another lecture or player: it
   * anchors without credit, however recent this lecture's own last beat.
   */
  takeover?: boolean;
}

export interface CreditPolicy {
  /**
   * Between two beats the position may advance at most `rate` × wall time + a slack. The slack (for
   * network jitter) grows with the time between the beats and is `slackS` from `slackAfterMs` on
   * (the client's beat interval): beats sent closer together cannot each claim all of it.
   */
  rate: number;
  slackS: number;
  slackAfterMs: number;
  /**
   * And over any stretch of time, the credit may exceed `rate` × wall time by at most this much:
   * what one span takes beyond its own wall time comes out of this allowance, which refills only
   * as wall time passes unused.
   */
  allowanceS: number;
  /** A session is live while it plays and its last beat is younger than this; other sessions are refused. */
  liveWindowMs: number;
  /** Beats further apart than this are not credited (the second one re-anchors). */
  maxBeatGapMs: number;
  /**
   * Intervals closer than this merge. The merged gap counts as covered, so the default is 0 (only
   * touching or overlapping intervals merge): otherwise a client jumping a little ahead every few
   * milliseconds would be credited for every gap it skipped.
   */
  mergeGapS: number;
  /** At most this many intervals are kept; beyond it the shortest ones are dropped. */
  maxIntervals: number;
  /** Share of the duration that must be covered for completion. */
  completeRatio: number;
}

export const DEFAULT_POLICY: Readonly<CreditPolicy> = Object.freeze({
  rate: 1.05,
  slackS: 3,
  slackAfterMs: 10_000,
  allowanceS: 3,
  liveWindowMs: 30_000,
  maxBeatGapMs: 60_000,
  mergeGapS: 0,
  maxIntervals: 32,
  completeRatio: 0.9,
});

export type BeatReason =
  /** The span since the previous beat was credited (0 s when it was already covered). */
  | 'credited'
  /** The first beat ever: an anchor, nothing to credit yet. */
  | 'first_beat'
  /** A new session after the previous one paused or went quiet: an anchor. */
  | 'takeover'
  /** The previous beat was a pause: this one is an anchor. */
  | 'was_paused'
  /** The position went backwards (seek back): an anchor. */
  | 'seek_back'
  /** The position advanced faster than the wall clock (seek ahead, fast clock): an anchor. */
  | 'too_fast'
  /** Too long since the previous beat: an anchor. */
  | 'gap'
  /** Refused: another session of the same member is playing (beat within the live window). State unchanged. */
  | 'other_session'
  /** Ignored: not newer than the last accepted beat (out of order, duplicate). State unchanged. */
  | 'stale'
  /** Ignored: position or time is not a finite number. State unchanged. */
  | 'invalid';

export interface BeatResult {
  state: ProgressState;
  /** Seconds of coverage this beat added. */
  creditedS: number;
  reason: BeatReason;
  /** Whether the state must be written (false: the same object is returned). */
  changed: boolean;
  /** Whether this beat completed the lecture (true at most once per state). */
  completedNow: boolean;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

export function emptyProgress(): ProgressState {
  return {
    intervals: [],
    coveredS: 0,
    position: 0,
    furthest: 0,
    lastBeat: null,
    completedAt: null,
    allowanceS: DEFAULT_POLICY.allowanceS,
    rev: 0,
  };
}

/**
 * Sorts and merges intervals: overlapping, adjacent and those less than `gapS` apart become one.
 * Empty or inverted intervals and non-finite bounds are dropped. Does not modify its input.
 */
export function mergeIntervals(intervals: readonly (readonly [number, number])[], gapS = 0): Interval[] {
  const sorted = intervals
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s)
    .map(([s, e]): Interval => [s, e])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && (s <= last[1] || s - last[1] < gapS)) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Seconds covered by the union of the intervals. */
export function coveredSeconds(intervals: readonly (readonly [number, number])[]): number {
  return round2(mergeIntervals(intervals).reduce((sum, [s, e]) => sum + (e - s), 0));
}

/** Keeps the `max` longest intervals (in order): a bounded document never credits unwatched time. */
function capIntervals(intervals: Interval[], max: number): Interval[] {
  if (intervals.length <= max) return intervals;
  const keep = new Set(
    intervals
      .map((iv, i) => ({ i, len: iv[1] - iv[0] }))
      .sort((a, b) => b.len - a.len || a.i - b.i)
      .slice(0, max)
      .map(({ i }) => i),
  );
  return intervals.filter((_, i) => keep.has(i));
}

/** Whether the covered time reaches the threshold (90% of the duration by default). */
export function isComplete(
  state: Pick<ProgressState, 'coveredS'>,
  durationS: number,
  completeRatio = DEFAULT_POLICY.completeRatio,
): boolean {
  return durationS > 0 && state.coveredS + 1e-6 >= durationS * completeRatio;
}

/** How far the player may seek: the furthest credited point, or anywhere once complete. */
export function maxSeekable(state: ProgressState, durationS: number): number {
  return state.completedAt !== null ? durationS : Math.min(state.furthest, durationS);
}

/**
 * Where playback resumes: the last position, but not beyond what may be sought to;
 * from the start when the last position is at the very end.
 */
export function resumePosition(state: ProgressState, durationS: number): number {
  const at = Math.min(state.position, maxSeekable(state, durationS));
  return at >= durationS - 1 ? 0 : Math.max(0, at);
}

/** How far the position may plausibly advance in `elapsedMs` of wall time, seconds. */
function allowedAdvance(elapsedMs: number, policy: CreditPolicy): number {
  const slack = policy.slackS * Math.min(1, elapsedMs / policy.slackAfterMs);
  return (elapsedMs / 1000) * policy.rate + slack;
}

/** Applies one heartbeat. Never modifies `state`. */
export function applyHeartbeat(
  state: ProgressState,
  beat: Heartbeat,
  durationS: number,
  tolerance: Partial<CreditPolicy> = {},
): BeatResult {
  const policy: CreditPolicy = { ...DEFAULT_POLICY, ...tolerance };
  const unchanged = (reason: BeatReason): BeatResult => ({
    state,
    creditedS: 0,
    reason,
    changed: false,
    completedNow: false,
  });

  if (!Number.isFinite(beat.position) || !Number.isFinite(beat.at) || !(durationS > 0)) return unchanged('invalid');
  const position = round2(clamp(beat.position, 0, durationS));
  const last = state.lastBeat;
  if (last && beat.at <= last.at) return unchanged('stale');
  // Another session is refused while this one plays (a paused or closed player may be taken over at
  // once). Alternating sessions earn nothing anyway: a span needs two beats of the same session.
  if (last && beat.session !== last.session && last.playing && beat.at - last.at < policy.liveWindowMs)
    return unchanged('other_session');

  // Wall time since the previous beat, at `rate`: what a span may take without the allowance.
  const earnedS = last ? ((beat.at - last.at) / 1000) * policy.rate : 0;
  const allowance = Math.min(policy.allowanceS, state.allowanceS ?? policy.allowanceS);
  let reason: BeatReason;
  let span: Interval | null = null;
  if (!last) reason = 'first_beat';
  else if (beat.takeover || beat.session !== last.session) reason = 'takeover';
  else if (!last.playing) reason = 'was_paused';
  else if (beat.at - last.at > policy.maxBeatGapMs) reason = 'gap';
  else if (position < last.position) reason = 'seek_back';
  else if (
    position - last.position > allowedAdvance(beat.at - last.at, policy) ||
    position - last.position > earnedS + allowance + 1e-9
  )
    reason = 'too_fast';
  else {
    reason = 'credited';
    span = [last.position, position];
  }
  // The allowance pays what the span took beyond its wall time; unused wall time refills it.
  const advanceS = span ? span[1] - span[0] : 0;
  const allowanceS = round2(clamp(allowance + earnedS - advanceS, 0, policy.allowanceS));

  let intervals = state.intervals;
  let coveredS = state.coveredS;
  let furthest = state.furthest;
  if (span && span[1] > span[0]) {
    intervals = capIntervals(mergeIntervals([...state.intervals, span], policy.mergeGapS), policy.maxIntervals);
    coveredS = coveredSeconds(intervals);
    furthest = Math.max(furthest, intervals.length ? intervals[intervals.length - 1][1] : 0);
  }
  const creditedS = Math.max(0, round2(coveredS - state.coveredS));
  const completedNow = state.completedAt === null && isComplete({ coveredS }, durationS, policy.completeRatio);

  return {
    state: {
      intervals,
      coveredS,
      position,
      furthest,
      lastBeat: { at: beat.at, position, session: beat.session, playing: beat.playing },
      completedAt: completedNow ? beat.at : state.completedAt,
      allowanceS,
      rev: state.rev + 1,
    },
    creditedS,
    reason,
    changed: true,
    completedNow,
  };
}
