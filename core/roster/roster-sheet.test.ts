import ExcelJS from 'exceljs';
import { buildTemplate, MAX_IMPORT_ROWS, parseRoster, ROSTER_COLUMNS, type RowIssue } from './roster-sheet';

const HEADER = ROSTER_COLUMNS.map((c) => c.header);

/** Builds an .xlsx with exceljs: a header row then the given rows, cell values as given. */
async function workbook(rows: ExcelJS.CellValue[][], header: string[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('花名册');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A date cell as Excel stores it: a day serial, read back as midnight UTC. */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const issueKeys = (issues: RowIssue[]) => issues.map(({ row, field }) => [row, field]);

describe('roster sheet: template', () => {
  it('the template has the roster header and an example row that is never imported', async () => {
    const template = await buildTemplate();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['花名册', '填写说明']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual([
      ...HEADER,
      '性别（选填）',
      '出生日期（选填）',
      '民族（选填）',
      '学历（选填）',
      '工作单位（选填）',
      '党员分类（选填）',
    ]);
    expect((wb.worksheets[0].getRow(2).values as unknown[]).slice(1, 3)).toEqual(['张三（示例）', '13800001234']);

    const { rows, issues, warnings, ignoredColumns } = await parseRoster(template);
    // The importer reads every column the template has.
    expect(ignoredColumns).toEqual([]);
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ row: 0, field: 'file', message: '文件中没有党员数据（模板的示例行不会导入）' }]);
    expect(warnings).toEqual([{ row: 2, field: 'file', message: expect.stringContaining('示例行') }]);
  });

  it('the example row is skipped with a warning, the members under it are read', async () => {
    const { rows, issues, warnings } = await parseRoster(
      await workbook([
        ['张三', '13800001234', '正式党员', '2010-07-01', '2011-07-01', ''],
        ['王志强', '13910001234', '正式党员', '2010-07-01', '2011-07-01', ''],
      ]),
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.name)).toEqual(['王志强']);
    expect(warnings).toEqual([{ row: 2, field: 'file', message: '「张三 13800001234」是模板的示例行，不会导入' }]);
  });
});

describe('roster sheet: parsing good rows', () => {
  it('reads text cells, real Excel dates, slash and Chinese dates, and numeric phones', async () => {
    const file = await workbook([
      ['王志强', '13910001234', '正式党员', '2010-07-01', '2011-07-01', '第一党小组'],
      ['陈秀英', 13910002345, '正式党员', excelDate('1986-05-20'), excelDate('1987-05-20'), ''],
      ['刘洋', '13910003456', '正式', '2010/7/1', '2011/7/1', null],
      ['赵丽娟', '13910004567', '预备党员', '2025年12月1日', '', '第二党小组'],
      ['孙浩然', 13910005678, '预备', '2026.6.30', null, null],
      [' 李 红梅 ', ' 13910006789 ', '正式党员', '2003-06-28', '2004-06-28', ''],
    ]);
    const { rows, issues } = await parseRoster(file);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        name: '王志强',
        phone: '13910001234',
        partyStatus: 'full',
        joinedAt: '2010-07-01',
        fullAt: '2011-07-01',
        group: '第一党小组',
      },
      {
        row: 3,
        name: '陈秀英',
        phone: '13910002345',
        partyStatus: 'full',
        joinedAt: '1986-05-20',
        fullAt: '1987-05-20',
        group: null,
      },
      {
        row: 4,
        name: '刘洋',
        phone: '13910003456',
        partyStatus: 'full',
        joinedAt: '2010-07-01',
        fullAt: '2011-07-01',
        group: null,
      },
      {
        row: 5,
        name: '赵丽娟',
        phone: '13910004567',
        partyStatus: 'probationary',
        joinedAt: '2025-12-01',
        fullAt: null,
        group: '第二党小组',
      },
      {
        row: 6,
        name: '孙浩然',
        phone: '13910005678',
        partyStatus: 'probationary',
        joinedAt: '2026-06-30',
        fullAt: null,
        group: null,
      },
      {
        row: 7,
        // Spaces inside a Chinese name are dropped: 李 红梅 and 李红梅 are one person.
        name: '李红梅',
        phone: '13910006789',
        partyStatus: 'full',
        joinedAt: '2003-06-28',
        fullAt: '2004-06-28',
        group: null,
      },
    ]);
  });

  it('reads a date cell that carries a time of day as that calendar day', async () => {
    const file = await workbook([
      ['王志强', '13910001234', '正式党员', new Date('2010-07-01T12:00:00.000Z'), excelDate('2011-07-01'), ''],
    ]);
    const { rows, issues } = await parseRoster(file);
    expect(issues).toEqual([]);
    expect(rows[0]).toMatchObject({ joinedAt: '2010-07-01', fullAt: '2011-07-01' });
  });

  it('skips blank rows and keeps Excel row numbers', async () => {
    const file = await workbook([
      ['王志强', '13910001234', '正式党员', '2010-07-01', '2011-07-01', ''],
      [null, null, null, null, null, null],
      ['', '', '', '', '', ''],
      ['陈秀英', '13910002345', '正式党员', '1986-05-20', '1987-05-20', ''],
    ]);
    const { rows, issues } = await parseRoster(file);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.row, r.name])).toEqual([
      [2, '王志强'],
      [5, '陈秀英'],
    ]);
  });

  it('reads a rich-text cell and a hyperlink-style text cell', async () => {
    const file = await workbook([
      [
        { richText: [{ text: '王' }, { text: '志强' }] },
        { text: '13910001234', hyperlink: 'tel:13910001234' },
        '正式党员',
        '2010-07-01',
        '2011-07-01',
        '',
      ],
    ]);
    const { rows, issues } = await parseRoster(file);
    expect(issues).toEqual([]);
    expect(rows[0]).toMatchObject({ name: '王志强', phone: '13910001234' });
  });
});

