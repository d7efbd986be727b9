import { DEFAULT_DEVELOP_STEPS } from '../../../contracts/develop';
import { expectError } from '../../../tests/integration/support';
import { ADMIN, OFFICER, SECRETARY } from '../../../tests/support/demo';
import { publishedSheets } from '../../../tests/support/excel';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { STEP_DATES as DATES } from './step-dates';

/**
 * The committee's 发展党员 pipeline as a workbook (issue 15): the figures `pipeline` gives, a row per
 * branch, and the people behind the overdue and the 转正 due this month, through the `sheets` function.
 */

let h: Harness;

beforeEach(async () => {
  // 2026-11-23 10:00 China time.
  h = await createHarness({ at: '2026-11-23T02:00:00.000Z' });
});

afterEach(() => h.close());

const CODES = DEFAULT_DEVELOP_STEPS.map((s) => s.code);

/** Opens a file in `orgId` and records every step before `until`. */
async function fileUpTo(name: string, until: string, orgId = 'org-branch-1', openid = SECRETARY) {
  const { id } = await h.call(openid, 'develop', 'start', { orgId, name, appliedAt: '2024-03-01' });
  for (const step of CODES.slice(CODES.indexOf('talk'), CODES.indexOf(until)))
    await h.call(openid, 'develop', 'recordStep', { id, step, at: DATES[step] });
  return id;
}

const date = (d: string) => new Date(`${d}T00:00:00.000Z`);
/** A sheet's rows as exceljs reads them, holes as null. */
const rowsOf = (sheet: unknown[][]) =>
  sheet.map((row) => Array.from(row, (cell) => (cell === undefined ? null : cell)));

describe('develop.exportPipeline', () => {
  it('writes every branch’s figures as pipeline gives them, then who is overdue and who is due for 转正', async () => {
    await fileUpTo('林晓东', 'probation'); // 预备期 ended on 2026-06-10, not recorded
    await fileUpTo('高雅琴', 'cultivate');
    // 上级党委审批接收 due 3 months after the 支部大会 of 2025-06-10; not yet a 预备党员, so not due for 转正.
    await fileUpTo('赵敏', 'admissionApproval');
    await fileUpTo('马骏', 'talk', 'org-branch-2', ADMIN); // 派人谈话 due a month after 2024-03-01

    const pipeline = await h.call(ADMIN, 'develop', 'pipeline', { committeeId: 'org-committee' });
    const link = await h.call(ADMIN, 'develop', 'exportPipeline', { committeeId: 'org-committee' });
    expect(link.name).toBe('示范党委 发展党员情况.xlsx');
    const sheets = await publishedSheets(h.files, link.fileID);
    expect(Object.keys(sheets)).toEqual(['各支部', '超期和到期转正']);

    const branches = rowsOf(sheets['各支部']).slice(3);
    const due = (orgId: string) => pipeline.dueForFull.filter((p) => p.orgId === orgId).length;
    expect(branches).toEqual([
      ...pipeline.branches.map((b) => [b.name, ...b.stages, b.total, b.overdue, due(b.orgId)]),
      ['合计', 1, 1, 0, 1, 1, 4, 2, 1],
    ]);
    expect(branches.find((row) => row[0] === '第一党支部')).toEqual(['第一党支部', 0, 1, 0, 1, 1, 3, 1, 1]);

    expect(rowsOf(sheets['超期和到期转正']).slice(2)).toEqual([
      ['情况', '姓名', '党支部', '阶段', '下一步', '到期日期'],
      ['已超期', '马骏', '第二党支部', '① 入党申请', '党组织派人谈话', date('2024-04-01')],
      ['已超期', '赵敏', '第一党支部', '④ 预备党员的接收', '上级党委审批接收', date('2025-09-10')],
      [
        '本月预备期满',
        '林晓东',
        '第一党支部',
        '⑤ 预备党员的教育考察和转正',
        '继续教育考察（预备期满）',
        date('2026-06-10'),
      ],
    ]);
  });

  it('an empty committee: every branch at 0, and a line saying nobody is overdue or due', async () => {
    const link = await h.call(ADMIN, 'develop', 'exportPipeline', { committeeId: 'org-committee' });
    const sheets = await publishedSheets(h.files, link.fileID);
    expect(rowsOf(sheets['各支部']).slice(3)).toEqual([
      ['第二党支部', 0, 0, 0, 0, 0, 0, 0, 0],
      ['第一党支部', 0, 0, 0, 0, 0, 0, 0, 0],
      ['合计', 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(JSON.stringify(sheets['超期和到期转正'])).toContain('没有超期或本月到期转正的人员。');
  });

  it('is the committee admin’s, as pipeline is: a secretary, an officer, a branch id and an unknown id are refused', async () => {
    await fileUpTo('马骏', 'talk');
    const input = { committeeId: 'org-committee' };
    await expectError(h, SECRETARY, 'develop', 'exportPipeline', input, 'FORBIDDEN');
    await expectError(h, OFFICER, 'develop', 'exportPipeline', input, 'FORBIDDEN');
    await expectError(h, ADMIN, 'develop', 'exportPipeline', { committeeId: 'org-branch-1' }, 'INVALID_INPUT');
    await expectError(h, ADMIN, 'develop', 'exportPipeline', { committeeId: 'org-nowhere' }, 'NOT_FOUND');
    expect(h.files.published.size).toBe(0);
  });
});
