import iconv from 'iconv-lite';
import { MAX_IMPORT_ROWS, parseRoster, type ParsedRoster, type RosterRow } from '../../roster-sheet';
import { convertAll, fods, hasSoffice, type FodsCell } from './libreoffice';

/**
 * 花名册 files as secretaries keep them, made by LibreOffice (not by exceljs) and as CSV in the
 * encodings Excel and WPS save, each with the outcome the secretary expects.
 */

const TITLE = (text: string, across: number): FodsCell[] => [{ text, across }];

/** A branch's own roster: title, 填报单位 line, header on row 4 with extra columns, odd cells, totals and signatures. */
const OWN_ROSTER = fods([
  {
    name: '花名册',
    rows: [
      TITLE('第一党支部党员花名册', 13),
      ['填报单位：第一党支部（盖章）', null, null, null, null, null, null, '填报日期：2026年11月30日'],
      [],
      [
        '序号',
        '姓名',
        '性别',
        '民族',
        '出生日期',
        '学历',
        '身份证号',
        '手机号',
        '政治面貌',
        '入党时间',
        '转正时间',
        '党小组',
        '备注',
      ],
      // prettier-ignore
      [{ n: 1 }, '王\u3000芳', '女', '汉族', { d: '1980-05-01' }, '本科', '110101198005010022', '139 1000 1234', '中共党员', '2010.07', { n: 2011.07 }, '第一党小组', null],
      // prettier-ignore
      [{ n: 2 }, '刘䶮', '男', '汉族', { d: '1998-03-02' }, '硕士', '110101199803020011', '１３９１０００２３４５', '中共预备党员', '2025年7月', null, '第一党小组', null],
      // prettier-ignore
      [{ n: 3 }, '赵 军', '男', '回族', { d: '1975-01-09' }, '大专', '110101197501090031', '+86 139-1000-3456', '正式党员', { n: 20100701 }, '2011. 7. 1', { text: '第二党小组', down: 2 }, null],
      // prettier-ignore
      [{ n: 4 }, '阿依古丽•买买提', '女', '维吾尔族', { d: '1985-08-08' }, '本科', '650101198508080042', '139-1000-4567', '中共党员', '2010—07—01', { d: '2011-07-01' }, 'covered', null],
      // prettier-ignore
      [{ n: 5 }, '古丽・艾力', '女', '维吾尔族', { d: '1990-10-10' }, '本科', '650101199010100022', { n: 13910005678 }, '中共党员', { d: '2010-07-01' }, { n: 40725 }, null, '流动党员'],
      // prettier-ignore
      [{ n: 6 }, '陈秀英', '女', '汉族', { d: '1950-02-03' }, '初中', '110101195002030024', null, '中共党员', '1979-10-01', '1980-10-01', null, '退休，无手机'],
      // prettier-ignore
      [{ n: 7 }, '吴桂兰', '女', '汉族', { d: '1948-12-12' }, '小学', '110101194812120026', '', '中共党员', '1976-07-01', '1977-07-01', null, '退休'],
      // prettier-ignore
      [{ n: 8 }, '周建国', '男', '汉族', { d: '1970-06-06' }, '本科', '110101197006060015', '13910008901', '中共党员', '2010年13月', '2011-07-01', null, null],
      // prettier-ignore
      [{ n: 9 }, '孙浩然', '男', '汉族', { d: '1988-09-09' }, '本科', '110101198809090017', '0571-88886666', '中共党员', '2010-07-01', '2011/13/01', null, null],
      [{ n: 10 }],
      [{ text: '合计：9人', across: 3 }],
      ['填表人：李红梅', null, null, null, '审核人：王志强', null, null, '联系电话：0571-88886666'],
    ],
  },
]);

/** The project's template header under a title, on the second sheet after a 说明 sheet, the example row left in. */
const SECOND_SHEET = fods([
  {
    name: '说明',
    rows: [['填写说明'], ['1. 姓名：与身份证一致'], ['2. 手机号：11 位手机号码'], ['3. 党员身份：正式党员或预备党员']],
  },
  {
    name: '党员花名册',
    rows: [
      TITLE('第二党支部党员花名册', 6),
      ['姓名', '手机号', '党员身份', '入党日期', '转正日期', '党小组'],
      ['张三', '13800001234', '正式党员', '2010-07-01', '2011-07-01', null],
      ['王志强', { n: 13910001111 }, '正式党员', { d: '2008-07-01' }, { d: '2009-07-01' }, null],
      ['陈秀英', '13910002222', '预备党员', { d: '2025-12-01' }, null, null],
    ],
  },
]);

