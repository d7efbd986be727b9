import {
  applyHeartbeat,
  type BeatReason,
  type BeatResult,
  coveredSeconds,
  DEFAULT_POLICY,
  emptyProgress,
  isComplete,
  maxSeekable,
  mergeIntervals,
  type ProgressState,
  resumePosition,
} from './coverage';

const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);

/** One beat: seconds after T0, position, playing (default true), session (default 'A'). */
type Beat = [t: number, position: number, playing?: boolean, session?: string];

function play(beats: Beat[], durationS = 600, from: ProgressState = emptyProgress()) {
  let state = from;
  const results: BeatResult[] = [];
  for (const [t, position, playing = true, session = 'A'] of beats) {
    const r = applyHeartbeat(state, { at: T0 + t * 1000, position, playing, session }, durationS);
    results.push(r);
    state = r.state;
  }
  return { state, results, reasons: results.map((r) => r.reason), credited: results.map((r) => r.creditedS) };
}

interface Case {
  name: string;
  beats: Beat[];
  durationS?: number;
  coveredS: number;
  intervals?: [number, number][];
  reasons: BeatReason[];
}

const cases: Case[] = [
  {
    name: 'normal play: every span between two playing beats is credited',
    beats: [
      [0, 0],
      [12, 12],
      [24, 24],
      [37, 36.8],
    ],
    coveredS: 36.8,
    intervals: [[0, 36.8]],
    reasons: ['first_beat', 'credited', 'credited', 'credited'],
  },
  {
    name: 'pause and resume with an anchor on play: the paused time earns nothing, playing time does',
    beats: [
      [0, 0],
      [12, 12],
      [15, 15, false],
      [300, 15, true],
      [312, 27],
    ],
    coveredS: 27,
    intervals: [[0, 27]],
    reasons: ['first_beat', 'credited', 'credited', 'was_paused', 'credited'],
  },
  {
    name: 'resume without an anchor: the first span after a pause is not credited',
    beats: [
      [0, 0],
      [10, 10, false],
      [40, 22, true],
      [52, 34],
    ],
    coveredS: 22,
    intervals: [
      [0, 10],
      [22, 34],
    ],
    reasons: ['first_beat', 'credited', 'was_paused', 'credited'],
  },
  {
    name: 'a pause beat closes the span it ends',
    beats: [
      [0, 0],
      [7, 7, false],
    ],
    coveredS: 7,
    reasons: ['first_beat', 'credited'],
  },
  {
    name: 'seek back: re-watching covered time adds nothing',
    beats: [
      [0, 0],
      [12, 12],
      [24, 24],
      [26, 5],
      [38, 17],
      [50, 29],
    ],
    coveredS: 29,
    intervals: [[0, 29]],
    reasons: ['first_beat', 'credited', 'credited', 'seek_back', 'credited', 'credited'],
  },
  {
    name: 'seek ahead: the skipped part earns nothing, only what is then really played',
    beats: [
      [0, 0],
      [10, 10],
      [12, 50],
      [24, 62],
    ],
    coveredS: 22,
    intervals: [
      [0, 10],
      [50, 62],
    ],
    reasons: ['first_beat', 'credited', 'too_fast', 'credited'],
  },
  {
    name: 'fast clock: positions advancing 3× faster than the wall clock earn nothing',
    beats: [
      [0, 0],
      [10, 30],
      [20, 60],
      [30, 90],
    ],
    coveredS: 0,
    reasons: ['first_beat', 'too_fast', 'too_fast', 'too_fast'],
  },
  {
    name: 'fast clock: one beat may be up to 1.05× + 3 s (a late arrival), beyond it is not',
    beats: [
      [0, 0],
      [10, 13.5],
      [20, 27.1],
    ],
    coveredS: 13.5,
    reasons: ['first_beat', 'credited', 'too_fast'],
  },
  {
    name: 'jitter allowance: 1.2× is credited until the 3 s allowance is spent, then refused',
    beats: [
      [0, 0],
      [10, 12],
      [20, 24],
      [30, 36],
    ],
    coveredS: 24,
    reasons: ['first_beat', 'credited', 'credited', 'too_fast'],
  },
  {
    name: 'jitter allowance: a late beat then an on-time one is credited; the allowance refills with wall time',
    beats: [
      [0, 0],
      [12, 10],
      [20, 20],
      [30, 30],
      [38, 40],
      [50, 50],
    ],
    coveredS: 50,
    reasons: ['first_beat', 'credited', 'credited', 'credited', 'credited', 'credited'],
  },
  {
    name: 'pausing and resuming does not renew the allowance beyond the wall time that passed',
    beats: [
      [0, 0],
      [10, 12.5],
      [10.1, 12.5, false],
      [10.2, 12.5],
      [20.2, 25],
    ],
    coveredS: 12.5,
    reasons: ['first_beat', 'credited', 'credited', 'was_paused', 'too_fast'],
  },
  {
    name: 'two parallel sessions: the second one is refused while the first is live',
    beats: [
      [0, 0, true, 'A'],
      [12, 12, true, 'A'],
      [13, 0, true, 'B'],
      [24, 24, true, 'A'],
      [25, 12, true, 'B'],
      [36, 36, true, 'A'],
      [37, 24, true, 'B'],
    ],
    coveredS: 36,
    intervals: [[0, 36]],
    reasons: ['first_beat', 'credited', 'other_session', 'credited', 'other_session', 'credited', 'other_session'],
  },
  {
    name: 'two sessions alternating after going quiet: a takeover never credits the span',
    beats: [
      [0, 0, true, 'A'],
      [12, 12, true, 'A'],
      [50, 40, true, 'B'],
      [62, 52, true, 'B'],
      [100, 90, true, 'A'],
    ],
    coveredS: 24,
    intervals: [
      [0, 12],
      [40, 52],
    ],
    reasons: ['first_beat', 'credited', 'takeover', 'credited', 'takeover'],
  },
  {
    name: 'a new session takes over once the old one has been quiet for 30 s',
    beats: [
      [0, 0, true, 'A'],
      [12, 12, true, 'A'],
      [41.999, 12, true, 'B'],
      [42, 12, true, 'B'],
      [54, 24, true, 'B'],
      [60, 30, true, 'A'],
    ],
    coveredS: 24,
    intervals: [[0, 24]],
    reasons: ['first_beat', 'credited', 'other_session', 'takeover', 'credited', 'other_session'],
  },
  {
    name: 'a paused or closed player is taken over at once (reopening the page makes a new session)',
    beats: [
      [0, 0, true, 'A'],
      [12, 12, true, 'A'],
      [14, 14, false, 'A'],
      [16, 14, true, 'B'],
      [28, 26, true, 'B'],
      [30, 40, true, 'A'],
    ],
    coveredS: 26,
    intervals: [[0, 26]],
    reasons: ['first_beat', 'credited', 'credited', 'takeover', 'credited', 'other_session'],
  },
  {
    name: 'heartbeats out of order: an older or duplicate beat is ignored',
    beats: [
      [0, 0],
      [12, 12],
      [24, 24],
      [18, 18],
      [24, 24],
      [36, 36],
    ],
    coveredS: 36,
    reasons: ['first_beat', 'credited', 'credited', 'stale', 'stale', 'credited'],
  },
  {
    name: 'a long silence (over 60 s) re-anchors even if the position is plausible',
    beats: [
      [0, 0],
      [100, 90],
      [112, 102],
    ],
    coveredS: 12,
    reasons: ['first_beat', 'gap', 'credited'],
  },
  {
    name: 'clamping: positions beyond the end or below zero are clamped to the video',
    durationS: 45,
    beats: [
      [0, -3],
      [10, 8],
      [20, 40, false],
      [30, 40, true],
      [40, 99],
    ],
    coveredS: 13,
    intervals: [
      [0, 8],
      [40, 45],
    ],
    reasons: ['first_beat', 'credited', 'too_fast', 'was_paused', 'credited'],
  },
  {
    name: 'stalled playback (no progress) credits nothing and breaks nothing',
    beats: [
      [0, 10],
      [12, 10],
      [24, 22],
    ],
    coveredS: 12,
    reasons: ['first_beat', 'credited', 'credited'],
  },
  {
    name: 'gaps under 1 s merge into one interval',
    beats: [
      [0, 0],
      [10, 10],
      [11, 10.6],
      [11.5, 10.5, true],
      [12, 10.6],
      [22, 20.6],
    ],
    coveredS: 20.6,
    intervals: [[0, 20.6]],
    reasons: ['first_beat', 'credited', 'credited', 'seek_back', 'credited', 'credited'],
  },
];

