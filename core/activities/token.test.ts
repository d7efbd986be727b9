import { newId } from '../runtime/ids';
import {
  expiryOfStep,
  MAX_ACTIVITY_TOKEN_LENGTH,
  makeToken,
  newSecret,
  parseToken,
  STEP_SECONDS,
  stepOf,
  verifyToken,
  type ParsedToken,
  type TokenVerdict,
} from './token';

/**
 * The rotating code: an HMAC over (kind, subject, time step) with a per-activity (or per-member)
 * secret. Only the current and the previous step are accepted; anything the server could not
 * have shown is forged. An activity's code leaves the step out, so that it fits a 小程序码's scene.
 */
const STEP_MS = STEP_SECONDS * 1000;
const SECRET = newSecret();
const OTHER_SECRET = newSecret();
const ACTIVITY = 'act-0001';
/** An instant in the middle of a step, so that ± a few seconds stays in it. */
const NOW = new Date(Date.UTC(2026, 10, 23, 2, 0, 5));
const STEP = stepOf(NOW);

const parsed = (token: string): ParsedToken => {
  const result = parseToken(token);
  if (!result) throw new Error(`token did not parse: ${token}`);
  return result;
};

/** A token shown at `step`, checked at `now`. */
const verdictAt = (step: number, now: Date, secret = SECRET): TokenVerdict =>
  verifyToken(secret, parsed(makeToken(SECRET, 'activity', ACTIVITY, step)), now);

describe('stepOf and expiryOfStep', () => {
  it('cuts time into steps of STEP_SECONDS', () => {
    expect(STEP_SECONDS).toBe(10);
    expect(stepOf(new Date(0))).toBe(0);
    expect(stepOf(new Date(STEP_MS - 1))).toBe(0);
    expect(stepOf(new Date(STEP_MS))).toBe(1);
    expect(stepOf(NOW)).toBe(Math.floor(NOW.getTime() / STEP_MS));
  });

  it('a code shown at a step stops working at the end of the following step', () => {
    expect(expiryOfStep(STEP).getTime()).toBe((STEP + 2) * STEP_MS);
    // The last instant it is accepted is one ms before the expiry.
    expect(verdictAt(STEP, new Date(expiryOfStep(STEP).getTime() - 1))).toBe('ok');
    expect(verdictAt(STEP, expiryOfStep(STEP))).toBe('expired');
  });
});

describe('verifyToken', () => {
  const cases: Array<[label: string, shownAt: number, checkedAt: Date, verdict: TokenVerdict]> = [
    ['a fresh token', STEP, NOW, 'ok'],
    ['the previous step', STEP - 1, NOW, 'ok'],
    ['two steps old', STEP - 2, NOW, 'expired'],
    ['an hour old', STEP - 360, NOW, 'expired'],
    ['more than an hour old', STEP - 361, NOW, 'forged'],
    ['a step from the future', STEP + 1, NOW, 'forged'],
    ['far in the future', STEP + 1000, NOW, 'forged'],
    // Exact boundaries: the last ms of a step and the first ms of the next.
    ['current, at the first ms of its step', STEP, new Date(STEP * STEP_MS), 'ok'],
    ['current, at the last ms of its step', STEP, new Date((STEP + 1) * STEP_MS - 1), 'ok'],
    ['previous, at the last ms of the following step', STEP - 1, new Date((STEP + 1) * STEP_MS - 1), 'ok'],
    ['previous, at the first ms of the step after', STEP - 1, new Date((STEP + 1) * STEP_MS), 'expired'],
    ['next step, at the last ms before it starts', STEP + 1, new Date((STEP + 1) * STEP_MS - 1), 'forged'],
    ['next step, at its first ms', STEP + 1, new Date((STEP + 1) * STEP_MS), 'ok'],
  ];

  it.each(cases)('%s → %s', (_label, shownAt, checkedAt, verdict) => {
    expect(verdictAt(shownAt, checkedAt)).toBe(verdict);
  });

  it('a token checked against another secret is forged, whatever its age', () => {
    for (const step of [STEP, STEP - 1, STEP - 5]) expect(verdictAt(step, NOW, OTHER_SECRET)).toBe('forged');
  });

  it('a flipped character of the MAC makes it forged', () => {
    const token = makeToken(SECRET, 'activity', ACTIVITY, STEP);
    const macStart = token.lastIndexOf('.') + 1;
    for (let i = macStart; i < token.length; i++) {
      const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(verifyToken(SECRET, parsed(flipped), NOW)).toBe('forged');
    }
  });

  it("another activity's token, with its own valid MAC, fails against this activity's secret", () => {
    const other = parsed(makeToken(OTHER_SECRET, 'activity', 'act-0002', STEP));
    expect(verifyToken(OTHER_SECRET, other, NOW)).toBe('ok');
    expect(verifyToken(SECRET, other, NOW)).toBe('forged');
    // Nor can its MAC be moved onto this activity's id.
    const moved: ParsedToken = { ...other, subject: ACTIVITY };
    expect(verifyToken(SECRET, moved, NOW)).toBe('forged');
    expect(verifyToken(OTHER_SECRET, moved, NOW)).toBe('forged');
  });

  it('the subject, and a member code’s step, are covered by the MAC', () => {
    const token = parsed(makeToken(SECRET, 'activity', ACTIVITY, STEP - 1));
    expect(verifyToken(SECRET, { ...token, subject: 'act-0003' }, NOW)).toBe('forged');
    const member = parsed(makeToken(SECRET, 'member', 'member-003', STEP - 1));
    if (member.kind !== 'member') throw new Error('not a member token');
    expect(verifyToken(SECRET, { ...member, step: STEP }, NOW)).toBe('forged');
    expect(verifyToken(SECRET, { ...member, subject: 'member-004' }, NOW)).toBe('forged');
  });

  it('a member token does not pass as an activity token with the same secret, nor the reverse', () => {
    const member = parsed(makeToken(SECRET, 'member', ACTIVITY, STEP));
    expect(member).toMatchObject({ kind: 'member', subject: ACTIVITY, step: STEP });
    expect(verifyToken(SECRET, member, NOW)).toBe('ok');
    expect(verifyToken(SECRET, { kind: 'activity', subject: ACTIVITY, mac: member.mac }, NOW)).toBe('forged');
    expect(verifyToken(SECRET, { kind: 'activity', subject: ACTIVITY, mac: member.mac.slice(0, 11) }, NOW)).toBe(
      'forged',
    );
    const activity = parsed(makeToken(SECRET, 'activity', ACTIVITY, STEP));
    expect(verifyToken(SECRET, { kind: 'member', subject: ACTIVITY, step: STEP, mac: activity.mac }, NOW)).toBe(
      'forged',
    );
  });
});

