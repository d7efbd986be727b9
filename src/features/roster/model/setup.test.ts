import { SETUP_DEFAULT_BRANCH } from '@contracts/labels/roster';
import { EMPTY_SETUP_FORM, toSetupInput, validateSetupForm, type SetupFormValues } from './setup';

const TODAY = '2026-12-03';
const FILLED: SetupFormValues = {
  ...EMPTY_SETUP_FORM,
  code: ' zb-setup-2026 ',
  committeeName: ' 城东街道党工委 ',
  name: '周建国',
  phone: '13912345678',
  joinedAt: '1998-07-01',
  fullAt: '1999-07-01',
};

describe('the 初始化 form', () => {
  it('starts with the default branch for the admin’s own entry', () => {
    expect(EMPTY_SETUP_FORM.branchName).toBe(SETUP_DEFAULT_BRANCH);
  });

  it('accepts a filled form and sends it trimmed (the input type is roster.setup’s own)', () => {
    expect(validateSetupForm(FILLED, TODAY)).toEqual({});
    const input = toSetupInput(FILLED);
    expect(input).toEqual({
      code: 'zb-setup-2026',
      committeeName: '城东街道党工委',
      branchName: SETUP_DEFAULT_BRANCH,
      name: '周建国',
      phone: '13912345678',
      partyStatus: 'full',
      joinedAt: '1998-07-01',
      fullAt: '1999-07-01',
    });
  });

  it('sends no 转正日期 for a 预备党员', () => {
    const input = toSetupInput({ ...FILLED, partyStatus: 'probationary', joinedAt: '2026-06-01', fullAt: '' });
    expect(input).not.toHaveProperty('fullAt');
  });

  it.each<[Partial<SetupFormValues>, keyof SetupFormValues, string]>([
    [{ code: '' }, 'code', '请填写初始化码'],
    [{ code: 'short' }, 'code', '初始化码至少 8 位'],
    [{ committeeName: ' ' }, 'committeeName', '请填写党委名称'],
    [{ committeeName: '党' }, 'committeeName', '党委名称至少 2 个字'],
    [{ branchName: '' }, 'branchName', '请填写支部名称'],
    [{ branchName: '城东街道党工委' }, 'branchName', '支部名称不能与党委名称相同'],
    [{ phone: '1391234' }, 'phone', '请输入 11 位手机号'],
    [{ joinedAt: '' }, 'joinedAt', '请选择入党日期'],
    [{ fullAt: '' }, 'fullAt', '正式党员请填写转正日期'],
  ])('refuses %j on %s', (change, field, message) => {
    expect(validateSetupForm({ ...FILLED, ...change }, TODAY)[field]).toBe(message);
  });
});
