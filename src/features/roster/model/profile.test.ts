import type { MemberProfile } from '@contracts';
import {
  EMPTY_PROFILE_FORM,
  ETHNICITY_OPTIONS,
  hasProfile,
  profileChanges,
  profileErrors,
  profileFormValues,
  profileInput,
  profileRows,
  toggleCategory,
} from './profile';

const TODAY = '2026-11-23';
const NONE: MemberProfile = {
  gender: null,
  birthDate: null,
  ethnicity: null,
  education: null,
  workUnit: null,
  categories: [],
};
const FILLED: MemberProfile = {
  gender: '女',
  birthDate: '1956-04-12',
  ethnicity: '满族',
  education: '大学专科',
  workUnit: '示范街道社区卫生服务中心',
  categories: ['老党员', '离退休党员'],
};

describe('the optional roster fields on the edit form', () => {
  it('start empty for an entry without them, filled for one with them', () => {
    expect(profileFormValues(NONE)).toEqual(EMPTY_PROFILE_FORM);
    expect(hasProfile(profileFormValues(NONE))).toBe(false);
    expect(profileFormValues(FILLED)).toMatchObject({ gender: '女', workUnit: '示范街道社区卫生服务中心' });
    expect(hasProfile({ ...EMPTY_PROFILE_FORM, categories: ['困难党员'] })).toBe(true);
  });

  it('offer the 56 民族 with a way to leave the field empty', () => {
    expect(ETHNICITY_OPTIONS).toHaveLength(57);
    expect(ETHNICITY_OPTIONS[0]).toEqual({ value: '', label: '不填写' });
    expect(new Set(ETHNICITY_OPTIONS.map((o) => o.value)).size).toBe(57);
  });

  it('refuse a birth date after today or less than eighteen years before 入党日期', () => {
    const form = profileFormValues(FILLED);
    expect(profileErrors(form, '1980-07-01', TODAY)).toEqual({});
    expect(profileErrors({ ...form, birthDate: '2026-11-24' }, '1980-07-01', TODAY)).toEqual({
      birthDate: '出生日期不能晚于今天',
    });
    expect(profileErrors({ ...form, birthDate: '1962-07-02' }, '1980-07-01', TODAY).birthDate).toBe(
      '入党须年满十八岁：按此出生日期，最早 1980年7月2日入党，请核对出生日期或入党日期',
    );
    expect(profileErrors({ ...form, birthDate: '1962-07-01' }, '1980-07-01', TODAY)).toEqual({});
    // Without a 入党日期 yet, only today bounds it.
    expect(profileErrors({ ...form, birthDate: '2020-01-01' }, '', TODAY)).toEqual({});
  });

  it('refuse a 工作单位 too long or with a line break', () => {
    expect(profileErrors({ ...EMPTY_PROFILE_FORM, workUnit: '长'.repeat(61) }, '', TODAY)).toEqual({
      workUnit: '工作单位最多 60 个字',
    });
    expect(profileErrors({ ...EMPTY_PROFILE_FORM, workUnit: '社区\n中心' }, '', TODAY).workUnit).toMatch(/换行/);
    expect(profileErrors({ ...EMPTY_PROFILE_FORM, workUnit: ` ${'长'.repeat(60)} ` }, '', TODAY)).toEqual({});
  });

  it('send on create only what is filled in', () => {
    expect(profileInput(EMPTY_PROFILE_FORM)).toEqual({});
    expect(profileInput({ ...EMPTY_PROFILE_FORM, workUnit: '  ', gender: '男' })).toEqual({ gender: '男' });
    expect(profileInput(profileFormValues(FILLED))).toEqual(FILLED);
  });

  it('send on update only what changed, null to clear a field and [] to clear the categories', () => {
    expect(profileChanges(profileFormValues(FILLED), FILLED)).toEqual({});
    expect(profileChanges(profileFormValues(NONE), NONE)).toEqual({});
    expect(
      profileChanges({ ...profileFormValues(FILLED), gender: '', workUnit: ' 新单位 ', categories: [] }, FILLED),
    ).toEqual({ gender: null, workUnit: '新单位', categories: [] });
    // The same categories ticked in another order are no change.
    expect(profileChanges({ ...profileFormValues(FILLED), categories: ['离退休党员', '老党员'] }, FILLED)).toEqual({});
  });

  it('tick and untick categories, kept in the list order', () => {
    expect(toggleCategory(['烈士遗属'], '老党员')).toEqual(['老党员', '烈士遗属']);
    expect(toggleCategory(['老党员', '烈士遗属'], '老党员')).toEqual(['烈士遗属']);
  });
});

describe('the member card', () => {
  it('shows the fields filled in, and nothing for an entry without them', () => {
    expect(profileRows(NONE)).toEqual([]);
    expect(profileRows(FILLED)).toEqual([
      ['性别', '女'],
      ['出生日期', '1956年4月12日'],
      ['民族', '满族'],
      ['学历', '大学专科'],
      ['工作单位', '示范街道社区卫生服务中心'],
      ['党员分类', '老党员、离退休党员'],
    ]);
  });
});