describe('makeToken and parseToken', () => {
  it('round-trips both kinds', () => {
    const activity = makeToken(SECRET, 'activity', ACTIVITY, STEP);
    expect(activity).toMatch(new RegExp(`^${ACTIVITY}\\.[A-Za-z0-9_-]{11}$`));
    expect(parseToken(activity)).toEqual({ kind: 'activity', subject: ACTIVITY, mac: expect.any(String) });
    const member = makeToken(SECRET, 'member', 'member-003', STEP);
    expect(member).toMatch(new RegExp(`^m\\.member-003\\.${STEP}\\.[A-Za-z0-9_-]{22}$`));
    expect(parseToken(member)).toEqual({ kind: 'member', subject: 'member-003', step: STEP, mac: expect.any(String) });
  });

  it('makes a different MAC for each secret, kind, subject and step', () => {
    const macOf = (token: string) => parsed(token).mac;
    const base = macOf(makeToken(SECRET, 'activity', ACTIVITY, STEP));
    const variants = [
      macOf(makeToken(OTHER_SECRET, 'activity', ACTIVITY, STEP)),
      macOf(makeToken(SECRET, 'member', ACTIVITY, STEP)),
      macOf(makeToken(SECRET, 'activity', 'act-0002', STEP)),
      macOf(makeToken(SECRET, 'activity', ACTIVITY, STEP + 1)),
    ];
    expect(new Set([base, ...variants]).size).toBe(5);
  });

  it(`fits a 小程序码's scene: at most ${MAX_ACTIVITY_TOKEN_LENGTH} characters of its alphabet for an id from newId`, () => {
    const id = newId();
    const token = makeToken(SECRET, 'activity', id, STEP);
    expect(token.length).toBeLessThanOrEqual(MAX_ACTIVITY_TOKEN_LENGTH);
    expect(token).toMatch(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/);
  });

  const mac = 'A'.repeat(11);
  const memberMac = 'A'.repeat(22);
  it.each([
    ['empty', ''],
    ['one part', 'act-0001'],
    ['an old three-part activity code', `act-0001.${STEP}.${memberMac}`],
    ['five parts', `m.x.member-003.${STEP}.${memberMac}`],
    ['four parts without the m prefix', `x.member-003.${STEP}.${memberMac}`],
    ['a member code with a non-numeric step', `m.member-003.12a.${memberMac}`],
    ['a member code with a negative step', `m.member-003.-1.${memberMac}`],
    ['a member code with a step of 13 digits', `m.member-003.1234567890123.${memberMac}`],
    ['a member code with a short MAC', `m.member-003.${STEP}.${'A'.repeat(21)}`],
    ['a short MAC', `act-0001.${'A'.repeat(10)}`],
    ['a long MAC', `act-0001.${'A'.repeat(12)}`],
    ['a MAC with a plus sign', `act-0001.${'A'.repeat(10)}+`],
    ['an empty subject', `.${mac}`],
    ['a subject with a slash', `act/0001.${mac}`],
    ['a subject of 65 characters', `${'a'.repeat(65)}.${mac}`],
    ['a member token with an empty subject', `m..${STEP}.${memberMac}`],
    ['whitespace around', ` act-0001.${mac}`],
  ])('rejects %s', (_label, token) => {
    expect(parseToken(token)).toBeNull();
  });

  it('accepts the longest subject and step', () => {
    expect(parseToken(`${'a'.repeat(64)}.${mac}`)).toEqual({ kind: 'activity', subject: 'a'.repeat(64), mac });
    expect(parseToken(`m.${'a'.repeat(64)}.123456789012.${memberMac}`)).toEqual({
      kind: 'member',
      subject: 'a'.repeat(64),
      step: 123456789012,
      mac: memberMac,
    });
  });
});
