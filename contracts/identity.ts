import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  nameSchema,
  noInput,
  phoneSchema,
  type PartyStatus,
  type Permission,
  type Role,
} from './common';
import type { ConsentNotice, MyData } from './my-data';
import { EMPLOYER_NAME_MAX } from './labels/roster';
import { isPartyMember, PARTY_STATUSES } from './labels/common';

/**
 * What a declarant says they are: a Party member (正式党员, 预备党员), or someone on the way to
 * membership (入党申请人, 入党积极分子, 发展对象), who binds only to the roster entry their branch's
 * 发展党员 file made, and has no identity card.
 */
const declaredStatusSchema = z.enum(PARTY_STATUSES, {
  message: '身份应为正式党员、预备党员、发展对象、入党积极分子或入党申请人',
});

export const declareInput = z
  .object({
    name: nameSchema,
    phone: phoneSchema,
    partyStatus: declaredStatusSchema,
    /** 入党日期: a Party member's, required; someone on the way has none. */
    joinedAt: dateSchema.optional(),
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
    if (!isPartyMember(v.partyStatus)) {
      if (v.joinedAt || v.fullAt)
        ctx.addIssue({
          code: 'custom',
          path: [v.joinedAt ? 'joinedAt' : 'fullAt'],
          message: '入党申请人、入党积极分子和发展对象尚无入党日期和转正日期，请不要填写',
        });
      if (v.externalOrg || !v.orgId)
        ctx.addIssue({
          code: 'custom',
          path: ['orgId'],
          message: '正在申请入党的同志请选择递交入党申请书的党支部',
        });
      return;
    }
    if (!v.joinedAt) ctx.addIssue({ code: 'custom', path: ['joinedAt'], message: '请填写入党日期' });
    if (v.partyStatus === 'full' && !v.fullAt)
      ctx.addIssue({ code: 'custom', path: ['fullAt'], message: '正式党员请填写转正日期' });
    if (v.partyStatus === 'probationary' && v.fullAt)
      ctx.addIssue({ code: 'custom', path: ['fullAt'], message: '预备党员尚无转正日期' });
    if (v.fullAt && v.joinedAt && v.fullAt < v.joinedAt)
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
  /**
   * Someone on the way to membership has no identity card (it begins with 预备党员): what the app says
   * in its place (`您是入党积极分子，成为预备党员后可领取党员身份卡`). Null for a Party member.
   */
  cardNote: string | null;
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
  /** Null for someone on the way to membership. */
  joinedAt: string | null;
  fullAt: string | null;
  /**
   * The roster entry that approval would bind to (same name and phone, a Party member's entry for a
   * Party member, a 发展党员 file's entry for someone on the way), if any. Someone on the way with
   * none cannot be approved.
   */
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
