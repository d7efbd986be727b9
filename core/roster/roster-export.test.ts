import { buildRosterExport, type ExportMember } from './roster-export';
import { parseRoster, ROSTER_COLUMNS } from './roster-sheet';
import { PROFILE_COLUMNS } from './import/profile';
import { canPrint, expectPrintable, linesOf, openWorkbook, printAll, rowValues } from '../shared/__tests__/printed';

const HEADER = [
  ...ROSTER_COLUMNS.map((c) => c.header),
  '所在支部',
  '状态',
  '党龄',
  ...PROFILE_COLUMNS.map((c) => c.header),
];
const EXPORTED_AT = new Date('2026-11-23T02:00:00.000Z');

const member = (name: string, phone: string, more: Partial<ExportMember> = {}): ExportMember => ({
  name,
  phone,
  partyStatus: 'full',
  joinedAt: '2008-07-01',
  fullAt: '2009-07-01',
  group: '第一党小组',
  branch: '第一党支部',
  status: '在册',
  partyYears: 17,
  gender: null,
  birthDate: null,
  ethnicity: null,
  education: null,
  workUnit: null,
  categories: '',
  ...more,
});

/** Given in code-point order (何 before 孙 before 王 before 陈), printed in pinyin order. */
const MEMBERS = [
  member('何俊杰', '13910079190'),
  member('孙浩然', '13910005678', {
    partyStatus: 'probationary',
    joinedAt: '2026-06-30',
    fullAt: null,
    group: null,
    partyYears: null,
  }),
  member('王志强', '13910001234'),
  member('陈秀英', '13910015838', {
    group: '第二党小组',
    gender: '女',
    birthDate: '1950-02-03',
    ethnicity: '汉族',
    education: '初中及以下',
    workUnit: '示范街道社区',
    categories: '老党员、离退休党员',
  }),
];

describe('roster export', () => {
  let content: Buffer;
  beforeAll(async () => {
    content = await buildRosterExport('第一党支部', EXPORTED_AT, MEMBERS);
  });

  it('writes a titled, printable roster in pinyin order, dates as date cells, 党龄 as a number', async () => {
    const sheet = (await openWorkbook(content)).worksheets[0];
    expectPrintable(sheet, '第一党支部 党员花名册', HEADER);
    expect(sheet.getCell('A2').value).toBe('单位：第一党支部　　导出日期：2026-11-23');
    expect([4, 5, 6, 7].map((n) => rowValues(sheet, n)[0])).toEqual(['陈秀英', '何俊杰', '孙浩然', '王志强']);
    expect(rowValues(sheet, 4)).toEqual([
      '陈秀英',
      '13910015838',
      '正式党员',
      new Date('2008-07-01T00:00:00.000Z'),
      new Date('2009-07-01T00:00:00.000Z'),
      '第二党小组',
      '第一党支部',
      '在册',
      17,
      '女',
      new Date('1950-02-03T00:00:00.000Z'),
      '汉族',
      '初中及以下',
      '示范街道社区',
      '老党员、离退休党员',
    ]);
    expect(sheet.getCell('D4').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('K4').numFmt).toBe('yyyy-mm-dd');
    expect(rowValues(sheet, 6)).toEqual([
      '孙浩然',
      '13910005678',
      '预备党员',
      new Date('2026-06-30T00:00:00.000Z'),
      undefined,
      undefined,
      '第一党支部',
      '在册',
    ]);
  });

  it('an export (with full phones) parses back as an import, the title rows ignored', async () => {
    const { rows, issues } = await parseRoster(content);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        row: 4,
        name: '陈秀英',
        phone: '13910015838',
        partyStatus: 'full',
        joinedAt: '2008-07-01',
        fullAt: '2009-07-01',
        group: '第二党小组',
        // The profile columns come back as the import reads them.
        profile: {
          gender: '女',
          birthDate: '1950-02-03',
          ethnicity: '汉族',
          education: '初中及以下',
          workUnit: '示范街道社区',
          categories: ['老党员', '离退休党员'],
        },
      },
      expect.objectContaining({ row: 5, name: '何俊杰' }),
      {
        row: 6,
        name: '孙浩然',
        phone: '13910005678',
        partyStatus: 'probationary',
        joinedAt: '2026-06-30',
        fullAt: null,
        group: null,
      },
      expect.objectContaining({ row: 7, name: '王志强' }),
    ]);
  });

  const withPrinter = canPrint() ? it : it.skip;
  withPrinter('prints on one A4 landscape page: title, header and the first names', () => {
    const printed = printAll({ roster: content }).get('roster');
    if (!printed) throw new Error('not printed');
    expect([Math.round(printed.width), Math.round(printed.height), printed.pages]).toEqual([842, 595, 1]);
    const lines = linesOf(printed.page(1));
    expect(lines.slice(0, 3)).toEqual([
      '第一党支部 党员花名册',
      '单位：第一党支部 导出日期：2026-11-23',
      '姓名 手机号 党员身份 入党日期 转正日期 党小组 所在支部 状态 党龄 性别 出生日期 民族 学历 工作单位 党员分类',
    ]);
    expect(lines[3]).toBe(
      '陈秀英 13910015838 正式党员 2008-07-01 2009-07-01 第二党小组 第一党支部 在册 17 女 1950-02-03 汉族 初中及以下 示范街道社区 老党员、离退休党员',
    );
    expect(lines[4]).toMatch(/^何俊杰 /);
  });
});
