import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A code changes every ten seconds; the current and the previous step are accepted. */
export const STEP_SECONDS = 10;

export const stepOf = (at: Date): number => Math.floor(at.getTime() / (STEP_SECONDS * 1000));
/** When a code shown at `step` stops being accepted: the end of the following step. */
export const expiryOfStep = (step: number): Date => new Date((step + 2) * STEP_SECONDS * 1000);

export const newSecret = (): string => randomBytes(32).toString('base64url');

/** A parsed token: an activity's code (`<activityId>.<step>.<mac>`) or a member's card code (`m.<memberId>.<step>.<mac>`). */
export interface ParsedToken {
  kind: 'activity' | 'member';
  subject: string;
  step: number;
  mac: string;
}

const SUBJECT = /^[A-Za-z0-9_-]{1,64}$/;
const MAC = /^[A-Za-z0-9_-]{22}$/;

function mac(secret: string, kind: ParsedToken['kind'], subject: string, step: number): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url'))
    .update(`${kind}:${subject}:${step}`)
    .digest('base64url')
    .slice(0, 22);
}

export function makeToken(secret: string, kind: ParsedToken['kind'], subject: string, step: number): string {
  const body = `${subject}.${step}.${mac(secret, kind, subject, step)}`;
  return kind === 'member' ? `m.${body}` : body;
}

export function parseToken(token: string): ParsedToken | null {
  const parts = token.split('.');
  const kind = parts.length === 4 && parts[0] === 'm' ? 'member' : parts.length === 3 ? 'activity' : null;
  if (!kind) return null;
  const [subject, step, code] = kind === 'member' ? parts.slice(1) : parts;
  if (!SUBJECT.test(subject) || !/^\d{1,12}$/.test(step) || !MAC.test(code)) return null;
  return { kind, subject, step: Number(step), mac: code };
}

export type TokenVerdict = 'ok' | 'expired' | 'forged';

/**
 * Checks a token's MAC, then its age: only the step `now` falls in and the one before are
 * accepted. A step from the future cannot have been shown by the server, so it is forged.
 */
export function verifyToken(secret: string, token: ParsedToken, now: Date): TokenVerdict {
  const expected = Buffer.from(mac(secret, token.kind, token.subject, token.step));
  const given = Buffer.from(token.mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged';
  const current = stepOf(now);
  if (token.step > current) return 'forged';
  if (token.step < current - 1) return 'expired';
  return 'ok';
}
