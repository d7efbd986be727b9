import type { ActionInput } from '@contracts';
import { SETUP_CODE_MIN_LENGTH, SETUP_DEFAULT_BRANCH } from '@contracts/labels/roster';
import {
  EMPTY_MEMBER_FORM,
  MEMBER_FIELDS,
  toMemberFields,
  validateMemberForm,
  type FieldErrors,
  type MemberFormValues,
} from '@/utils/validation';

/** The 初始化 form: the setup code, the committee, and the admin's own roster entry. */
export interface SetupFormValues extends MemberFormValues {
  code: string;
  committeeName: string;
  branchName: string;
}

export const SETUP_FIELDS = ['code', 'committeeName', 'branchName', ...MEMBER_FIELDS] as const;

export const EMPTY_SETUP_FORM: SetupFormValues = {
  ...EMPTY_MEMBER_FORM,
  code: '',
  committeeName: '',
  branchName: SETUP_DEFAULT_BRANCH,
};

const orgNameError = (raw: string, what: string): string | undefined => {
  const name = raw.trim();
  if (!name) return `请填写${what}名称`;
  if (name.length < 2) return `${what}名称至少 2 个字`;
  if (name.length > 40) return `${what}名称不超过 40 个字`;
  return undefined;
};

export function validateSetupForm(v: SetupFormValues, today: string): FieldErrors<SetupFormValues> {
  const errors: FieldErrors<SetupFormValues> = { ...validateMemberForm(v, today) };
  const code = v.code.trim();
  if (!code) errors.code = '请填写初始化码';
  else if (code.length < SETUP_CODE_MIN_LENGTH) errors.code = `初始化码至少 ${SETUP_CODE_MIN_LENGTH} 位`;
  const committee = orgNameError(v.committeeName, '党委');
  if (committee) errors.committeeName = committee;
  const branch = orgNameError(v.branchName, '支部');
  if (branch) errors.branchName = branch;
  else if (v.branchName.trim() === v.committeeName.trim()) errors.branchName = '支部名称不能与党委名称相同';
  return errors;
}

/** The `roster.setup` input for a validated form. */
export function toSetupInput(v: SetupFormValues): ActionInput<'roster', 'setup'> {
  const { fullAt, ...member } = toMemberFields(v);
  return {
    code: v.code.trim(),
    committeeName: v.committeeName.trim(),
    branchName: v.branchName.trim(),
    ...member,
    // The admin's own mobile is required on this form (validateSetupForm).
    phone: member.phone ?? '',
    ...(fullAt ? { fullAt } : {}),
  };
}
