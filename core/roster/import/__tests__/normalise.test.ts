import { nameSchema } from '../../../../contracts/common';
import { headerKey, normaliseName, readDate, readPartyStatus, readPhone } from '../normalise';
import type { CellValue } from '../table';

describe('names', () => {
  it.each<[string, string]>([
    ['王\u3000芳', '王芳'],
    [' 赵 军 ', '赵军'],
    ['\u200b李红梅\u00a0', '李红梅'],
    ['阿依古丽 • 买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['阿依古丽.买买提', '阿依古丽·买买提'],
    ['阿依古丽．买买提', '阿依古丽·买买提'],
    ['ＷＡＮＧ  Ｆａｎｇ', 'WANG Fang'],
  ])('%p → %p', (raw, name) => {
    expect(normaliseName(raw)).toBe(name);
  });

  it.each(['刘䶮', '王𠀀', '陈秀英', '阿依古丽·买买提'])('%s is a valid name', (name) => {
    expect(nameSchema.safeParse(name).success).toBe(true);
  });

  it.each(['王二2', '王@', '王'])('%s is not', (name) => {
    expect(nameSchema.safeParse(name).success).toBe(false);
  });
});

describe('phones', () => {
  it.each<[CellValue, ReturnType<typeof readPhone>]>([
    ['139 1000 1234', { kind: 'mobile', phone: '13910001234', others: [] }],
    ['139-1000-1234', { kind: 'mobile', phone: '13910001234', others: [] }],
    ['１３９１０００１２３４', { kind: 'mobile', phone: '13910001234', others: [] }],
    ['+86 139 1000 1234', { kind: 'mobile', phone: '13910001234', others: [] }],
    ['0086-13910001234', { kind: 'mobile', phone: '13910001234', others: [] }],
    [13910001234, { kind: 'mobile', phone: '13910001234', others: [] }],
    [
      '0571-88886666/13910001234',
      { kind: 'mobile', phone: '13910001234', others: ['057188886666'], landline: '0571-88886666' },
    ],
    // A member reached by a fixed line only: imported with it, no mobile.
    ['0571-88886666', { kind: 'landline', number: '0571-88886666' }],
    ['(0571)88886666', { kind: 'landline', number: '0571-88886666' }],
    ['01088886666', { kind: 'landline', number: '010-88886666' }],
    ['', { kind: 'empty' }],
    [null, { kind: 'empty' }],
    // As the roster's own export masks a number: the import finds the member it stands for.
    ['139****1234', { kind: 'masked', masked: '139****1234' }],
    ['１３９＊＊＊＊１２３４', { kind: 'masked', masked: '139****1234' }],
    ['139***1234', { kind: 'invalid' }],
    ['1391000123', { kind: 'invalid' }],
  ])('%p', (value, reading) => {
    expect(readPhone(value)).toEqual(reading);
  });
});

describe('dates', () => {
  const day = (date: string) => ({ kind: 'date', date, monthOnly: false }) as const;
  const month = (date: string) => ({ kind: 'date', date, monthOnly: true }) as const;
  it.each<[CellValue, ReturnType<typeof readDate>]>([
    ['2010-07-01', day('2010-07-01')],
    ['2010/7/1', day('2010-07-01')],
    ['2010.7.1', day('2010-07-01')],
    ['2010. 7. 1', day('2010-07-01')],
    ['2010年7月1日', day('2010-07-01')],
    ['2010—07—01', day('2010-07-01')],
    ['２０１０－０７－０１', day('2010-07-01')],
    ['2010-07-01 00:00:00', day('2010-07-01')],
    ['20100701', day('2010-07-01')],
    [20100701, day('2010-07-01')],
    [40360, day('2010-07-01')],
    [new Date('2010-07-01T00:00:00Z'), day('2010-07-01')],
    ['2010.07', month('2010-07-01')],
    ['2010年7月', month('2010-07-01')],
    ['2010-7', month('2010-07-01')],
    [2010.07, month('2010-07-01')],
    ['', { kind: 'empty' }],
    [null, { kind: 'empty' }],
    ['2010年13月', { kind: 'invalid' }],
    ['2010-02-30', { kind: 'invalid' }],
    ['2010', { kind: 'invalid' }],
    [2010, { kind: 'invalid' }],
    ['10.7.1', { kind: 'invalid' }],
    ['去年七月', { kind: 'invalid' }],
    ['1850-01-01', { kind: 'invalid' }],
  ])('%p', (value, reading) => {
    expect(readDate(value)).toEqual(reading);
  });
});

describe('party status and headers', () => {
  it.each<[string, string | null]>([
    ['正式党员', 'full'],
    ['中共党员', 'full'],
    [' 中共 党员 ', 'full'],
    ['预备党员', 'probationary'],
    ['中共预备党员', 'probationary'],
    ['党员', null],
    ['群众', null],
  ])('%p → %p', (label, status) => {
    expect(readPartyStatus(label)).toBe(status);
  });

  it.each<[string, string]>([
    ['手机号（必填）', '手机号'],
    ['*姓名', '姓名'],
    ['入党\n时间', '入党时间'],
    ['联系电话：', '联系电话'],
  ])('header %p reads as %p', (text, key) => {
    expect(headerKey(text)).toBe(key);
  });
});
