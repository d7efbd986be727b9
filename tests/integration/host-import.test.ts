import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as rosterSheet from '../../core/roster/roster-sheet';
import { MAX_IMPORT_ROWS, MAX_LISTED_ISSUES, parseRoster } from '../../core/roster/roster-sheet';
import { rowsWithValues } from '../../core/shared/xlsx-bounds';
import {
  badRows,
  bombXml,
  goodRows,
  lieAboutSizes,
  numberRowsXml,
  rosterFile,
  sheetXml,
  withSheet,
} from './host-import-support';
import { startTestHost, type Reply, type TestHost } from './host-http';

// Every parse on this (the serving) thread is counted; the host's worker thread has its own modules.
jest.mock('../../core/roster/roster-sheet', () => {
  const actual = jest.requireActual<typeof rosterSheet>('../../core/roster/roster-sheet');
  return { ...actual, parseRoster: jest.fn(actual.parseRoster) };
});
const parsedHere = rosterSheet.parseRoster as jest.MockedFunction<typeof rosterSheet.parseRoster>;

const TOO_LARGE = '文件解压后过大：不能超过 20 MB，请使用花名册模板';
const TOO_MANY = `行数过多：最多 ${MAX_IMPORT_ROWS} 行`;

// Generating and parsing workbooks of thousands of rows takes seconds on a busy machine.
jest.setTimeout(60_000);

describe('rows that hold a value, as the bound counts them', () => {
  it.each<[string, string, number]>([
    [
      'plain rows with values',
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>',
      2,
    ],
    ['an inline string', '<row r="1"><c r="A1" t="inlineStr"><is><t>王</t></is></c></row>', 1],
    ['prefixed elements (x:row)', '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', 1],
    ['styled empty cells', '<row r="1" s="2"><c r="A1" s="2"/><c r="B1" s="2"/></row>', 0],
    ['self-closing rows', '<row r="1" s="2"/><row r="2"/>', 0],
  ])('%s → %p', (_case, xml, count) => {
    expect(rowsWithValues(`<sheetData>${xml}</sheetData>`)).toBe(count);
  });
});

describe('a roster workbook is bounded before exceljs expands it', () => {
  it.each<[string, () => Promise<Buffer>, string]>([
    ['a zip bomb: a 24 MB sheet in a small file', () => withSheet(bombXml(24)), TOO_LARGE],
    [
      'a zip bomb whose directory declares 1 KB per entry',
      async () => lieAboutSizes(await withSheet(bombXml(24))),
      TOO_LARGE,
    ],
    ['60,000 bad rows', () => withSheet(numberRowsXml(60_000)), TOO_MANY],
    [`${MAX_IMPORT_ROWS + 1} good rows`, () => rosterFile(goodRows(MAX_IMPORT_ROWS + 1)), TOO_MANY],
    [
      'neither a zip nor text',
      async () => Buffer.from('%PDF-1.4\n\u0000\u0001姓名,手机号\n王志强,13900000001\n'),
      '无法读取文件，请使用 .xlsx 格式的花名册模板，或 .csv 文件',
    ],
  ])('%s: refused as a whole, with one message', async (_case, make, message) => {
    const file = await make();
    expect(file.length).toBeLessThan(5 * 1024 * 1024);
    expect(await parseRoster(file)).toEqual({ rows: [], issues: [{ row: 0, field: 'file', message }] });
  });

  it.each<[string, () => Promise<Buffer>, number]>([
    [`exactly ${MAX_IMPORT_ROWS} rows`, () => rosterFile(goodRows(MAX_IMPORT_ROWS)), MAX_IMPORT_ROWS],
    [
      '3 rows and 20,000 formatted empty rows (empty rows hold no value: not counted)',
      () =>
        withSheet(
          sheetXml(
            goodRows(3),
            Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 5}" s="1"><c r="A${i + 5}" s="1"/></row>`).join(''),
          ),
        ),
      3,
    ],
    [
      'made by LibreOffice (soffice --convert-to xlsx)',
      async () => readFileSync(join(__dirname, 'fixtures/roster-libreoffice.xlsx')),
      3,
    ],
  ])('%s: read', async (_case, make, count) => {
    const { rows, issues } = await parseRoster(await make());
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(count);
  });
});

describe('importing through the host', () => {
  let host: TestHost;
  let secretary: string;
  beforeAll(async () => {
    host = await startTestHost();
    secretary = await host.login('demo-secretary');
  });
  afterAll(() => host.close());

  const importFile = async (content: Buffer): Promise<Reply> => {
    const upload = await host.send({
      method: 'POST',
      url: '/api/upload',
      headers: { authorization: secretary, 'content-type': 'application/octet-stream', 'x-file-name': 'roster.xlsx' },
      payload: content,
    });
    const fileID = upload.json<{ data: { fileID: string } }>().data.fileID;
    return host.send({
      method: 'POST',
      url: '/api/roster',
      headers: { authorization: secretary },
      payload: { action: 'importMembers', data: { orgId: 'org-branch-1', fileID } },
    });
  };

  type Failure = { ok: false; error: { code: string; message: string; details?: unknown[] } };

  it('60,000 bad rows: one short answer, not megabytes of details', async () => {
    const response = await importFile(await withSheet(numberRowsXml(60_000)));
    expect(response.json<Failure>().error).toEqual({
      code: 'INVALID_INPUT',
      message: `${TOO_MANY}，未导入任何数据`,
      field: 'file',
      details: [{ row: 0, field: 'file', message: TOO_MANY }],
    });
    expect(response.body.length).toBeLessThan(1024);
  });

  it(`300 bad rows: every problem counted, the first ${MAX_LISTED_ISSUES} listed`, async () => {
    const response = await importFile(await rosterFile(badRows(300)));
    const { error } = response.json<Failure>();
    expect(error.message).toBe(
      `导入文件有 300 处错误（列出前 ${MAX_LISTED_ISSUES} 处），未导入任何数据，请修改后重新导入`,
    );
    expect(error.details).toHaveLength(MAX_LISTED_ISSUES);
    expect(error.details?.[0]).toMatchObject({ row: 2, field: '手机号' });
    expect(error.details?.[MAX_LISTED_ISSUES - 1]).toMatchObject({ row: MAX_LISTED_ISSUES + 1 });
  });

  it('the workbook is parsed off the serving thread, and the import still works', async () => {
    parsedHere.mockClear();
    const response = await importFile(await rosterFile(goodRows(20)));
    expect(response.json()).toEqual({ ok: true, data: { created: 20, updated: 0, unchanged: 0, skipped: 0 } });
    expect(parsedHere).not.toHaveBeenCalled();
  });

  it('/healthz answers while a large import is being parsed', async () => {
    const order: string[] = [];
    const upload = await host.send({
      method: 'POST',
      url: '/api/upload',
      headers: { authorization: secretary, 'content-type': 'application/octet-stream' },
      payload: await rosterFile(badRows(MAX_IMPORT_ROWS, 10_000)),
    });
    const fileID = upload.json<{ data: { fileID: string } }>().data.fileID;
    const importing = host
      .send({
        method: 'POST',
        url: '/api/roster',
        headers: { authorization: secretary },
        payload: { action: 'importMembers', data: { orgId: 'org-branch-1', fileID } },
      })
      .then((response) => {
        order.push('import');
        return response;
      });
    const health = await host.send({ url: '/healthz' });
    order.push('healthz');
    expect(health.statusCode).toBe(200);
    expect((await importing).json<Failure>().error.message).toContain(`${MAX_IMPORT_ROWS} 处错误`);
    expect(order).toEqual(['healthz', 'import']);
  });
});
