import { canPrint, expectPrintable, linesOf, openWorkbook, printAll, rowValues } from '../shared/__tests__/printed';
import type { PipelineDetail, PipelinePerson } from './actions/pipeline';
import { buildPipelineSheet } from './pipeline-sheet';

const person = (more: Partial<PipelinePerson>): PipelinePerson => ({
  id: 'c1',
  name: '林晓东',
  orgId: 'org-branch-1',
  orgName: '第一党支部',
  stage: 1,
  stageName: '入党申请',
  nextStepName: '党组织派人谈话',
  due: '2026-11-10',
  ...more,
});

const DETAIL: PipelineDetail = {
  committee: { id: 'org-committee', name: '示范党委' },
  today: '2026-11-23',
  monthEnd: '2026-11-30',
  branches: [
    { orgId: 'org-branch-1', name: '第一党支部', stages: [1, 2, 0, 1, 3], total: 7, overdue: 2 },
    { orgId: 'org-branch-2', name: '第二党支部', stages: [0, 0, 1, 0, 1], total: 2, overdue: 0 },
  ],
  overdue: [
    person({}),
    person({
      id: 'c2',
      name: '高雅琴',
      stage: 4,
      stageName: '预备党员的接收',
      nextStepName: '上级党委审批接收',
      due: '2026-11-20',
    }),
  ],
  dueForFull: [
    { id: 'c3', name: '许文杰', orgId: 'org-branch-1', orgName: '第一党支部', probationEnds: '2026-11-15' },
    { id: 'c4', name: '马骏', orgId: 'org-branch-2', orgName: '第二党支部', probationEnds: '2026-11-28' },
  ],
  dueForFullPeople: [
    person({
      id: 'c3',
      name: '许文杰',
      stage: 5,
      stageName: '预备党员的教育考察和转正',
      nextStepName: '继续教育考察（预备期满）',
      due: '2026-11-15',
    }),
    person({
      id: 'c4',
      name: '马骏',
      orgId: 'org-branch-2',
      orgName: '第二党支部',
      stage: 5,
      stageName: '预备党员的教育考察和转正',
      nextStepName: '入党宣誓',
      due: '2026-11-28',
    }),
  ],
};

const EXPORTED_AT = new Date('2026-11-23T02:00:00.000Z');
const date = (d: string) => new Date(`${d}T00:00:00.000Z`);

describe('the 发展党员 pipeline workbook', () => {
  let content: Buffer;
  beforeAll(async () => {
    content = await buildPipelineSheet(DETAIL, EXPORTED_AT);
  });

  it('各支部: a row per branch with its stages, overdue and 转正 due this month, and totals', async () => {
    const book = await openWorkbook(content);
    const sheet = book.getWorksheet('各支部');
    if (!sheet) throw new Error('no 各支部');
    expectPrintable(sheet, '示范党委 发展党员情况', [
      '党支部',
      '① 入党申请',
      '② 入党积极分子',
      '③ 发展对象',
      '④ 接收预备党员',
      '⑤ 教育考察和转正',
      '合计',
      '超期',
      '本月到期转正',
    ]);
    expect(String(sheet.getCell('A2').value)).toContain('到期转正：预备期满不晚于 2026-11-30');
    expect([4, 5, 6].map((n) => rowValues(sheet, n))).toEqual([
      ['第一党支部', 1, 2, 0, 1, 3, 7, 2, 1],
      ['第二党支部', 0, 0, 1, 0, 1, 2, 0, 1],
      ['合计', 1, 2, 1, 1, 4, 9, 2, 2],
    ]);
  });

  it('超期和到期转正: the overdue, then those due for 转正, with stage, next step and date', async () => {
    const book = await openWorkbook(content);
    const sheet = book.getWorksheet('超期和到期转正');
    if (!sheet) throw new Error('no 超期和到期转正');
    expectPrintable(sheet, '示范党委 发展党员超期和到期转正人员', [
      '情况',
      '姓名',
      '党支部',
      '阶段',
      '下一步',
      '到期日期',
    ]);
    expect([4, 5, 6, 7].map((n) => rowValues(sheet, n))).toEqual([
      ['已超期', '林晓东', '第一党支部', '① 入党申请', '党组织派人谈话', date('2026-11-10')],
      ['已超期', '高雅琴', '第一党支部', '④ 预备党员的接收', '上级党委审批接收', date('2026-11-20')],
      [
        '本月预备期满',
        '许文杰',
        '第一党支部',
        '⑤ 预备党员的教育考察和转正',
        '继续教育考察（预备期满）',
        date('2026-11-15'),
      ],
      ['本月预备期满', '马骏', '第二党支部', '⑤ 预备党员的教育考察和转正', '入党宣誓', date('2026-11-28')],
    ]);
    expect(sheet.getCell('F4').numFmt).toBe('yyyy-mm-dd');
  });

  it('says so when nobody is overdue or due', async () => {
    const book = await openWorkbook(
      await buildPipelineSheet({ ...DETAIL, overdue: [], dueForFull: [], dueForFullPeople: [] }, EXPORTED_AT),
    );
    const sheet = book.getWorksheet('超期和到期转正');
    if (!sheet) throw new Error('no 超期和到期转正');
    expect(sheet.getCell('A5').value).toBe('没有超期或本月到期转正的人员。');
  });

  const withPrinter = canPrint() ? it : it.skip;
  withPrinter('prints on A4 landscape: both sheets, one page each', () => {
    const printed = printAll({ pipeline: content }).get('pipeline');
    if (!printed) throw new Error('not printed');
    expect([Math.round(printed.width), Math.round(printed.height), printed.pages]).toEqual([842, 595, 2]);
    const first = linesOf(printed.page(1));
    expect(first[0]).toBe('示范党委 发展党员情况');
    expect(first).toContain('第一党支部 1 2 0 1 3 7 2 1');
    expect(first).toContain('合计 1 2 1 1 4 9 2 2');
    const second = linesOf(printed.page(2));
    expect(second[0]).toBe('示范党委 发展党员超期和到期转正人员');
    expect(second.some((line) => line.startsWith('已超期 林晓东 第一党支部'))).toBe(true);
  });
});
