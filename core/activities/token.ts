import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A code changes every ten seconds; the current and the previous step are accepted. */
export const STEP_SECONDS = 10;

export const stepOf = (at: Date): number => Math.floor(at.getTime() / (STEP_SECONDS * 1000));
/** When a code shown at `step` stops being accepted: the end of the following step. */
export const expiryOfStep = (step: number): Date => new Date((step + 2) * STEP_SECONDS * 1000);

export const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * A parsed token. An activity's code is `<activityId>.<mac>`: the step is not written, so that the
 * code fits the 32 characters of a 小程序码's `scene` (ids of up to 20 characters, as `newId` makes
 * them); the server tries the steps it may have been shown at. A member's card code, scanned only
 * inside the app, is `m.<memberId>.<step>.<mac>`.
 */
export type ParsedToken =
  { kind: 'activity'; subject: string; mac: string } | { kind: 'member'; subject: string; step: number; mac: string };

/** The longest activity code for an id from `newId`: what a 小程序码's `scene` holds. */
export const MAX_ACTIVITY_TOKEN_LENGTH = 32;
/**
 * 66 bits: a code is good for at most two steps (20 s), and each guess is a cloud function call,
 * so a guess has no chance; the length is what the `scene` leaves after the id.
 */
const ACTIVITY_MAC_LENGTH = 11;
const MEMBER_MAC_LENGTH = 22;
/** How far back a valid activity code is recognised as expired (an hour) rather than invalid. */
const EXPIRED_LOOKBACK_STEPS = 360;

const SUBJECT = /^[A-Za-z0-9_-]{1,64}$/;
const ACTIVITY_MAC = new RegExp(`^[A-Za-z0-9_-]{${ACTIVITY_MAC_LENGTH}}$`);
const MEMBER_MAC = new RegExp(`^[A-Za-z0-9_-]{${MEMBER_MAC_LENGTH}}$`);

function mac(secret: string, kind: ParsedToken['kind'], subject: string, step: number): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url'))
    .update(`${kind}:${subject}:${step}`)
    .digest('base64url')
    .slice(0, kind === 'activity' ? ACTIVITY_MAC_LENGTH : MEMBER_MAC_LENGTH);
}

export function makeToken(secret: string, kind: ParsedToken['kind'], subject: string, step: number): string {
  const code = mac(secret, kind, subject, step);
  return kind === 'member' ? `m.${subject}.${step}.${code}` : `${subject}.${code}`;
}

export function parseToken(token: string): ParsedToken | null {
  const parts = token.split('.');
  if (parts.length === 2) {
    const [subject, code] = parts;
    return SUBJECT.test(subject) && ACTIVITY_MAC.test(code) ? { kind: 'activity', subject, mac: code } : null;
  }
  if (parts.length !== 4 || parts[0] !== 'm') return null;
  const [, subject, step, code] = parts;
  if (!SUBJECT.test(subject) || !/^\d{1,12}$/.test(step) || !MEMBER_MAC.test(code)) return null;
  return { kind: 'member', subject, step: Number(step), mac: code };
}

export type TokenVerdict = 'ok' | 'expired' | 'forged';

const sameMac = (expected: string, given: string): boolean => {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Checks a token's MAC and age: only the step `now` falls in and the one before are accepted. A
 * member code names its step: one from the future cannot have been shown by the server, so it is
 * forged. An activity code is tried at the current and previous step (ok), then back an hour
 * (expired); a code valid at no step is forged.
 */
export function verifyToken(secret: string, token: ParsedToken, now: Date): TokenVerdict {
  const current = stepOf(now);
  if (token.kind === 'activity') {
    for (let step = current; step >= current - EXPIRED_LOOKBACK_STEPS; step--)
      if (sameMac(mac(secret, 'activity', token.subject, step), token.mac))
        return step >= current - 1 ? 'ok' : 'expired';
    return 'forged';
  }
  if (!sameMac(mac(secret, token.kind, token.subject, token.step), token.mac)) return 'forged';
  if (token.step > current) return 'forged';
  if (token.step < current - 1) return 'expired';
  return 'ok';
}
