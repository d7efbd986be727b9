import type { AttendanceItem } from '../../contracts/activity';
import { buildActivityAttendance, buildPeriodAttendance } from './attendance-sheet';
import { canPrint, expectPrintable, linesOf, openWorkbook, printAll, rowValues } from '../shared/__tests__/printed';

const HEADING = { org: '第一党支部', exportedAt: new Date('2026-11-23T04:00:00.000Z') };
const MEETING = {
  title: '第四季度支部党员大会',
  startAt: '2026-11-23T02:10:00.000Z',
  endAt: '2026-11-23T03:40:00.000Z',
  closed: true,
};

const item = (name: string, more: Partial<AttendanceItem & { tag: string }> = {}) => ({
  memberId: name,
  name,
  status: 'absent' as const,
  at: null,
  method: null,
  note: null,
  tag: '',
  ...more,
});

/** Given in code-point order: printed 陈, 陈, 冯, 何, 刘. */
const ITEMS = [
  item('何俊杰', { status: 'present', at: '2026-11-23T02:00:00.000Z', method: 'self' }),
  item('冯淑珍', { status: 'leave', note: '在外地出差' }),
  item('刘洋', { status: 'late', at: '2026-11-23T02:16:00.000Z', method: 'organiser' }),
  item('陈秀英', { memberId: 'm2', tag: '第二党小组 尾号5678' }),
  item('陈秀英', {
    memberId: 'm1',
    tag: '第一党小组 尾号5838',
    status: 'present',
    at: '2026-11-23T02:01:00.000Z',
    method: 'self',
  }),
];

const SIGN_IN_HEADER = ['序号', '姓名', '同名区分', '身份', '状态', '签到时间', '方式', '备注', '签名'];

describe('签到表', () => {
  it('numbers the members in pinyin order, same names told apart, times as date cells, a 签名 column', async () => {
    const content = await buildActivityAttendance(HEADING, MEETING, ITEMS, [
      ['出勤率', { kind: 'percent', value: 0.6 }],
    ]);
    const book = await openWorkbook(content);
    const sheet = book.getWorksheet('签到明细');
    if (!sheet) throw new Error('no 签到明细');
    expectPrintable(sheet, '第四季度支部党员大会 签到表', SIGN_IN_HEADER);
    expect(sheet.getCell('A2').value).toBe(
      '单位：第一党支部　　活动时间：2026-11-23 10:10–11:40　　导出日期：2026-11-23',
    );
    expect([4, 5, 6, 7, 8].map((n) => rowValues(sheet, n))).toEqual([
      [1, '陈秀英', '第二党小组 尾号5678', '党员', '缺席'],
      [2, '陈秀英', '第一党小组 尾号5838', '党员', '出席', new Date('2026-11-23T10:01:00.000Z'), '扫码'],
      [3, '冯淑珍', undefined, '党员', '请假', undefined, undefined, '在外地出差'],
      [4, '何俊杰', undefined, '党员', '出席', new Date('2026-11-23T10:00:00.000Z'), '扫码'],
      [5, '刘洋', undefined, '党员', '迟到', new Date('2026-11-23T10:16:00.000Z'), '组织者扫码'],
    ]);
    expect(sheet.getCell('F5').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getCell('I4').border?.right?.style).toBe('thin');
    const summary = book.getWorksheet('汇总');
    expect(summary?.getCell('B4').value).toBe(0.6);
    expect(summary?.getCell('B4').numFmt).toBe('0.0%');
  });

  it('an activity still open says so, and its members are 未签到', async () => {
    const content = await buildActivityAttendance(
      HEADING,
      { ...MEETING, closed: false },
      [item('王志强', { status: 'expected' })],
      [],
    );
    const sheet = (await openWorkbook(content)).getWorksheet('签到明细');
    expect(sheet?.getCell('A2').value).toMatch(/（活动未结束）/);
    expect(sheet?.getCell('E4').value).toBe('未签到');
  });

  it('names each one on the way in the 身份 column, a guest as 列席', async () => {
    const content = await buildActivityAttendance(
      HEADING,
      MEETING,
      [
        item('王志强', { status: 'present' }),
        item('宋佳怡', { partyStatus: 'activist' }),
        item('许文博', { partyStatus: 'applicant', guest: true, status: 'present' }),
      ],
      [],
    );
    const sheet = (await openWorkbook(content)).getWorksheet('签到明细');
    expect(['D4', 'D5', 'D6'].map((cell) => sheet?.getCell(cell).value)).toEqual([
      '入党积极分子',
      '党员',
      '入党申请人（列席）',
    ]);
  });
});