/**
 * A list that has the branch's 入党积极分子, 发展对象 and 入党申请人 among its members (政治面貌 as
 * such lists say it), without 入党时间: their rows are refused as 发展党员's, the members imported.
 */
const ON_THE_WAY = fods([
  {
    name: '花名册',
    rows: [
      TITLE('第一党支部党员和入党积极分子名单', 6),
      ['姓名', '手机号', '政治面貌', '入党时间', '转正时间', '党小组'],
      ['王芳', '13910001234', '中共党员', { d: '2010-07-01' }, { d: '2011-07-01' }, null],
      ['钱小红', '13910002345', '入党积极分子', null, null, '第一党小组'],
      ['赵晓明', { n: 13910003456 }, '发展对象', null, null, null],
      ['孙立', null, '入党申请人', null, null, null],
      ['李卫', '13910004567', '积极分子', '2024-03-01', null, null],
      ['刘䶮', '13910005678', '中共预备党员', '2025年7月', null, null],
    ],
  },
]);

/** A header without any phone column: refused as a whole, naming the row and what it holds. */
const NO_PHONE = fods([
  {
    name: 'Sheet1',
    rows: [
      TITLE('第三党支部党员名单', 6),
      [],
      ['序号', '姓名', '性别', '党员身份', '入党日期', '转正日期'],
      [{ n: 1 }, '王志强', '男', '正式党员', '2008-07-01', '2009-07-01'],
    ],
  },
]);

const soffice = hasSoffice();
if (!soffice) {
  if (process.env.CI) throw new Error('LibreOffice (soffice) is missing: CI installs libreoffice-calc-nogui');
  console.warn(
    '\n\n*** SKIPPED: roster files made by LibreOffice — soffice is not installed here (apt-get install libreoffice-calc-nogui) ***\n',
  );
}
const withSoffice = soffice ? describe : describe.skip;

const member = (
  row: number,
  name: string,
  phone: string | null,
  joinedAt: string,
  fullAt: string | null,
  group: string | null,
): RosterRow => ({
  row,
  name,
  phone,
  partyStatus: fullAt ? 'full' : 'probationary',
  joinedAt,
  fullAt,
  group,
});