describe('roster sheet: bad rows are each reported with their row and field', () => {
  const GOOD = ['王志强', '13910001234', '正式党员', '2010-07-01', '2011-07-01', ''];

  it.each<[string, ExcelJS.CellValue[], string[]]>([
    ['name missing', ['', '13910002345', '正式党员', '2010-07-01', '2011-07-01', ''], ['姓名']],
    ['name one character', ['王', '13910002345', '正式党员', '2010-07-01', '2011-07-01', ''], ['姓名']],
    ['name with digits', ['王二2', '13910002345', '正式党员', '2010-07-01', '2011-07-01', ''], ['姓名']],
    ['phone ten digits', ['陈秀英', '1391000234', '正式党员', '2010-07-01', '2011-07-01', ''], ['手机号']],
    [
      'phone neither a mobile nor a fixed line',
      ['陈秀英', '1391000', '正式党员', '2010-07-01', '2011-07-01', ''],
      ['手机号'],
    ],
    ['unknown party status', ['陈秀英', '13910002345', '党员', '2010-07-01', '2011-07-01', ''], ['党员身份']],
    [
      'joined date impossible (30 Feb)',
      ['陈秀英', '13910002345', '正式党员', '2026-02-30', '2026-03-30', ''],
      ['入党日期'],
    ],
    ['joined date as free text', ['陈秀英', '13910002345', '正式党员', '去年七月', '2011-07-01', ''], ['入党日期']],
    ['joined date missing', ['陈秀英', '13910002345', '预备党员', '', '', ''], ['入党日期']],
    ['full member without 转正日期', ['陈秀英', '13910002345', '正式党员', '2010-07-01', '', ''], ['转正日期']],
    ['转正日期 impossible', ['陈秀英', '13910002345', '正式党员', '2010-07-01', '2011-13-01', ''], ['转正日期']],
    [
      'probationary member with a 转正日期',
      ['陈秀英', '13910002345', '预备党员', '2025-07-01', '2026-07-01', ''],
      ['转正日期'],
    ],
    ['转正日期 before 入党日期', ['陈秀英', '13910002345', '正式党员', '2010-07-01', '2009-07-01', ''], ['转正日期']],
    ['several problems in one row', ['', '123', '群众', 'x', '', ''], ['姓名', '手机号', '党员身份', '入党日期']],
  ])('%s', async (_label, bad, fields) => {
    const { rows, issues } = await parseRoster(await workbook([GOOD, bad]));
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(issueKeys(issues)).toEqual(fields.map((field) => [3, field]));
    for (const issue of issues) expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reports every bad row of a file, not just the first', async () => {
    const { rows, issues } = await parseRoster(
      await workbook([
        ['王志强', '13910001234', '正式党员', '2010-07-01', '2011-07-01', ''],
        ['陈秀英', '1391000234', '正式党员', '1986-05-20', '1987-05-20', ''],
        ['刘洋', '13910003456', '正式党员', '2010-07-01', '2011-07-01', ''],
        ['赵丽娟', '13910004567', '正式党员', '2012-02-30', '2013-12-18', ''],
      ]),
    );
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(issueKeys(issues)).toEqual([
      [3, '手机号'],
      [5, '入党日期'],
    ]);
  });

  it('reports a phone repeated within the file, naming the first row', async () => {
    const { rows, issues } = await parseRoster(
      await workbook([
        ['王志强', '13910001234', '正式党员', '2010-07-01', '2011-07-01', ''],
        ['陈秀英', '13910002345', '正式党员', '1986-05-20', '1987-05-20', ''],
        ['刘洋', 13910001234, '正式党员', '2016-11-10', '2017-11-10', ''],
      ]),
    );
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(issueKeys(issues)).toEqual([[4, '手机号']]);
    expect(issues[0].message).toContain('第 2 行');
  });

  it.each<[string, string[]]>([
    ['a renamed column', ['姓名', '电话', '党员身份', '入党日期', '转正日期', '党小组']],
    ['a missing column', ['姓名', '手机号', '党员身份', '入党日期', '党小组']],
    ['an English header', ['name', 'phone', 'status', 'joined', 'full', 'group']],
  ])('refuses a wrong header (%s) as a whole, on row 1', async (_label, header) => {
    const { rows, issues } = await parseRoster(
      await workbook([['王志强', '13910001234', '正式党员', '2010-07-01', '2011-07-01', '']], header),
    );
    expect(rows).toEqual([]);
    expect(issueKeys(issues)).toEqual([[1, 'header']]);
    expect(issues[0].message).toContain('姓名、手机号、党员身份、入党日期、转正日期、党小组');
  });

  it.each<[string, string[]]>([
    ['columns out of order', ['手机号', '姓名', '党员身份', '入党日期', '转正日期', '党小组']],
    ['no 党小组 column', ['姓名', '手机号', '党员身份', '入党日期', '转正日期']],
  ])('reads a header with %s', async (_label, header) => {
    const values: Record<string, string> = {
      姓名: '王志强',
      手机号: '13910001234',
      党员身份: '正式党员',
      入党日期: '2010-07-01',
      转正日期: '2011-07-01',
      党小组: '',
    };
    const { rows, issues } = await parseRoster(await workbook([header.map((h) => values[h])], header));
    expect(issues).toEqual([]);
    expect(rows).toEqual([expect.objectContaining({ row: 2, name: '王志强', phone: '13910001234', group: null })]);
  });

  it('refuses a CSV file whose header lacks columns, naming what it found', async () => {
    const { rows, issues } = await parseRoster(Buffer.from('姓名,手机号\n王志强,13910001234\n', 'utf8'));
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      {
        row: 1,
        field: 'header',
        message: expect.stringMatching(/^表头缺少「党员身份」「入党日期」「转正日期」列；.*第 1 行是「姓名、手机号」/),
      },
    ]);
  });

  it.each<[string, Buffer]>([
    ['a binary file', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(16), Buffer.from('姓名,手机号\n')])],
    ['an empty buffer', Buffer.alloc(0)],
    ['random bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
    ['a zip that is not a workbook', Buffer.from('504b0506000000000000000000000000000000000000', 'hex')],
  ])('refuses a file that is not an .xlsx (%s)', async (_label, content) => {
    const { rows, issues } = await parseRoster(content);
    expect(rows).toEqual([]);
    expect(issueKeys(issues)).toEqual([[0, 'file']]);
    expect(issues[0].message).toMatch(/xlsx|工作表/);
  });

  it('refuses a workbook with a header but no members', async () => {
    const { rows, issues } = await parseRoster(await workbook([]));
    expect(rows).toEqual([]);
    expect(issueKeys(issues)).toEqual([[0, 'file']]);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} members in one file`, async () => {
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [
      '王志强',
      `139${String(i).padStart(8, '0')}`,
      '正式党员',
      '2010-07-01',
      '2011-07-01',
      '',
    ]);
    const { issues } = await parseRoster(await workbook(many));
    expect(issueKeys(issues)).toEqual([[0, 'file']]);
  });
});
