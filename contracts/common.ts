import { z } from 'zod';
import {
  ERROR_CODES,
  ORG_KINDS,
  PARTY_STATUSES,
  MEMBERSHIP_STATUSES,
  PERMISSIONS,
  REASON_MAX_LENGTH,
  REASON_MIN_LENGTH,
  reasonMessages,
  ROLES,
} from './labels/common';

export { ERROR_CODES, PERMISSIONS, MEMBERSHIP_STATUSES, PARTY_STATUSES };
export {
  CANDIDATE_STATUSES,
  PARTY_STATUS_LABELS,
  isPartyMember,
  type CandidateStatus,
  type Membership,
} from './labels/common';

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
  // Every CJK unified ideograph (Extension A 䶮 and beyond, not only U+4E00–U+9FA5): names hold them.
  .regex(/^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{323af}·A-Za-z ]+$/u, '姓名只能包含汉字、字母和间隔号');
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号');
export const partyStatusSchema = z.enum(PARTY_STATUSES);
export type PartyStatus = z.infer<typeof partyStatusSchema>;
/** What a roster form, an import or 亮身份 may set: 正式党员 or 预备党员 (发展党员 sets the statuses before them). */
export const membershipSchema = z.enum(MEMBERSHIP_STATUSES, { message: '党员身份应为正式党员或预备党员' });

export const orgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof orgKindSchema>;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export type Permission = (typeof PERMISSIONS)[number];

/** A reason (a leave, a cancellation, a reversal, an objection …), as labels/common.ts bounds it. */
export const reasonSchema = z
  .string()
  .trim()
  .min(REASON_MIN_LENGTH, reasonMessages().tooShort)
  .max(REASON_MAX_LENGTH, reasonMessages().tooLong);

export const pageSchema = z.number().int().min(1).max(10000).default(1);
export const pageSizeSchema = z.number().int().min(1).max(100).default(20);

/**
 * One page of a list, the shape of every paged output (`page` counts from 1): `hasMore` says
 * whether another page follows. A list whose count the app shows is a `CountedPage`.
 */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

/** A page of a list whose total the app shows (`共 18 人`). */
export type CountedPage<T> = Page<T> & { total: number };

export const noInput = z.object({}).strict().optional();

/** A file the function can read: a cloud fileID, or the id the local host gave an upload. */
export const fileIdSchema = z.string().trim().min(1).max(512);

/** A file the function produced, for the client to download or open. */
export interface FileLink {
  fileID: string;
  url: string;
  name: string;
}