describe('applyHeartbeat', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { state, reasons } = play(c.beats, c.durationS);
    expect(reasons).toEqual(c.reasons);
    expect(state.coveredS).toBeCloseTo(c.coveredS, 6);
    if (c.intervals) expect(state.intervals).toEqual(c.intervals);
  });

  it('reports the seconds each beat added, and nothing for a re-watch', () => {
    const { credited } = play([
      [0, 0],
      [12, 12],
      [14, 2],
      [26, 14],
    ]);
    expect(credited).toEqual([0, 12, 0, 2]);
  });

  it('ignored and refused beats return the very same state and ask for no write', () => {
    const { state } = play([
      [0, 0],
      [12, 12],
    ]);
    for (const beat of [
      { at: T0 + 5_000, position: 5, playing: true, session: 'A' },
      { at: T0 + 13_000, position: 0, playing: true, session: 'B' },
      { at: T0 + 14_000, position: Number.NaN, playing: true, session: 'A' },
      { at: Number.POSITIVE_INFINITY, position: 20, playing: true, session: 'A' },
    ]) {
      const r = applyHeartbeat(state, beat, 600);
      expect(r.changed).toBe(false);
      expect(r.state).toBe(state);
      expect(r.creditedS).toBe(0);
    }
  });

  it('never modifies the state it is given and bumps rev on every change', () => {
    const before = play([
      [0, 0],
      [12, 12],
    ]).state;
    const snapshot = JSON.parse(JSON.stringify(before));
    const r = applyHeartbeat(before, { at: T0 + 24_000, position: 24, playing: true, session: 'A' }, 600);
    expect(before).toEqual(snapshot);
    expect(r.state.rev).toBe(before.rev + 1);
    expect(before.rev).toBe(2);
  });

  it('keeps the last position for resuming, even when it earned nothing', () => {
    const { state } = play([
      [0, 0],
      [12, 12],
      [14, 80],
    ]);
    expect(state.position).toBe(80);
    expect(state.furthest).toBe(12);
  });

  it('honours a custom tolerance', () => {
    const beats = [
      { at: T0, position: 0, playing: true, session: 'A' },
      { at: T0 + 10_000, position: 20, playing: true, session: 'A' },
    ];
    const strict = applyHeartbeat(applyHeartbeat(emptyProgress(), beats[0], 600).state, beats[1], 600);
    const loose = applyHeartbeat(applyHeartbeat(emptyProgress(), beats[0], 600, { rate: 2 }).state, beats[1], 600, {
      rate: 2,
    });
    expect(strict.reason).toBe('too_fast');
    expect(loose.reason).toBe('credited');
    expect(loose.creditedS).toBe(20);
  });
});