describe('出勤统计', () => {
  const activities = Array.from({ length: 8 }, (_, i) => ({
    title: `第${i + 1}次主题党日活动`,
    startAt: `2026-11-${String(i + 2).padStart(2, '0')}T02:00:00.000Z`,
    inProgress: i === 7,
    rate: i === 7 ? null : 0.5,
  }));
  const members = ['何俊杰', '安红', '陈秀英'].map((name) => ({
    name,
    tag: '',
    statuses: [...Array(7).fill('present'), 'expected'],
    rate: 1,
  }));

  it('rates are percentages, an open activity counts in no rate and says so', async () => {
    const content = await buildPeriodAttendance({ ...HEADING, period: '2026年11月' }, activities, members);
    const sheet = (await openWorkbook(content)).worksheets[0];
    expectPrintable(sheet, '第一党支部 2026年11月 出勤统计', [
      '姓名',
      '同名区分',
      '身份',
      ...activities.map((a, i) => `11-0${i + 2} ${a.title}${i === 7 ? '（未结束）' : ''}`),
      '出勤率',
    ]);
    expect([4, 5, 6].map((n) => rowValues(sheet, n)[0])).toEqual(['安红', '陈秀英', '何俊杰']);
    expect(rowValues(sheet, 4)).toEqual(['安红', undefined, '党员', ...Array(7).fill('出席'), '未签到', 1]);
    expect(sheet.getCell('L4').numFmt).toBe('0.0%');
    expect(rowValues(sheet, 7)).toEqual(['活动出勤率', undefined, undefined, ...Array(7).fill(0.5), '未结束']);
    expect(sheet.getCell('A9').value).toBe('未结束的活动尚未确定缺席，不计入出勤率。');
  });

  it('names the people on the way and says their rates are their own', async () => {
    const content = await buildPeriodAttendance({ ...HEADING, period: '2026年11月' }, activities.slice(0, 1), [
      { name: '宋佳怡', tag: '', identity: '入党积极分子', statuses: ['present'], rate: 1 },
    ]);
    const sheet = (await openWorkbook(content)).worksheets[0];
    expect(rowValues(sheet, 4)).toEqual(['宋佳怡', undefined, '入党积极分子', '出席', 1]);
    expect(sheet.getCell('A7').value).toBe('活动出勤率只计党员；入党积极分子等的出勤率只计其应到的活动，列席不计。');
  });

  const withPrinter = canPrint() ? it : it.skip;
  withPrinter('both print on A4 landscape, one page wide: title, header and the first names on page 1', async () => {
    const many = Array.from({ length: 30 }, (_, i) => item(`张${'一二三四五六七八九十'[i % 10]}${i}`));
    const printed = printAll({
      signIn: await buildActivityAttendance(HEADING, MEETING, [...ITEMS, ...many], []),
      period: await buildPeriodAttendance({ ...HEADING, period: '2026年11月' }, activities, members),
    });
    const signIn = printed.get('signIn');
    const period = printed.get('period');
    if (!signIn || !period) throw new Error('not printed');
    expect([Math.round(signIn.width), Math.round(signIn.height)]).toEqual([842, 595]);
    const lines = linesOf(signIn.page(1));
    expect(lines.slice(0, 5)).toEqual([
      '第四季度支部党员大会 签到表',
      '单位：第一党支部 活动时间：2026-11-23 10:10–11:40 导出日期：2026-11-23',
      '序号 姓名 同名区分 身份 状态 签到时间 方式 备注 签名',
      '1 陈秀英 第二党小组 尾号5678 党员 缺席',
      '2 陈秀英 第一党小组 尾号5838 党员 出席 2026-11-23 10:01 扫码',
    ]);
    // 35 rows tall enough to sign in: the header is printed again on page 2.
    expect(linesOf(signIn.page(2))[0]).toBe('序号 姓名 同名区分 身份 状态 签到时间 方式 备注 签名');
    expect([Math.round(period.width), Math.round(period.height), period.pages]).toEqual([842, 595, 1]);
    const periodLines = linesOf(period.page(1));
    expect(periodLines.slice(0, 2)).toEqual([
      '第一党支部 2026年11月 出勤统计',
      '单位：第一党支部 统计期间：2026年11月 导出日期：2026-11-23',
    ]);
    expect(periodLines.join('\n')).toMatch(/\n安红 党员 (出席 ){7}未签到 100.0%\n/);
    expect(periodLines.join('\n')).toMatch(/\n活动出勤率 (50.0% ){7}未结束\n/);
  });
});
