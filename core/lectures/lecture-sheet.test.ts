import { buildLectureStats, type LectureSheetRow } from './lecture-sheet';
import { canPrint, expectPrintable, linesOf, openWorkbook, printAll, rowValues } from '../shared/__tests__/printed';

const HEADING = { org: '第一党支部', lecture: '党章学习第一课', exportedAt: new Date('2026-11-23T02:00:00.000Z') };

const row = (name: string, more: Partial<LectureSheetRow> = {}): LectureSheetRow => ({
  name,
  tag: '',
  progressPercent: 0,
  started: false,
  completed: false,
  quizPassed: false,
  watchedAt: null,
  ...more,
});

/** Given in code-point order (何 冯 刘 吴 张 陈), printed in pinyin order. */
const ROWS = [
  row('何俊杰', { progressPercent: 44, started: true, watchedAt: '2026-11-23T02:05:00.000Z' }),
  row('冯淑珍'),
  row('刘洋', {
    progressPercent: 100,
    started: true,
    completed: true,
    quizPassed: true,
    watchedAt: '2026-11-22T12:30:00.000Z',
  }),
  row('吴桂兰'),
  row('张伟', { identity: '入党积极分子' }),
  row('陈秀英', { tag: '第一党小组 尾号5838' }),
  row('陈秀英', {
    tag: '第二党小组 尾号5678',
    progressPercent: 10,
    started: true,
    watchedAt: '2026-11-20T01:00:00.000Z',
  }),
];

describe('lecture export', () => {
  let content: Buffer;
  beforeAll(async () => {
    content = await buildLectureStats(HEADING, ROWS, [
      ['应学人数', 7],
      ['完成率', { kind: 'percent', value: 1 / 7 }],
    ]);
  });

  it('lists members in pinyin order, progress as a percentage, 未开始 for those who never started', async () => {
    const book = await openWorkbook(content);
    const sheet = book.getWorksheet('学习情况');
    if (!sheet) throw new Error('no 学习情况');
    expectPrintable(sheet, '第一党支部 党章学习第一课 学习情况', [
      '姓名',
      '同名区分',
      '身份',
      '学习进度',
      '是否完成',
      '测验',
      '最近学习',
    ]);
    expect([4, 5, 6, 7, 8, 9, 10].map((n) => rowValues(sheet, n))).toEqual([
      ['陈秀英', '第一党小组 尾号5838', '党员', 0, '未开始', '未开始'],
      ['陈秀英', '第二党小组 尾号5678', '党员', 0.1, '未完成', '未通过', new Date('2026-11-20T09:00:00.000Z')],
      ['冯淑珍', undefined, '党员', 0, '未开始', '未开始'],
      ['何俊杰', undefined, '党员', 0.44, '未完成', '未通过', new Date('2026-11-23T10:05:00.000Z')],
      ['刘洋', undefined, '党员', 1, '完成', '已通过', new Date('2026-11-22T20:30:00.000Z')],
      ['吴桂兰', undefined, '党员', 0, '未开始', '未开始'],
      ['张伟', undefined, '入党积极分子', 0, '未开始', '未开始'],
    ]);
    expect(sheet.getCell('D4').numFmt).toBe('0.0%');
    expect(sheet.getCell('G5').numFmt).toBe('yyyy-mm-dd hh:mm');
    const summary = book.getWorksheet('汇总');
    if (!summary) throw new Error('no 汇总');
    expectPrintable(summary, '第一党支部 党章学习第一课 学习情况', ['项目', '数值']);
    expect([4, 5, 6].map((n) => rowValues(summary, n))).toEqual([
      ['课程', '党章学习第一课'],
      ['应学人数', 7],
      ['完成率', 1 / 7],
    ]);
    expect(summary.getCell('B6').numFmt).toBe('0.0%');
  });

  const withPrinter = canPrint() ? it : it.skip;
  withPrinter('prints on A4 landscape: title, header and the first names on page 1', () => {
    const printed = printAll({ lecture: content }).get('lecture');
    if (!printed) throw new Error('not printed');
    expect([Math.round(printed.width), Math.round(printed.height), printed.pages]).toEqual([842, 595, 2]);
    const lines = linesOf(printed.page(1));
    expect(lines.slice(0, 6)).toEqual([
      '第一党支部 党章学习第一课 学习情况',
      '单位：第一党支部 导出日期：2026-11-23',
      '姓名 同名区分 身份 学习进度 是否完成 测验 最近学习',
      '陈秀英 第一党小组 尾号5838 党员 0.0% 未开始 未开始',
      '陈秀英 第二党小组 尾号5678 党员 10.0% 未完成 未通过 2026-11-20 09:00',
      '冯淑珍 党员 0.0% 未开始 未开始',
    ]);
    expect(linesOf(printed.page(2))).toContain('完成率 14.3%');
  });
});