describe('completion', () => {
  it.each([
    [100, 89, false],
    [100, 89.99, false],
    [100, 90, true],
    [100, 100, true],
    [45, 40.49, false],
    [45, 40.5, true],
    [0, 0, false],
  ])('duration %s s, covered %s s → complete %s', (durationS, coveredS, complete) => {
    expect(isComplete({ coveredS }, durationS)).toBe(complete);
  });

  it('completes on the beat that reaches exactly 90%, once', () => {
    const { state, results } = play(
      [
        [0, 0],
        [12, 12],
        [24, 24],
        [36, 36],
        [40.49, 40.49, false],
        [41, 40.49, true],
        [41.01, 40.5],
        [45, 44.5],
      ],
      45,
    );
    expect(results.map((r) => r.completedNow)).toEqual([false, false, false, false, false, false, true, false]);
    expect(results[4].state.completedAt).toBeNull();
    expect(state.completedAt).toBe(T0 + 41_010);
    expect(state.coveredS).toBe(44.5);
  });

  it('stays complete after more beats of another kind', () => {
    const done = play(
      [
        [0, 0],
        [12, 12],
        [24, 24],
        [36, 36],
        [42, 42],
      ],
      45,
    ).state;
    const again = play(
      [
        [100, 0, true, 'B'],
        [200, 500, true, 'B'],
      ],
      45,
      done,
    );
    expect(again.state.completedAt).toBe(done.completedAt);
    expect(again.results.every((r) => !r.completedNow)).toBe(true);
  });
});

