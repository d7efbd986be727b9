import {
  EMPTY_MEMBER_FORM,
  formFieldOf,
  toDeclareInput,
  toMemberFields,
  validateDeclareForm,
  validateMemberForm,
  DECLARE_FIELDS,
} from './validation';
import type { DeclareFormValues } from './validation';

const TODAY = '2026-11-23';
const good: DeclareFormValues = {
  ...EMPTY_MEMBER_FORM,
  name: '王志强',
  phone: '13912345678',
  partyStatus: 'full',
  joinedAt: '2008-07-01',
  fullAt: '2009-07-01',
  external: false,
  orgId: 'org-branch-1',
  externalOrg: '',
};

describe('the 亮身份 form', () => {
  it('accepts a complete form', () => {
    expect(validateDeclareForm(good, TODAY)).toEqual({});
  });

  it.each<[string, Partial<DeclareFormValues>, Partial<Record<keyof DeclareFormValues, string>>]>([
    ['empty name', { name: ' ' }, { name: '请填写姓名' }],
    ['one-character name', { name: '王' }, { name: '姓名至少 2 个字' }],
    ['short phone', { phone: '1391234' }, { phone: '请输入 11 位手机号' }],
    ['missing join date', { joinedAt: '' }, { joinedAt: '请选择入党日期' }],
    [
      'join date in the future',
      { joinedAt: '2027-01-01', fullAt: '', partyStatus: 'probationary' },
      { joinedAt: '入党日期不能晚于今天' },
    ],
    ['full member without 转正日期', { fullAt: '' }, { fullAt: '正式党员请填写转正日期' }],
    ['转正 before joining', { fullAt: '2007-07-01' }, { fullAt: '转正日期不能早于入党日期' }],
    ['no branch chosen', { orgId: '' }, { orgId: '请选择所在支部' }],
    [
      'outside member without an organisation',
      { external: true, externalOrg: ' ' },
      { externalOrg: '请填写组织关系所在单位' },
    ],
    ['工作单位 too long', { employer: '单'.repeat(51) }, { employer: '工作单位不超过 50 个字' }],
  ])('%s', (_case, change, expected) => {
    expect(validateDeclareForm({ ...good, ...change }, TODAY)).toEqual(expected);
  });

  it('sends the 工作单位 trimmed, and none when left blank', () => {
    expect(toDeclareInput({ ...good, employer: ' 示范科技有限公司 ' })).toMatchObject({ employer: '示范科技有限公司' });
    expect(toDeclareInput({ ...good, employer: '  ' })).not.toHaveProperty('employer');
  });

  it('sends no 转正日期 for a 预备党员 and no branch for an outside member', () => {
    const input = toDeclareInput({
      ...good,
      partyStatus: 'probationary',
      external: true,
      externalOrg: ' 某街道党支部 ',
    });
    expect(input).toEqual({
      name: '王志强',
      phone: '13912345678',
      partyStatus: 'probationary',
      joinedAt: '2008-07-01',
      externalOrg: '某街道党支部',
    });
  });

  it('someone on the way: no dates asked or sent, their branch always', () => {
    const applying: DeclareFormValues = { ...good, onTheWay: true, stage: 'activist', joinedAt: '', fullAt: '' };
    expect(validateDeclareForm(applying, TODAY)).toEqual({});
    expect(validateDeclareForm({ ...applying, orgId: '', external: true }, TODAY)).toEqual({
      orgId: '请选择所在支部',
    });
    expect(toDeclareInput({ ...applying, external: true, externalOrg: '某街道', employer: ' 某公司 ' })).toEqual({
      name: '王志强',
      phone: '13912345678',
      partyStatus: 'activist',
      orgId: 'org-branch-1',
      employer: '某公司',
    });
    expect(toDeclareInput({ ...applying, stage: undefined }).partyStatus).toBe('applicant');
  });

  it.each([
    ['fullAt', 'fullAt'],
    ['rows.3.phone', 'phone'],
    ['orgId', 'orgId'],
    ['action', undefined],
    [undefined, undefined],
  ])('maps the server field %p to the form field %p', (path, field) => {
    expect(formFieldOf(path, DECLARE_FIELDS)).toBe(field);
  });
});

describe('the secretary’s roster form', () => {
  const member = {
    name: '郑老根',
    phone: '',
    partyStatus: 'full' as const,
    joinedAt: '1965-07-01',
    fullAt: '1966-07-01',
  };

  it('takes a member without a mobile, and sends null for it; 亮身份 still needs one', () => {
    expect(validateMemberForm(member, '2026-12-03', { phoneOptional: true })).toEqual({});
    expect(toMemberFields(member).phone).toBeNull();
    expect(validateMemberForm(member, '2026-12-03')).toEqual({ phone: '请填写手机号' });
    expect(validateMemberForm({ ...member, phone: '1370000' }, '2026-12-03', { phoneOptional: true })).toEqual({
      phone: '请输入 11 位手机号',
    });
  });
});
