import type { RuleItem } from '../../contracts/points';
import { buildPointsExport, type PointsExportMember } from './points-sheet';
import { canPrint, expectPrintable, linesOf, openWorkbook, printAll, rowValues } from '../shared/__tests__/printed';

const HEADING = { org: '第一党支部', period: '2026年11月', exportedAt: new Date('2026-11-23T02:00:00.000Z') };
/** Twelve rules: the sheet is wider than a page at 100 %. */
const RULES = Array.from(
  { length: 12 },
  (_, i) => ({ code: `r${i}`, name: i === 11 ? '推诿任务' : `参加组织生活${i + 1}` }) as RuleItem,
);

const member = (name: string, rank: number, more: Partial<PointsExportMember> = {}): PointsExportMember => ({
  name,
  tag: '',
  byRule: { r0: 4 },
  bonus: 4,
  deduction: 0,
  net: 4,
  rank,
  ...more,
});

const MEMBERS = [
  member('王志强', 1, { byRule: { r0: 6 }, bonus: 6, net: 6 }),
  // Rank 2 given in code-point order: printed 陈, 陈, 何.
  member('何俊杰', 2),
  member('陈秀英', 2, { tag: '第二党小组 尾号5678' }),
  member('陈秀英', 2, { tag: '第一党小组 尾号5838' }),
  member('刘洋', 3, { byRule: { r0: 4, r11: -3 }, deduction: 3, net: 1 }),
];

describe('points export', () => {
  let content: Buffer;
  beforeAll(async () => {
    content = await buildPointsExport(HEADING, RULES, MEMBERS, [
      {
        at: '2026-11-23T02:05:00.000Z',
        name: '刘洋',
        tag: '',
        ruleName: '推诿任务',
        value: -3,
        reason: '未按时提交学习心得',
        note: '',
      },
      {
        at: '2026-11-11T02:00:00.000Z',
        name: '陈秀英',
        tag: '第一党小组 尾号5838',
        ruleName: '参加组织生活1',
        value: 4,
        reason: '参加主题党日活动',
        note: '',
      },
    ]);
  });

  it('积分汇总: by rank then pinyin, same names told apart, deductions negative, totals', async () => {
    const sheet = (await openWorkbook(content)).getWorksheet('积分汇总');
    if (!sheet) throw new Error('no 积分汇总');
    const header = ['排名', '姓名', '同名区分', ...RULES.map((r) => r.name), '加分', '扣分', '净分'];
    expectPrintable(sheet, '第一党支部 党员积分汇总', header);
    expect(sheet.getCell('A2').value).toBe('单位：第一党支部　　统计期间：2026年11月　　导出日期：2026-11-23');
    expect([4, 5, 6, 7, 8].map((n) => rowValues(sheet, n).slice(0, 3))).toEqual([
      [1, '王志强', undefined],
      [2, '陈秀英', '第二党小组 尾号5678'],
      [2, '陈秀英', '第一党小组 尾号5838'],
      [2, '何俊杰', undefined],
      [3, '刘洋', undefined],
    ]);
    expect(rowValues(sheet, 8).slice(-4)).toEqual([-3, 4, -3, 1]);
    expect(rowValues(sheet, 9)).toEqual(['合计', undefined, undefined, 22, ...Array(10).fill(0), -3, 22, -3, 19]);
    expect(sheet.getCell('R8').numFmt).toBe('0');
  });

  it('积分明细: every entry by time, the time a date cell', async () => {
    const sheet = (await openWorkbook(content)).getWorksheet('积分明细');
    if (!sheet) throw new Error('no 积分明细');
    expectPrintable(sheet, '第一党支部 党员积分明细', ['时间', '姓名', '同名区分', '积分项目', '分值', '原因', '备注']);
    expect(rowValues(sheet, 4)).toEqual([
      new Date('2026-11-11T10:00:00.000Z'),
      '陈秀英',
      '第一党小组 尾号5838',
      '参加组织生活1',
      4,
      '参加主题党日活动',
    ]);
    expect(sheet.getCell('A4').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(rowValues(sheet, 5)[0]).toEqual(new Date('2026-11-23T10:05:00.000Z'));
    expect(rowValues(sheet, 6)).toEqual(['合计', undefined, undefined, undefined, 1]);
  });

  it.each([
    ['入党积极分子', '第一党支部 入党积极分子积分汇总', '第一党支部 入党积极分子积分明细'],
    ['党员', '第一党支部 党员积分汇总', '第一党支部 党员积分明细'],
    ['', '第一党支部 党员积分汇总', '第一党支部 党员积分明细'],
  ])('a category (%s) names itself in both titles; the heading line stays as it is', async (category, sum, detail) => {
    const book = await openWorkbook(await buildPointsExport({ ...HEADING, category }, RULES, MEMBERS, []));
    expect(book.getWorksheet('积分汇总')?.getCell('A1').value).toBe(sum);
    expect(book.getWorksheet('积分明细')?.getCell('A1').value).toBe(detail);
    expect(book.getWorksheet('积分汇总')?.getCell('A2').value).toBe(
      '单位：第一党支部　　统计期间：2026年11月　　导出日期：2026-11-23',
    );
  });

  const withPrinter = canPrint() ? it : it.skip;
  withPrinter('prints one page wide on A4 landscape: 净分 on the page of the names', () => {
    const printed = printAll({ points: content }).get('points');
    if (!printed) throw new Error('not printed');
    expect([Math.round(printed.width), Math.round(printed.height), printed.pages]).toEqual([842, 595, 2]);
    const lines = linesOf(printed.page(1));
    expect(lines[0]).toBe('第一党支部 党员积分汇总');
    expect(lines[1]).toBe('单位：第一党支部 统计期间：2026年11月 导出日期：2026-11-23');
    expect(lines.join('\n')).toMatch(/排名 姓名 同名区分 参加组织生活1 .*推诿任务 加分 扣分 净分/);
    expect(lines.join('\n')).toMatch(/\n1 王志强 6 0 0 0 0 0 0 0 0 0 0 0 6 0 6\n/);
    expect(lines.join('\n')).toMatch(/\n2 陈秀英 第二党小组 尾号5678 4 /);
    expect(lines.join('\n')).toMatch(/\n3 刘洋 4 0 0 0 0 0 0 0 0 0 0 -3 4 -3 1\n/);
    expect(linesOf(printed.page(2))[0]).toBe('第一党支部 党员积分明细');
  });
});