describe('mergeIntervals and coveredSeconds', () => {
  it.each<[string, [number, number][], number, [number, number][]]>([
    ['empty', [], 0, []],
    [
      'overlapping',
      [
        [0, 10],
        [5, 15],
      ],
      0,
      [[0, 15]],
    ],
    [
      'adjacent',
      [
        [0, 10],
        [10, 20],
      ],
      0,
      [[0, 20]],
    ],
    [
      'contained',
      [
        [0, 30],
        [5, 10],
      ],
      0,
      [[0, 30]],
    ],
    [
      'unsorted',
      [
        [40, 50],
        [0, 10],
        [20, 30],
      ],
      0,
      [
        [0, 10],
        [20, 30],
        [40, 50],
      ],
    ],
    [
      'a gap under 1 s merges',
      [
        [0, 10],
        [10.99, 20],
      ],
      1,
      [[0, 20]],
    ],
    [
      'a gap of 1 s stays',
      [
        [0, 10],
        [11, 20],
      ],
      1,
      [
        [0, 10],
        [11, 20],
      ],
    ],
    [
      'empty, inverted and non-finite intervals are dropped',
      [
        [5, 5],
        [9, 3],
        [Number.NaN, 4],
        [1, Number.POSITIVE_INFINITY],
        [1, 2],
      ],
      0,
      [[1, 2]],
    ],
  ])('%s', (_name, input, gapS, expected) => {
    const copy = structuredClone(input);
    expect(mergeIntervals(input, gapS)).toEqual(expected);
    expect(input).toEqual(copy);
  });

  it('counts the union, not the sum', () => {
    expect(
      coveredSeconds([
        [0, 10],
        [5, 15],
        [20, 25],
      ]),
    ).toBe(20);
  });
});

describe('maxSeekable and resumePosition', () => {
  it('forbids seeking beyond the furthest watched point until complete', () => {
    expect(maxSeekable(emptyProgress(), 60)).toBe(0);
    const watched = play(
      [
        [0, 0],
        [12, 12],
        [24, 24],
        [25, 55],
      ],
      60,
    ).state;
    expect(maxSeekable(watched, 60)).toBe(24);
    const done = play(
      [
        [0, 0],
        [12, 12],
        [24, 24],
        [36, 36],
        [48, 48],
        [55, 55],
      ],
      60,
    ).state;
    expect(done.completedAt).not.toBeNull();
    expect(maxSeekable(done, 60)).toBe(60);
  });

  it.each<[string, Beat[], number]>([
    ['a fresh lecture starts at 0', [], 0],
    [
      'resumes at the last position',
      [
        [0, 0],
        [12, 12],
        [24, 24],
        [30, 10, false],
      ],
      10,
    ],
    [
      'not beyond the furthest watched point',
      [
        [0, 0],
        [12, 12],
        [13, 50, false],
      ],
      12,
    ],
    [
      'from the start when it ended at the end',
      [
        [0, 0],
        [12, 12],
        [24, 24],
        [36, 36],
        [48, 48],
        [60, 60, false],
      ],
      0,
    ],
  ])('%s', (_name, beats, expected) => {
    expect(resumePosition(play(beats, 60).state, 60)).toBe(expected);
  });
});

