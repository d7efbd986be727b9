import { ACTIVITY_KINDS, type ActivityKind, type ActivityPhase } from '../../contracts/activity';
import {
  AUTO_CLOSE_AFTER_HOURS,
  DEFAULT_CLOSES_AFTER_MIN,
  DEFAULT_GRACE_MIN,
  DEFAULT_OPENS_BEFORE_MIN,
  deductsAbsence,
  defaultWindow,
  isDueForAutoClose,
  isLate,
  phaseOf,
  ruleForKind,
  signInVerdict,
  timesProblem,
  type ActivityTimes,
  type SignInVerdict,
} from './window';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = Date.parse('2026-11-25T06:00:00.000Z'); // 14:00 in China
const at = (ms: number) => new Date(ms);
const iso = (ms: number) => new Date(ms).toISOString();

/** A two-hour meeting, sign-in from 30 min before to 30 min after the start, 5 min grace. */
const TIMES: ActivityTimes = {
  startAt: iso(START),
  endAt: iso(START + 2 * HOUR),
  signInFrom: iso(START - 30 * MIN),
  signInUntil: iso(START + 30 * MIN),
  graceMinutes: 5,
};

describe('defaultWindow', () => {
  it('opens 30 minutes before the start and closes 30 minutes after', () => {
    expect([DEFAULT_OPENS_BEFORE_MIN, DEFAULT_CLOSES_AFTER_MIN, DEFAULT_GRACE_MIN]).toEqual([30, 30, 5]);
    expect(defaultWindow(at(START))).toEqual({ signInFrom: TIMES.signInFrom, signInUntil: TIMES.signInUntil });
  });
});

describe('signInVerdict and isLate', () => {
  const from = START - 30 * MIN;
  const until = START + 30 * MIN;
  const graceEnd = START + 5 * MIN;
  const cases: Array<[label: string, now: number, verdict: SignInVerdict]> = [
    ['a day before', START - DAY, { ok: false, reason: 'not_open' }],
    ['1 ms before the window opens', from - 1, { ok: false, reason: 'not_open' }],
    ['the moment it opens', from, { ok: true, late: false }],
    ['at the start', START, { ok: true, late: false }],
    ['at start + grace exactly', graceEnd, { ok: true, late: false }],
    ['1 ms after start + grace', graceEnd + 1, { ok: true, late: true }],
    ['at the last moment of the window', until, { ok: true, late: true }],
    ['1 ms after the window', until + 1, { ok: false, reason: 'closed' }],
    ['during the meeting, after the window', START + HOUR, { ok: false, reason: 'closed' }],
  ];

  it.each(cases)('%s', (_label, now, verdict) => {
    expect(signInVerdict(TIMES, at(now))).toEqual(verdict);
    if (verdict.ok) expect(isLate(TIMES, at(now))).toBe(verdict.late);
  });

  it('with no grace, the first ms after the start is late', () => {
    const strict = { ...TIMES, graceMinutes: 0 };
    expect(signInVerdict(strict, at(START))).toEqual({ ok: true, late: false });
    expect(signInVerdict(strict, at(START + 1))).toEqual({ ok: true, late: true });
  });

  it('a window opening after the start makes every sign-in past the grace late', () => {
    const afterwards = { ...TIMES, signInFrom: iso(START + 10 * MIN) };
    expect(signInVerdict(afterwards, at(START + 9 * MIN))).toEqual({ ok: false, reason: 'not_open' });
    expect(signInVerdict(afterwards, at(START + 10 * MIN))).toEqual({ ok: true, late: true });
  });
});

describe('phaseOf', () => {
  const cases: Array<[label: string, status: 'active' | 'cancelled' | 'closed', now: number, phase: ActivityPhase]> = [
    ['before the window', 'active', START - 31 * MIN, 'upcoming'],
    ['1 ms before the window', 'active', START - 30 * MIN - 1, 'upcoming'],
    ['when the window opens', 'active', START - 30 * MIN, 'signing'],
    ['at the window’s last ms', 'active', START + 30 * MIN, 'signing'],
    ['after the window, during the meeting', 'active', START + 30 * MIN + 1, 'running'],
    ['at the end', 'active', START + 2 * HOUR, 'running'],
    ['after the end, not closed', 'active', START + 2 * HOUR + 1, 'ended'],
    ['closed, whatever the time', 'closed', START, 'closed'],
    ['cancelled, whatever the time', 'cancelled', START, 'cancelled'],
    ['cancelled before it started', 'cancelled', START - DAY, 'cancelled'],
  ];
  it.each(cases)('%s → %s', (_label, status, now, phase) => {
    expect(phaseOf({ ...TIMES, status }, at(now))).toBe(phase);
  });
});

