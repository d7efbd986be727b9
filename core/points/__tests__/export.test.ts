import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { publishedSheets } from '../../../tests/support/excel';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const sheets = (fileID: string) => publishedSheets(h.files, fileID);

describe('points.export', () => {
  it("exports the branch's month: totals by rule that match the ranking, and every entry", async () => {
    await h.call('demo-secretary', 'points', 'record', {
      memberIds: ['member-004'],
      rule: 'shirk',
      reason: '未按时提交学习心得',
    });
    const ranking = await h.call('demo-secretary', 'points', 'ranking', { orgId: 'org-branch-1', period: 'month' });
    const link = await h.call('demo-secretary', 'points', 'export', { orgId: 'org-branch-1', period: 'month' });
    expect(link.name).toBe(`第一党支部积分-${ranking.period}.xlsx`);

    const book = await sheets(link.fileID);
    const [title, subtitle, header, ...rest] = book['积分汇总'];
    expect(title[0]).toBe('第一党支部 党员积分汇总');
    expect(subtitle[0]).toBe('单位：第一党支部　　统计期间：2026年11月　　导出日期：2026-11-23');
    expect(header).toEqual(expect.arrayContaining(['排名', '姓名', '同名区分', '推诿任务', '加分', '扣分', '净分']));
    const rows = rest.slice(0, -1);
    expect(rows).toHaveLength(ranking.items.length);
    const column = (name: string) => header.indexOf(name);
    for (const item of ranking.items) {
      const row = rows.find((r) => r[column('姓名')] === item.name) as unknown[];
      expect([row[column('排名')], row[column('加分')], row[column('扣分')], row[column('净分')]]).toEqual([
        item.rank,
        item.bonus,
        // Deductions are negative, as in the rule columns.
        item.deduction ? -item.deduction : 0,
        item.net,
      ]);
    }
    const totals = rest[rest.length - 1];
    expect(totals[0]).toBe('合计');
    expect(totals[column('净分')]).toBe(ranking.items.reduce((sum, item) => sum + item.net, 0));
    expect(totals[column('扣分')]).toBeLessThan(0);
    const liu = rows.find((r) => r[column('姓名')] === '刘洋') as unknown[];
    expect(liu[column('推诿任务')]).toBe(-3);

    const [, , entryHeader, ...entries] = book['积分明细'];
    expect(entries.pop()?.[0]).toBe('合计');
    expect(entryHeader).toEqual(['时间', '姓名', '同名区分', '积分项目', '分值', '原因', '备注']);
    // A date cell holding China's wall-clock time (a row ends at its last value: 备注 is empty).
    const shirk = entries.find((r) => r[1] === '刘洋' && r[3] === '推诿任务') as unknown[];
    expect((shirk[0] as Date).toISOString()).toMatch(/^2026-11-23T\d\d:\d\d:00.000Z$/);
    expect(shirk.slice(1)).toEqual(['刘洋', undefined, '推诿任务', -3, '未按时提交学习心得']);
  });

  it('is refused outside the caller’s scope and to ordinary members', async () => {
    await expectError(h, 'demo-secretary', 'points', 'export', { orgId: 'org-branch-2', period: 'year' }, 'FORBIDDEN');
    await expectError(h, 'demo-member-2', 'points', 'export', { orgId: 'org-branch-1', period: 'year' }, 'FORBIDDEN');
    expect(h.files.published.size).toBe(0);
  });
});
