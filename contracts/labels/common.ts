/**
 * Zod-free contract modules (contracts/labels/*): the enums, labels, limits and fixed messages that
 * both the server's schemas and the app need. The schemas build from them; the app imports them at
 * run time (`@contracts/labels/<feature>`), so they import nothing but each other: no zod ever
 * reaches the mini-program bundle (eslint.config.mjs enforces both sides).
 */

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_ACTION',
  'INTERNAL',
  // Sign-in refusals, each its own code so the app can say exactly what to do next.
  'CODE_INVALID',
  'CODE_EXPIRED',
  'SIGNIN_NOT_OPEN',
  'SIGNIN_CLOSED',
  'NOT_MEMBER',
  'NOT_EXPECTED',
  'LOCATION_REQUIRED',
  'OUT_OF_RANGE',
  'SCAN_REQUIRED',
] as const;

export const PARTY_STATUSES = ['full', 'probationary'] as const;
export const ORG_KINDS = ['committee', 'branch', 'group'] as const;
export const ROLES = ['admin', 'secretary', 'officer'] as const;

/**
 * What a role may do on the org it is granted on and its subtree. The names are shared with the
 * app (which shows only the controls the caller may use); which role holds which permission is
 * decided by the server alone (`core/shared/permissions.ts`) and sent in `identity.me`.
 */
export const PERMISSIONS = [
  'roster.read',
  'roster.write',
  'declaration.review',
  'org.manage',
  'audit.read',
  'points.read',
  'points.write',
  'points.admin',
  'activity.manage',
  'activity.run',
  'lecture.manage',
  'lecture.read',
  'phone.read',
  'develop.read',
  'develop.manage',
  'task.manage',
  'task.complete',
] as const;

/** A reason (for a leave, a reversal, an objection …): 2 to 200 characters once trimmed. */
export const REASON_MIN_LENGTH = 2;
export const REASON_MAX_LENGTH = 200;

/** The messages for a reason that is too short or too long, naming it (`请假原因`); the schemas say `原因`. */
export const reasonMessages = (what = '原因') => ({
  tooShort: `请填写${what}（至少 ${REASON_MIN_LENGTH} 个字）`,
  tooLong: `${what}最多 ${REASON_MAX_LENGTH} 个字`,
});
