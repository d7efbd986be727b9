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

/**
 * 党员身份 on the roster: the Party members (正式党员, 预备党员) and, before them, the people on the way
 * to membership whom 发展党员 puts there (发展对象, 入党积极分子, 入党申请人). The people on the way take
 * part in activities, lectures and points, but hold no identity card, no 党龄 and no vote.
 */
export const PARTY_STATUSES = ['full', 'probationary', 'candidate', 'activist', 'applicant'] as const;
/** The statuses of Party members: the roster's own forms, imports and 亮身份 set only these; 发展党员 sets the rest. */
export const MEMBERSHIP_STATUSES = ['full', 'probationary'] as const;
export const CANDIDATE_STATUSES = ['candidate', 'activist', 'applicant'] as const;
export type Membership = (typeof MEMBERSHIP_STATUSES)[number];
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export const PARTY_STATUS_LABELS: Readonly<Record<(typeof PARTY_STATUSES)[number], string>> = {
  full: '正式党员',
  probationary: '预备党员',
  candidate: '发展对象',
  activist: '入党积极分子',
  applicant: '入党申请人',
};

/** A Party member (正式 or 预备), as against someone on the way to membership. */
export function isPartyMember(status: (typeof PARTY_STATUSES)[number]): status is Membership {
  return status === 'full' || status === 'probationary';
}
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
