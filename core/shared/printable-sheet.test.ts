import { addPrintableSheet, newWorkbook, workbookBytes, type PrintableSheet } from './printable-sheet';
import { canPrint, expectPrintable, linesOf, openWorkbook, printAll, rowValues } from './__tests__/printed';
import { inPinyinOrder } from './pinyin-order';

const EXPORTED_AT = new Date('2026-11-23T02:00:00.000Z');
const SURNAMES = ['张', '吴', '刘', '何', '冯', '陈', '安'];
const GIVEN = ['建国', '秀英', '志强', '红梅', '丽娟', '浩然', '玉珍', '俊杰', '淑珍', '洋'];

/** 70 members, 14 columns: two A4 pages tall, too wide for one at 100 %. */
function sheetSpec(): PrintableSheet {
  const people = inPinyinOrder(
    SURNAMES.flatMap((surname) => GIVEN.map((given) => `${surname}${given}`)),
    (name) => name,
  );
  return {
    name: '测试',
    title: '第一党支部 测试表',
    org: '第一党支部',
    period: '2026年11月',
    exportedAt: EXPORTED_AT,
    columns: [
      { key: 'name', header: '姓名', width: 12 },
      { key: 'day', header: '日期', width: 12, kind: 'date' },
      { key: 'at', header: '时间', width: 18, kind: 'dateTime' },
      { key: 'rate', header: '出勤率', width: 10, kind: 'percent' },
      { key: 'minutes', header: '时长（分钟）', width: 10, kind: 'minutes', total: true },
      ...Array.from({ length: 8 }, (_, i) => ({ key: `r${i}`, header: `积分项目${i + 1}`, width: 14 })),
      { key: 'net', header: '净分', width: 8, kind: 'integer' as const, total: true },
    ],
    rows: people.map((name) => ({
      name,
      day: '2026-11-11',
      at: '2026-11-11T02:05:00.000Z',
      rate: name === '安浩然' ? null : 0.5,
      minutes: 90,
      net: -2,
    })),
    totalsLabel: '合计',
    footer: ['负责人签字：'],
  };
}

describe('printable sheet', () => {
  let content: Buffer;
  beforeAll(async () => {
    const workbook = newWorkbook('测试');
    addPrintableSheet(workbook, sheetSpec());
    content = await workbookBytes(workbook);
  });

  it('has a title, the org, the period and the date of export above a repeated header, A4 landscape one page wide', async () => {
    const sheet = (await openWorkbook(content)).worksheets[0];
    expectPrintable(
      sheet,
      '第一党支部 测试表',
      sheetSpec().columns.map((c) => c.header),
    );
    expect(sheet.getCell('A2').value).toBe('单位：第一党支部　　统计期间：2026年11月　　导出日期：2026-11-23');
  });

  it('writes dates and times as date cells, rates as percentages, totals summed', async () => {
    const sheet = (await openWorkbook(content)).worksheets[0];
    const first = sheet.getRow(4);
    expect(first.getCell(1).value).toBe('安浩然');
    expect(first.getCell(2).value).toEqual(new Date('2026-11-11T00:00:00.000Z'));
    expect(first.getCell(2).numFmt).toBe('yyyy-mm-dd');
    // China's wall clock: 10:05.
    expect(first.getCell(3).value).toEqual(new Date('2026-11-11T10:05:00.000Z'));
    expect(first.getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(4).value).toBe('—');
    expect(sheet.getRow(5).getCell(4).value).toBe(0.5);
    expect(sheet.getRow(5).getCell(4).numFmt).toBe('0.0%');
    expect(rowValues(sheet, 74)).toEqual(['合计', undefined, undefined, undefined, 6300, ...Array(8), -140]);
    expect(sheet.getCell('A76').value).toBe('负责人签字：');
  });

  it('writes a wall-clock text given for a time as it is, never read in the server’s zone', async () => {
    const workbook = newWorkbook('测试');
    addPrintableSheet(workbook, {
      ...sheetSpec(),
      rows: [{ name: '安浩然', at: '2026-11-11 10:05', day: '2026年11月' }],
    });
    const sheet = (await openWorkbook(await workbookBytes(workbook))).worksheets[0];
    expect(rowValues(sheet, 4).slice(0, 3)).toEqual(['安浩然', '2026年11月', '2026-11-11 10:05']);
  });

  const withPrinter = canPrint() ? it : it.skip;
  withPrinter(
    'prints on A4 landscape, the title and the first names on page 1, the header again on page 2',
    async () => {
      const printed = printAll({ sheet: content }).get('sheet');
      if (!printed) throw new Error('not printed');
      expect(Math.round(printed.width)).toBeGreaterThanOrEqual(841);
      expect(Math.round(printed.width)).toBeLessThanOrEqual(842);
      expect(Math.round(printed.height)).toBe(595);
      expect(printed.pages).toBe(2);
      const page1 = linesOf(printed.page(1));
      expect(page1[0]).toBe('第一党支部 测试表');
      expect(page1[1]).toMatch(/^单位：第一党支部 统计期间：2026年11月 导出日期：2026-11-23/);
      expect(page1[2]).toMatch(/^姓名 日期 时间 出勤率 时长（分钟） 积分项目1 .* 积分项目8 净分$/);
      expect(page1[3]).toMatch(/^安浩然 2026-11-11 2026-11-11 10:05 — 90 -2$/);
      expect(page1[4]).toMatch(/^安红梅 2026-11-11 2026-11-11 10:05 50.0% 90 -2$/);
      const page2 = linesOf(printed.page(2));
      expect(page2[0]).toMatch(/^姓名 日期 时间 出勤率 /);
      expect(page2).toContain('合计 6300 -140');
      expect(printed.page(2)).toContain('第 2 页，共 2 页');
    },
  );
});