withSoffice('rosters made by LibreOffice', () => {
  let files: Map<string, Buffer>;
  const file = (name: string) => files.get(name) as Buffer;
  beforeAll(() => {
    files = convertAll({ own: OWN_ROSTER, second: SECOND_SHEET, 'no-phone': NO_PHONE, 'on-the-way': ON_THE_WAY }, [
      'xlsx',
      'xls',
    ]);
  }, 180_000);

  describe("a branch's own roster: title, 填报单位, header on row 4, extra columns, odd cells, totals", () => {
    let parsed: ParsedRoster;
    beforeAll(async () => {
      parsed = await parseRoster(file('own.xlsx'));
    });

    it('imports the members, names, phones and dates normalised, a merged 党小组 on both its rows', () => {
      expect(parsed.rows.map(({ profile: _profile, ...row }) => row)).toEqual([
        member(5, '王芳', '13910001234', '2010-07-01', '2011-07-01', '第一党小组'),
        member(6, '刘䶮', '13910002345', '2025-07-01', null, '第一党小组'),
        member(7, '赵军', '13910003456', '2010-07-01', '2011-07-01', '第二党小组'),
        member(8, '阿依古丽·买买提', '13910004567', '2010-07-01', '2011-07-01', '第二党小组'),
        member(9, '古丽·艾力', '13910005678', '2010-07-01', '2011-07-01', null),
        // Retired members without a mobile are members all the same.
        member(10, '陈秀英', null, '1979-10-01', '1980-10-01', null),
        member(11, '吴桂兰', null, '1976-07-01', '1977-07-01', null),
      ]);
    });

    it('reports every problem of a row at once; a fixed line is no problem; totals and signatures are no rows', () => {
      expect(parsed.issues).toEqual([
        {
          row: 12,
          field: '入党日期',
          column: '入党时间',
          value: '2010年13月',
          message: '入党时间「2010年13月」不是有效日期，应如 2010-07-01',
        },
        {
          row: 13,
          field: '转正日期',
          column: '转正时间',
          value: '2011/13/01',
          message: '转正时间「2011/13/01」不是有效日期，应如 2011-07-01',
        },
      ]);
    });

    it('reads 性别, 民族, 出生日期 and 学历 (本科, 硕士, 大专 as the roster’s levels) into each member’s profile', () => {
      expect(parsed.rows.map((r) => [r.name, r.profile])).toEqual([
        ['王芳', { gender: '女', ethnicity: '汉族', birthDate: '1980-05-01', education: '大学本科' }],
        ['刘䶮', { gender: '男', ethnicity: '汉族', birthDate: '1998-03-02', education: '研究生' }],
        ['赵军', { gender: '男', ethnicity: '回族', birthDate: '1975-01-09', education: '大学专科' }],
        ['阿依古丽·买买提', { gender: '女', ethnicity: '维吾尔族', birthDate: '1985-08-08', education: '大学本科' }],
        ['古丽·艾力', { gender: '女', ethnicity: '维吾尔族', birthDate: '1990-10-10', education: '大学本科' }],
        ['陈秀英', { gender: '女', ethnicity: '汉族', birthDate: '1950-02-03', education: '初中及以下' }],
        ['吴桂兰', { gender: '女', ethnicity: '汉族', birthDate: '1948-12-12', education: '初中及以下' }],
      ]);
    });

    it('warns of the dates given only as a month, and lists the columns it does not import', () => {
      expect(parsed.warnings).toEqual([
        {
          row: 5,
          field: '入党日期',
          column: '入党时间',
          value: '2010.07',
          message: '入党时间「2010.07」只有年月，按 2010-07-01 导入',
        },
        {
          row: 5,
          field: '转正日期',
          column: '转正时间',
          value: '2011.07',
          message: '转正时间「2011.07」只有年月，按 2011-07-01 导入',
        },
        {
          row: 6,
          field: '入党日期',
          column: '入党时间',
          value: '2025年7月',
          message: '入党时间「2025年7月」只有年月，按 2025-07-01 导入',
        },
      ]);
      expect(parsed.ignoredColumns).toEqual(['序号', '身份证号', '备注']);
      expect(parsed.recognizedColumns).toEqual([
        '姓名',
        '手机号',
        '政治面貌',
        '入党时间',
        '转正时间',
        '党小组',
        '性别',
        '出生日期',
        '民族',
        '学历',
      ]);
    });
  });

  it('finds the template header under a title on the second sheet, and skips the example row with a warning', async () => {
    expect(await parseRoster(file('second.xlsx'))).toMatchObject({
      rows: [
        member(4, '王志强', '13910001111', '2008-07-01', '2009-07-01', null),
        member(5, '陈秀英', '13910002222', '2025-12-01', null, null),
      ],
      issues: [],
      warnings: [{ row: 3, field: 'file', message: '「张三 13800001234」是模板的示例行，不会导入' }],
      ignoredColumns: [],
    });
  });

  it('refuses a header without a phone column, saying which row it read and what it found', async () => {
    expect(await parseRoster(file('no-phone.xlsx'))).toEqual({
      rows: [],
      issues: [
        {
          row: 3,
          field: 'header',
          message:
            '表头缺少「手机号」列；表头应有 姓名、手机号、党员身份、入党日期、转正日期、党小组 等列，第 3 行是「序号、姓名、性别、党员身份、入党日期、转正日期」',
        },
      ],
    });
  });

  it('refuses the rows of 入党积极分子, 发展对象 and 入党申请人 once each, sending them to 发展党员, not asking for their 入党时间', async () => {
    const parsed = await parseRoster(file('on-the-way.xlsx'));
    expect(parsed.rows.map((r) => [r.row, r.name, r.partyStatus])).toEqual([
      [3, '王芳', 'full'],
      [8, '刘䶮', 'probationary'],
    ]);
    const refusal = (text: string) =>
      `政治面貌「${text}」：入党申请人、入党积极分子和发展对象不通过花名册导入，请在“发展党员”中建档；花名册导入只登记正式党员和预备党员`;
    expect(parsed.issues).toEqual([
      { row: 4, field: '党员身份', column: '政治面貌', value: '入党积极分子', message: refusal('入党积极分子') },
      { row: 5, field: '党员身份', column: '政治面貌', value: '发展对象', message: refusal('发展对象') },
      { row: 6, field: '党员身份', column: '政治面貌', value: '入党申请人', message: refusal('入党申请人') },
      { row: 7, field: '党员身份', column: '政治面貌', value: '积极分子', message: refusal('积极分子') },
    ]);
  });

  it('refuses an old .xls file, asking for .xlsx', async () => {
    expect(file('second.xls').subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    expect(await parseRoster(file('second.xls'))).toEqual({
      rows: [],
      issues: [
        {
          row: 0,
          field: 'file',
          message: expect.stringContaining('请在 Excel 或 WPS 中另存为 .xlsx 后再导入'),
        },
      ],
    });
  });
});

describe('rosters saved as CSV', () => {
  const csv = (first: string) =>
    [
      '序号,姓名,性别,联系电话,政治面貌,入党日期,转正日期,党小组',
      `1,王\u3000芳,女,139 1000 1234,中共党员,2010/7/1,2011/7/1,第一党小组`,
      `2,${first},男,+86 13910002345,中共预备党员,2025年7月,,`,
      '3,"赵 军",男,13910003456,中共党员,20100701,2011.7.1,"第一党小组"',
      ',,,,,,,',
      '合计：3人,,,,,,,',
    ].join('\r\n') + '\r\n';

  const expected = (first: string): ParsedRoster => ({
    rows: [
      member(2, '王芳', '13910001234', '2010-07-01', '2011-07-01', '第一党小组'),
      member(3, first, '13910002345', '2025-07-01', null, null),
      member(4, '赵军', '13910003456', '2010-07-01', '2011-07-01', '第一党小组'),
    ],
    issues: [],
    warnings: [
      {
        row: 3,
        field: '入党日期',
        column: '入党日期',
        value: '2025年7月',
        message: '入党日期「2025年7月」只有年月，按 2025-07-01 导入',
      },
    ],
    ignoredColumns: ['序号'],
    recognizedColumns: ['姓名', '联系电话', '政治面貌', '入党日期', '转正日期', '党小组', '性别'],
  });

  it.each<[string, Buffer, string]>([
    ['UTF-8', Buffer.from(csv('刘䶮'), 'utf8'), '刘䶮'],
    [
      'UTF-8 with BOM (Excel’s “CSV UTF-8”)',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv('刘䶮'))]),
      '刘䶮',
    ],
    // GBK has no 䶮: a GBK file holds only what GBK can.
    ['GBK (Excel on Chinese Windows)', iconv.encode(csv('刘洋'), 'gbk'), '刘洋'],
  ])('%s: read as the secretary typed it', async (_label, content, first) => {
    expect(await parseRoster(content)).toMatchObject(expected(first));
  });

  const many = (n: number) =>
    Buffer.from(
      [
        '第一党支部党员花名册,,,,',
        '姓名,手机号,党员身份,入党日期,转正日期',
        ...Array.from(
          { length: n },
          (_, i) =>
            `党员${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'一二三四五六七八九十'[Math.floor(i / 10) % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 100) % 10]},137${String(i).padStart(8, '0')},正式党员,2010-07-01,2011-07-01`,
        ),
        `合计：${n}人,,,,`,
        '填表人：李红梅,,审核人：王志强,,',
      ].join('\n'),
    );

  it(`reads ${MAX_IMPORT_ROWS} members under a title, with totals and signatures below`, async () => {
    const { rows, issues } = await parseRoster(many(MAX_IMPORT_ROWS));
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(MAX_IMPORT_ROWS);
  });

  it(`refuses ${MAX_IMPORT_ROWS + 1} members, naming the limit`, async () => {
    expect(await parseRoster(many(MAX_IMPORT_ROWS + 1))).toEqual({
      rows: [],
      issues: [{ row: 0, field: 'file', message: `行数过多：最多 ${MAX_IMPORT_ROWS} 行` }],
    });
  });

  it('a GBK file is not read as UTF-8 (its bytes are no valid UTF-8)', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(iconv.encode(csv('刘洋'), 'gbk'))).toThrow();
  });
});

describe('files that are no roster an office suite can give us', () => {
  it('refuses an .ods file, asking for .xlsx', async () => {
    const ods = Buffer.alloc(120);
    ods.write('PK\u0003\u0004', 0, 'latin1');
    ods.write('mimetypeapplication/vnd.oasis.opendocument.spreadsheet', 30, 'latin1');
    const { rows, issues } = await parseRoster(ods);
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ row: 0, field: 'file', message: expect.stringContaining('另存为 .xlsx') }]);
  });
});
