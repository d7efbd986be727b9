/**
 * Client-side checks that mirror the server's input schemas (contracts/), so most mistakes are
 * caught before a round trip. The server stays the judge: its INVALID_INPUT `field` is shown
 * the same way. Pure: no Taro.
 */
import type { CandidateStatus, Membership } from '@contracts/labels/common';
import { EMPLOYER_NAME_MAX } from '@contracts/labels/roster';

export interface MemberFormValues {
  name: string;
  phone: string;
  partyStatus: Membership;
  joinedAt: string;
  fullAt: string;
}

export interface DeclareFormValues extends MemberFormValues {
  /** true: 流动党员, organisational relationship outside the tree. */
  external: boolean;
  orgId: string;
  externalOrg: string;
  /** 工作单位 (选填): matched to the committee's register of 两新 organisations. */
  employer?: string;
  /** 正在申请入党: someone on the way to membership, with no 入党日期; `stage` is where they say they are. */
  onTheWay?: boolean;
  stage?: CandidateStatus;
}

export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

const NAME_RE = /^[\u4e00-\u9fa5·A-Za-z ]+$/;
const PHONE_RE = /^1[3-9]\d{9}$/;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function nameError(raw: string): string | undefined {
  const name = raw.trim();
  if (!name) return '请填写姓名';
  if (name.length < 2) return '姓名至少 2 个字';
  if (name.length > 20) return '姓名最多 20 个字';
  if (!NAME_RE.test(name)) return '姓名只能包含汉字、字母和间隔号';
  return undefined;
}

export function phoneError(raw: string): string | undefined {
  const phone = raw.trim();
  if (!phone) return '请填写手机号';
  if (!PHONE_RE.test(phone)) return '请输入 11 位手机号';
  return undefined;
}

/** `phoneOptional`: the secretary's roster form, where a member may have no mobile. */
export function validateMemberForm(
  v: MemberFormValues,
  today: string,
  /** partyFields false: someone on the way to membership, whose 党员身份 and dates 发展党员 keeps. */
  options: { phoneOptional?: boolean; partyFields?: boolean } = {},
): FieldErrors<MemberFormValues> {
  const errors: FieldErrors<MemberFormValues> = {};
  const name = nameError(v.name);
  if (name) errors.name = name;
  const phone = options.phoneOptional && !v.phone.trim() ? undefined : phoneError(v.phone);
  if (phone) errors.phone = phone;
  if (options.partyFields === false) return errors;
  if (!DAY_RE.test(v.joinedAt)) errors.joinedAt = '请选择入党日期';
  else if (v.joinedAt > today) errors.joinedAt = '入党日期不能晚于今天';
  if (v.partyStatus === 'full') {
    if (!DAY_RE.test(v.fullAt)) errors.fullAt = '正式党员请填写转正日期';
    else if (v.fullAt > today) errors.fullAt = '转正日期不能晚于今天';
    else if (DAY_RE.test(v.joinedAt) && v.fullAt < v.joinedAt) errors.fullAt = '转正日期不能早于入党日期';
  }
  return errors;
}

export function validateDeclareForm(v: DeclareFormValues, today: string): FieldErrors<DeclareFormValues> {
  const errors: FieldErrors<DeclareFormValues> = {
    ...validateMemberForm(v, today, { partyFields: !v.onTheWay }),
  };
  // Someone on the way declares in the branch that keeps their 发展党员 file: never as 流动党员.
  if (v.external && !v.onTheWay) {
    const org = v.externalOrg.trim();
    if (org.length < 2) errors.externalOrg = '请填写组织关系所在单位';
    else if (org.length > 100) errors.externalOrg = '单位名称最多 100 个字';
  } else if (!v.orgId) {
    errors.orgId = '请选择所在支部';
  }
  if ((v.employer ?? '').trim().length > EMPLOYER_NAME_MAX)
    errors.employer = `工作单位不超过 ${EMPLOYER_NAME_MAX} 个字`;
  return errors;
}

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean);
}

/**
 * The form field a server `field` path points at (`fullAt`, `rows.3.phone` → `phone`), or
 * undefined when it is not one of `fields`.
 */
export function formFieldOf<K extends string>(path: string | undefined, fields: readonly K[]): K | undefined {
  if (!path) return undefined;
  const last = path
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .pop();
  return fields.find((f) => f === last);
}

/** The `identity.declare` input for a validated form. */
export function toDeclareInput(v: DeclareFormValues) {
  if (v.onTheWay)
    return {
      name: v.name.trim(),
      phone: v.phone.trim(),
      partyStatus: v.stage ?? 'applicant',
      orgId: v.orgId,
      ...(v.employer?.trim() ? { employer: v.employer.trim() } : {}),
    };
  return {
    name: v.name.trim(),
    phone: v.phone.trim(),
    partyStatus: v.partyStatus,
    joinedAt: v.joinedAt,
    ...(v.partyStatus === 'full' ? { fullAt: v.fullAt } : {}),
    ...(v.external ? { externalOrg: v.externalOrg.trim() } : { orgId: v.orgId }),
    ...(v.employer?.trim() ? { employer: v.employer.trim() } : {}),
  };
}

/** The member fields of `roster.createMember` / `roster.updateMember` for a validated form (no mobile: null). */
export function toMemberFields(v: MemberFormValues) {
  return {
    name: v.name.trim(),
    phone: v.phone.trim() || null,
    partyStatus: v.partyStatus,
    joinedAt: v.joinedAt,
    fullAt: v.partyStatus === 'full' ? v.fullAt : null,
  };
}

export const EMPTY_MEMBER_FORM: MemberFormValues = {
  name: '',
  phone: '',
  partyStatus: 'full',
  joinedAt: '',
  fullAt: '',
};

export const MEMBER_FIELDS = ['name', 'phone', 'partyStatus', 'joinedAt', 'fullAt'] as const;
export const DECLARE_FIELDS = [...MEMBER_FIELDS, 'orgId', 'externalOrg', 'employer'] as const;

/** 免参加组织生活 on a roster entry (年老体弱, 长期在外 …): on or off, and why. */
export interface ExemptionValues {
  exempt: boolean;
  exemptReason: string;
}

export const exemptionValues = (reason: string | null | undefined): ExemptionValues => ({
  exempt: !!reason,
  exemptReason: reason ?? '',
});

export function exemptReasonError(v: ExemptionValues): string | undefined {
  if (!v.exempt) return undefined;
  const reason = v.exemptReason.trim();
  if (reason.length < 2) return '请填写免参加原因（至少 2 个字）';
  if (reason.length > 60) return '免参加原因最多 60 个字';
  return undefined;
}

/**
 * The `exemptReason` of `roster.updateMember` (a reason, or null to lift it), only when it
 * differs from the entry's current one.
 */
export function exemptionChange(v: ExemptionValues, current: string | null): { exemptReason?: string | null } {
  const next = v.exempt ? v.exemptReason.trim() : null;
  return next === current ? {} : { exemptReason: next };
}