describe('a bounded document', () => {
  it('a two-hour film watched with pauses, seeks back and 600+ beats stays one interval', () => {
    const beats: Beat[] = [];
    let t = 0;
    let p = 0;
    beats.push([t, p]);
    while (p < 7200) {
      t += 12;
      p = Math.min(7200, p + 12);
      beats.push([t, p]);
      if (beats.length % 50 === 0) {
        beats.push([t + 1, p, false]);
        t += 120;
        p = Math.max(0, p - 30);
        beats.push([t, p, true]);
      }
    }
    const { state } = play(beats, 7200);
    expect(beats.length).toBeGreaterThan(600);
    expect(state.intervals).toEqual([[0, 7200]]);
    expect(state.completedAt).not.toBeNull();
    expect(JSON.stringify(state).length).toBeLessThan(300);
  });

  it('a member who skips a little every beat keeps at most maxIntervals, and coverage never shrinks', () => {
    let state = emptyProgress();
    let t = 0;
    let p = 0;
    let covered = 0;
    state = applyHeartbeat(state, { at: T0, position: 0, playing: true, session: 'A' }, 7200).state;
    while (p < 7000) {
      t += 10;
      p += 10;
      state = applyHeartbeat(state, { at: T0 + t * 1000, position: p, playing: true, session: 'A' }, 7200).state;
      t += 1;
      p += 5 + (p % 7);
      state = applyHeartbeat(state, { at: T0 + t * 1000, position: p, playing: true, session: 'A' }, 7200).state;
      expect(state.coveredS).toBeGreaterThanOrEqual(covered);
      covered = state.coveredS;
    }
    expect(state.intervals.length).toBe(DEFAULT_POLICY.maxIntervals);
    expect(state.coveredS).toBe(coveredSeconds(state.intervals));
    expect(state.coveredS).toBeLessThanOrEqual(DEFAULT_POLICY.maxIntervals * 10);
    expect(JSON.stringify(state).length).toBeLessThan(1200);
  });

  it('random beats never break the invariants', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const durationS = 300;
    const { mergeGapS, maxIntervals } = DEFAULT_POLICY;
    const broken: string[] = [];
    const seen = new Set<BeatReason>();
    const check = (ok: boolean, what: string) => {
      if (!ok && broken.length < 5) broken.push(what);
    };
    for (let run = 0; run < 50; run++) {
      let state = emptyProgress();
      let t = 0;
      let plausibleBudget = 0;
      for (let i = 0; i < 200; i++) {
        const dt = rnd() * 40;
        t += rnd() < 0.05 ? -5 : dt;
        const last = state.lastBeat;
        const position = rnd() < 0.8 && last ? last.position + dt * (0.5 + rnd()) : rnd() * 350 - 20;
        const session = rnd() < 0.1 ? 'B' : 'A';
        const r = applyHeartbeat(state, { at: T0 + t * 1000, position, playing: rnd() < 0.85, session }, durationS);
        if (r.reason === 'credited' && last) plausibleBudget += ((r.state.lastBeat!.at - last.at) / 1000) * 1.25 + 2;
        seen.add(r.reason);
        check(r.creditedS >= 0, 'credit is never negative');
        check(r.state.coveredS >= state.coveredS, 'coverage never shrinks');
        state = r.state;
        const iv = state.intervals;
        check(iv.length <= maxIntervals, 'interval count is capped');
        iv.forEach(([s, e], k) => {
          check(s >= 0 && e <= durationS && e > s, 'intervals lie inside the video');
          check(k === 0 || s - iv[k - 1][1] >= mergeGapS, 'intervals are sorted and merged');
        });
        check(Math.abs(state.coveredS - coveredSeconds(iv)) < 1e-6, 'coveredS is the sum of the intervals');
        check(state.coveredS <= durationS, 'coverage fits the duration');
        check(state.position >= 0 && state.position <= durationS, 'position is clamped');
        check(state.furthest >= (iv.length ? iv[iv.length - 1][1] : 0), 'furthest is past every interval');
      }
      // Tiny merged gaps (< 1 s each) aside, no more was credited than the wall clock allowed.
      check(state.coveredS <= plausibleBudget + maxIntervals, 'no more credit than the wall clock allowed');
    }
    expect(broken).toEqual([]);
    expect([...seen].sort()).toEqual(
      [
        'credited',
        'first_beat',
        'gap',
        'other_session',
        'seek_back',
        'stale',
        'takeover',
        'too_fast',
        'was_paused',
      ].sort(),
    );
  });
});
