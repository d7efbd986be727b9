/**
 * The optional roster fields (性别, 出生日期, 民族, 学历, 工作单位, 党员分类) on the secretary's form
 * and the member card. Pure: no Taro. The server checks the same rules (contracts/roster.ts).
 */
import type { EducationLevel, Ethnicity, Gender, MemberCategory, MemberProfile } from '@contracts';
import {
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MIN_JOIN_AGE,
  WORK_UNIT_MAX,
} from '@contracts/labels/roster';
import { formatDate } from '@/utils/dates';

export { EDUCATION_LEVELS, ETHNICITIES, GENDERS, MEMBER_CATEGORIES, WORK_UNIT_MAX };

/** The form's values: '' for a field left empty. */
export interface ProfileFormValues {
  gender: Gender | '';
  birthDate: string;
  ethnicity: Ethnicity | '';
  education: EducationLevel | '';
  workUnit: string;
  categories: MemberCategory[];
}

export const PROFILE_FIELDS = ['gender', 'birthDate', 'ethnicity', 'education', 'workUnit', 'categories'] as const;

export const EMPTY_PROFILE_FORM: ProfileFormValues = {
  gender: '',
  birthDate: '',
  ethnicity: '',
  education: '',
  workUnit: '',
  categories: [],
};

/** The picker options, each with a first one to leave the field empty. */
const withNone = (values: readonly string[]) => [
  { value: '', label: '不填写' },
  ...values.map((v) => ({ value: v, label: v })),
];
export const GENDER_OPTIONS: ReadonlyArray<{ value: Gender | ''; label: string }> = [
  { value: '', label: '不填写' },
  ...GENDERS.map((g) => ({ value: g, label: g })),
];
export const ETHNICITY_OPTIONS = withNone(ETHNICITIES);
export const EDUCATION_OPTIONS = withNone(EDUCATION_LEVELS);

export function profileFormValues(member?: MemberProfile): ProfileFormValues {
  if (!member) return EMPTY_PROFILE_FORM;
  return {
    gender: member.gender ?? '',
    birthDate: member.birthDate ?? '',
    ethnicity: member.ethnicity ?? '',
    education: member.education ?? '',
    workUnit: member.workUnit ?? '',
    categories: [...member.categories],
  };
}

/** Whether anything is filled in (the form opens the section then). */
export const hasProfile = (v: ProfileFormValues): boolean =>
  PROFILE_FIELDS.some((key) => (key === 'categories' ? v.categories.length > 0 : v[key] !== ''));

/** The day someone born on `birthDate` is old enough to join (`YYYY-MM-DD`; 29 February → 1 March by comparison). */
export const ofJoiningAge = (birthDate: string): string =>
  `${Number(birthDate.slice(0, 4)) + MIN_JOIN_AGE}${birthDate.slice(4)}`;

/** The checks of contracts/roster.ts and the server's 出生日期 rule, as form errors. */
export function profileErrors(
  v: ProfileFormValues,
  joinedAt: string,
  today: string,
): Partial<Record<(typeof PROFILE_FIELDS)[number], string>> {
  const errors: Partial<Record<(typeof PROFILE_FIELDS)[number], string>> = {};
  if (v.birthDate) {
    if (v.birthDate > today) errors.birthDate = '出生日期不能晚于今天';
    else if (v.birthDate < '1900-01-01') errors.birthDate = '出生日期不能早于 1900 年';
    else if (/^\d{4}-\d{2}-\d{2}$/.test(joinedAt) && joinedAt < ofJoiningAge(v.birthDate))
      errors.birthDate = `入党须年满十八岁：按此出生日期，最早 ${formatDate(ofJoiningAge(v.birthDate))}入党，请核对出生日期或入党日期`;
  }
  const workUnit = v.workUnit.trim();
  if (workUnit.length > WORK_UNIT_MAX) errors.workUnit = `工作单位最多 ${WORK_UNIT_MAX} 个字`;
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f]/.test(workUnit)) errors.workUnit = '工作单位不能包含换行或控制字符';
  return errors;
}

type ProfileInput = Partial<Omit<MemberProfile, 'categories'>> & { categories?: MemberCategory[] };

/** The form as `roster.createMember` fields: only what is filled in. */
export function profileInput(v: ProfileFormValues): ProfileInput {
  const input: ProfileInput = {};
  if (v.gender) input.gender = v.gender;
  if (v.birthDate) input.birthDate = v.birthDate;
  if (v.ethnicity) input.ethnicity = v.ethnicity;
  if (v.education) input.education = v.education;
  if (v.workUnit.trim()) input.workUnit = v.workUnit.trim();
  if (v.categories.length) input.categories = orderedCategories(v.categories);
  return input;
}

/** The `roster.updateMember` fields that differ from the entry's: null clears one, [] the categories. */
export function profileChanges(v: ProfileFormValues, current: MemberProfile): ProfileInput {
  const changes: ProfileInput = {};
  const next = {
    gender: v.gender || null,
    birthDate: v.birthDate || null,
    ethnicity: v.ethnicity || null,
    education: v.education || null,
    workUnit: v.workUnit.trim() || null,
  };
  if (next.gender !== current.gender) changes.gender = next.gender;
  if (next.birthDate !== current.birthDate) changes.birthDate = next.birthDate;
  if (next.ethnicity !== current.ethnicity) changes.ethnicity = next.ethnicity;
  if (next.education !== current.education) changes.education = next.education;
  if (next.workUnit !== current.workUnit) changes.workUnit = next.workUnit;
  const categories = orderedCategories(v.categories);
  if (categories.join() !== orderedCategories(current.categories).join()) changes.categories = categories;
  return changes;
}

/** The categories in the list's order, each once. */
export const orderedCategories = (list: readonly MemberCategory[]): MemberCategory[] =>
  MEMBER_CATEGORIES.filter((c) => list.includes(c));

/** Ticks or unticks one category. */
export const toggleCategory = (list: readonly MemberCategory[], category: MemberCategory): MemberCategory[] =>
  list.includes(category) ? list.filter((c) => c !== category) : orderedCategories([...list, category]);

/** The member card's rows for the fields filled in (none for an entry without them). */
export function profileRows(member: MemberProfile): Array<[string, string]> {
  const rows: Array<[string, string | null]> = [
    ['性别', member.gender],
    ['出生日期', member.birthDate ? formatDate(member.birthDate) : null],
    ['民族', member.ethnicity],
    ['学历', member.education],
    ['工作单位', member.workUnit],
    ['党员分类', member.categories.length ? orderedCategories(member.categories).join('、') : null],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null);
}

/** The roster list's 党员分类 filter: everyone, or one category. */
export const CATEGORY_FILTER_OPTIONS = [
  { value: '', label: '全部类别' },
  ...MEMBER_CATEGORIES.map((c) => ({ value: c, label: c })),
];