describe('timesProblem', () => {
  const now = START - 2 * DAY;
  const cases: Array<[label: string, change: Partial<ActivityTimes>, now: number, problem: string | null]> = [
    ['sound times', {}, now, null],
    ['an end before the start', { endAt: iso(START - MIN) }, now, 'endAt'],
    ['an end equal to the start', { endAt: iso(START) }, now, 'endAt'],
    ['longer than 7 days', { endAt: iso(START + 7 * DAY + 1) }, now, 'endAt'],
    ['exactly 7 days', { endAt: iso(START + 7 * DAY) }, now, null],
    ['started more than 7 days ago', {}, START + 7 * DAY + 1, 'startAt'],
    ['started exactly 7 days ago', {}, START + 7 * DAY, null],
    ['more than a year ahead', {}, START - 366 * DAY - 1, 'startAt'],
    ['exactly 366 days ahead', {}, START - 366 * DAY, null],
    ['a window closing before it opens', { signInUntil: iso(START - 40 * MIN) }, now, 'signInUntil'],
    ['a window of no length', { signInUntil: iso(START - 30 * MIN) }, now, 'signInUntil'],
    ['a window opening more than 24 h early', { signInFrom: iso(START - DAY - 1) }, now, 'signInFrom'],
    ['a window opening exactly 24 h early', { signInFrom: iso(START - DAY) }, now, null],
    ['a window closing more than 2 h after the end', { signInUntil: iso(START + 4 * HOUR + 1) }, now, 'signInUntil'],
    ['a window closing exactly 2 h after the end', { signInUntil: iso(START + 4 * HOUR) }, now, null],
  ];
  it.each(cases)('%s → %s', (_label, change, clock, problem) => {
    const result = timesProblem({ ...TIMES, ...change }, at(clock));
    if (problem === null) expect(result).toBeNull();
    else expect(result).toEqual([problem, expect.any(String)]);
  });

  it('explains the problem in Chinese', () => {
    expect(timesProblem({ ...TIMES, endAt: iso(START) }, at(now))).toEqual(['endAt', '结束时间应晚于开始时间']);
  });
});

describe('isDueForAutoClose', () => {
  const end = START + 2 * HOUR;
  it.each([
    ['at the end', end, false],
    ['1 ms short of 6 hours after', end + AUTO_CLOSE_AFTER_HOURS * HOUR - 1, false],
    ['exactly 6 hours after', end + AUTO_CLOSE_AFTER_HOURS * HOUR, true],
    ['a week after', end + 7 * DAY, true],
  ])('%s → %s', (_label, now, due) => {
    expect(AUTO_CLOSE_AFTER_HOURS).toBe(6);
    expect(isDueForAutoClose(iso(end), at(now))).toBe(due);
  });
});

describe('ruleForKind and deductsAbsence', () => {
  const expected: Record<ActivityKind, ['org_life' | 'volunteer', boolean]> = {
    party_congress: ['org_life', true],
    committee: ['org_life', true],
    group_meeting: ['org_life', true],
    party_lecture: ['org_life', true],
    theme_day: ['org_life', true],
    // 组织生活会 and 民主评议党员 are organisational life (the 条例's yearly obligations).
    life_meeting: ['org_life', true],
    democratic_review: ['org_life', true],
    volunteer: ['volunteer', false],
    other: ['org_life', true],
  };
  it.each(ACTIVITY_KINDS.map((kind) => [kind, ...expected[kind]] as const))(
    '%s earns %s; absence deducts: %s',
    (kind, rule, deducts) => {
      expect(ruleForKind(kind)).toBe(rule);
      expect(deductsAbsence(kind)).toBe(deducts);
    },
  );
});
