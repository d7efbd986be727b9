import { z } from 'zod';

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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For INVALID_INPUT: the offending field, as a dotted path (`rows.3.phone`). */
  field?: string;
  /** Row-by-row problems, e.g. for a refused Excel import. */
  details?: Array<{ row: number; field: string; message: string }>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** What every function receives: `{ action, data }`. Extra keys (WeChat adds `userInfo`) are ignored. */
export const envelopeSchema = z.object({
  action: z.string().min(1),
  data: z.unknown().optional(),
});

export const idSchema = z.string().trim().min(1, '不能为空').max(64);
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不是有效日期',
  );
export const nameSchema = z
  .string()
  .trim()
  .min(2, '姓名至少 2 个字')
  .max(20, '姓名最多 20 个字')
  .regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/, '姓名只能包含汉字、字母和间隔号');
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号');
export const partyStatusSchema = z.enum(['full', 'probationary']);
export type PartyStatus = z.infer<typeof partyStatusSchema>;

export const orgKindSchema = z.enum(['committee', 'branch', 'group']);
export type OrgKind = z.infer<typeof orgKindSchema>;
export const roleSchema = z.enum(['admin', 'secretary', 'officer']);
export type Role = z.infer<typeof roleSchema>;

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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const pageSchema = z.number().int().min(1).max(10000).default(1);
export const pageSizeSchema = z.number().int().min(1).max(100).default(20);

export const noInput = z.object({}).strict().optional();

/** A file the function can read: a cloud fileID, or the id the local host gave an upload. */
export const fileIdSchema = z.string().trim().min(1).max(512);

/** A file the function produced, for the client to download or open. */
export interface FileLink {
  fileID: string;
  url: string;
  name: string;
}
