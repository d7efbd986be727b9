import {
  EDUCATION_ALIASES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  WORK_UNIT_MAX,
} from '../../../contracts/labels/roster';
import type { MemberProfile } from '../../../contracts/roster';
import { cellText, plain, readDate } from './normalise';
import type { CellValue } from './table';

/** The optional 花名册 columns a branch's own file often has, read into the member's profile. */
export const PROFILE_COLUMNS = [
  { key: 'gender', header: '性别', aliases: ['性别'] },
  { key: 'birthDate', header: '出生日期', aliases: ['出生日期', '出生年月', '出生时间', '出生年月日'] },
  { key: 'ethnicity', header: '民族', aliases: ['民族'] },
  { key: 'education', header: '学历', aliases: ['学历', '文化程度', '最高学历', '全日制学历'] },
  { key: 'workUnit', header: '工作单位', aliases: ['工作单位', '单位', '工作单位及职务', '所在单位'] },
  { key: 'categories', header: '党员分类', aliases: ['党员分类', '人员分类', '分类', '特殊类别'] },
] as const;

export type ProfileField = (typeof PROFILE_COLUMNS)[number]['key'];

/** What a row's profile cells give: the fields read (blank cells give nothing), and why a cell was left out. */
export interface ProfileReading {
  profile: Partial<MemberProfile>;
  skipped: Array<{ field: ProfileField; message: string }>;
}

const listOf = (values: readonly string[]) => values.join('、');

/**
 * The profile of one row. A value that cannot be read is left out of the import with a warning
 * (these columns are optional; the member is imported all the same); a blank cell keeps what the
 * roster has.
 */
export function readProfile(
  cell: (field: ProfileField) => CellValue,
  column: (field: ProfileField) => string,
): ProfileReading {
  const profile: Partial<MemberProfile> = {};
  const skipped: ProfileReading['skipped'] = [];
  const text = (field: ProfileField) => plain(cellText(cell(field))).replace(/\s+/g, '');
  const skip = (field: ProfileField, expected: string) =>
    skipped.push({
      field,
      message: `${column(field)}「${cellText(cell(field))}」无法识别，此项未导入；应为 ${expected}`,
    });

  const gender = text('gender').replace(/性$/, '');
  if (gender) {
    const found = GENDERS.find((g) => g === gender);
    if (found) profile.gender = found;
    else skip('gender', listOf(GENDERS));
  }

  if (text('birthDate')) {
    const date = readDate(cell('birthDate'));
    if (date.kind === 'date') profile.birthDate = date.date;
    else skip('birthDate', '如 1980-05-01 的日期');
  }

  const ethnicity = text('ethnicity');
  if (ethnicity) {
    const found = ETHNICITIES.find((e) => e === ethnicity || e === `${ethnicity}族`);
    if (found) profile.ethnicity = found;
    else skip('ethnicity', '56 个民族之一，如 汉族');
  }

  const education = text('education');
  if (education) {
    const found = EDUCATION_LEVELS.find((e) => e === education) ?? EDUCATION_ALIASES[education];
    if (found) profile.education = found;
    else skip('education', listOf(EDUCATION_LEVELS));
  }

  const workUnit = plain(cellText(cell('workUnit')))
    .replace(/\s+/g, ' ')
    .trim();
  if (workUnit) {
    if (workUnit.length <= WORK_UNIT_MAX) profile.workUnit = workUnit;
    else skip('workUnit', `不超过 ${WORK_UNIT_MAX} 个字`);
  }

  const categories = text('categories');
  if (categories) {
    const parts = categories.split(/[、,，;；/|]+/).filter(Boolean);
    const unknown = parts.filter((p) => !MEMBER_CATEGORIES.some((c) => c === p));
    if (unknown.length) skip('categories', `${listOf(MEMBER_CATEGORIES)} 中的一项或几项，用“、”分隔`);
    else profile.categories = MEMBER_CATEGORIES.filter((c) => parts.includes(c));
  }
  return { profile, skipped };
}
