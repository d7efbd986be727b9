import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  nameSchema,
  noInput,
  membershipSchema,
  phoneSchema,
  type PartyStatus,
  type Permission,
  type Role,
} from './common';
import type { ConsentNotice, MyData } from './my-data';
import { EMPLOYER_NAME_MAX } from './labels/roster';

export const declareInput = z
  .object({
    name: nameSchema,
    phone: phoneSchema,
    partyStatus: membershipSchema,
    joinedAt: dateSchema,
    fullAt: dateSchema.optional(),
    orgId: idSchema.optional(),
    externalOrg: z.string().trim().min(2, '请填写组织关系所在单位').max(100).optional(),
    /** 工作单位: matched to the committee's register of 两新 organisations. */
    employer: z.string().trim().max(EMPLOYER_NAME_MAX, `工作单位不超过 ${EMPLOYER_NAME_MAX} 个字`).optional(),
    /** Separate consent to processing Party membership (PIPL Art. 29): must be `true`. */
    consent: z.custom<true>((v) => v === true, { message: '请阅读敏感个人信息说明，并勾选单独同意后再提交' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.partyStatus === 'full' && !v.fullAt)
      ctx.addIssue({ code: 'custom', path: ['fullAt'], message: '正式党员请填写转正日期' });
    if (v.partyStatus === 'probationary' && v.fullAt)
      ctx.addIssue({ code: 'custom', path: ['fullAt'], message: '预备党员尚无转正日期' });
    if (v.fullAt && v.fullAt < v.joinedAt)
      ctx.addIssue({ code: 'custom', path: ['fullAt'], message: '转正日期不能早于入党日期' });
    if (!v.orgId && !v.externalOrg)
      ctx.addIssue({ code: 'custom', path: ['orgId'], message: '请选择所在支部，或填写组织关系所在单位（流动党员）' });
  });

export const declarationStatusSchema = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);
export type DeclarationStatus = z.infer<typeof declarationStatusSchema>;

export const identitySchemas = {
  me: noInput,
  declare: declareInput,
  withdraw: noInput,
  listDeclarations: z
    .object({ status: declarationStatusSchema.optional(), orgId: idSchema.optional() })
    .strict()
    .optional(),
  review: z
    .object({
      id: idSchema,
      decision: z.enum(['approve', 'reject']),
      reason: z.string().trim().max(200).optional(),
      /** Bind to this roster entry instead of the one matched by name and phone. */
      memberId: idSchema.optional(),
      /** Where to place an outside member (流动党员) on approval: a branch or group of the reviewer's scope. */
      orgId: idSchema.optional(),
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.decision === 'reject' && !v.reason)
        ctx.addIssue({ code: 'custom', path: ['reason'], message: '驳回时请填写原因' });
    }),
  card: noInput,
  /** The separate-consent notice the 亮身份 form shows (its version is kept with the declaration). */
  consentNotice: noInput,
  /** 我的数据: everything held about the caller (its Excel download is `roster.exportMyData`). */
  myData: noInput,
} as const;

export type DeclareInput = z.input<typeof declareInput>;

export interface MemberSummary {
  id: string;
  name: string;
  /** The member's branch. */
  orgId: string;
  orgName: string;
  groupId: string | null;
  partyStatus: PartyStatus;
  joinedAt: string | null;
  fullAt: string | null;
  /** The member's own phone, unmasked: only ever returned to the member; null when the roster has no mobile. */
  phone: string | null;
  /** 党龄: whole years since 转正日期 (China time); null for a 预备党员. */
  partyYears: number | null;
}

export interface DeclarationSummary {
  id: string;
  status: DeclarationStatus;
  name: string;
  orgId: string | null;
  orgName: string | null;
  externalOrg: string | null;
  reason: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

/**
 * What the caller may do on one org node and everything below it, from the server's permission
 * table. The app shows a control only when a grant holding its permission covers the org acted on.
 */
export interface PermissionGrant {
  /** The org node the caller holds a role on. */
  orgId: string;
  orgName: string;
  /** The union of the permissions of every role the caller holds on this node. */
  permissions: Permission[];
  /** `orgId` and every org below it: the nodes these permissions cover. */
  covers: string[];
}

export interface MeOutput {
  openid: string;
  member: MemberSummary | null;
  roles: Array<{ orgId: string; orgName: string; role: Role }>;
  /** One entry per org node the caller holds a role on (none for a member or visitor). */
  permissions: PermissionGrant[];
  /** The caller's latest declaration, if any. */
  declaration: DeclarationSummary | null;
  /** The environment has no committee yet: the app offers 初始化 (roster.setup). */
  setupNeeded: boolean;
}

export interface DeclarationItem extends DeclarationSummary {
  /** The reviewer's own declaration: someone else must review it. */
  mine: boolean;
  phone: string;
  partyStatus: PartyStatus;
  joinedAt: string;
  fullAt: string | null;
  /** The roster entry that approval would bind to (same name and phone), if any. */
  match: { memberId: string; name: string; orgName: string } | null;
}

export interface IdentityCard {
  memberId: string;
  name: string;
  orgName: string;
  partyStatus: PartyStatus;
  joinedAt: string | null;
  fullAt: string | null;
  /** 党龄: whole years since 转正日期; null for a 预备党员. */
  partyYears: number | null;
  /** The committee's name, for the card's header. */
  committeeName: string;
  pledge: string;
  badge: string;
}

export interface IdentityOutputs {
  me: MeOutput;
  declare: { id: string; status: 'pending' };
  withdraw: { id: string; status: 'withdrawn' };
  listDeclarations: { items: DeclarationItem[] };
  review: { status: 'approved' | 'rejected'; memberId?: string };
  card: IdentityCard;
  consentNotice: ConsentNotice;
  myData: MyData;
}
