import ExcelJS from 'exceljs';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

const MIN = 60_000;
/** 正式党员 of 第一党支部 besides the secretary (李红梅, who ran the meeting and is present on close). */
const CAME = ['member-003', 'member-004', 'member-005', 'member-008', 'member-009', 'member-010', 'member-011'];

interface RecordView {
  record: { host: string; recorder: string; vote: { for: number } | null } | null;
  quorum: { voters: number; present: number; reached: boolean } | null;
  passed: boolean | null;
}

describeInBrowser('the 会议记录 in the browser', () => {
  const session = useHostAndBrowser();

  it('the secretary fills the record of a held 支部党员大会, sees the quorum, records the vote and exports it', async () => {
    const [host, browser] = [session.host(), session.browser()];
    // Held: started two hours ago, over half an hour ago; 7 正式党员 signed in by hand, then closed.
    const start = Date.now() - 120 * MIN;
    const { id } = await apiAs<{ id: string }>(host.url, 'demo-secretary', 'activity', 'create', {
      orgId: 'org-branch-1',
      kind: 'party_congress',
      title: '讨论发展党员的支部党员大会',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 90 * MIN).toISOString(),
    });
    for (const memberId of CAME)
      await apiAs(host.url, 'demo-secretary', 'activity', 'manualCheckin', { id, memberId, reason: '现场签到' });
    await apiAs(host.url, 'demo-secretary', 'activity', 'close', { id });

    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, 'demo-secretary');
    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/activity/index?id=${id}`);
    const section = secretary.page.locator(visible('.e2e-record'));
    await section.waitFor();
    // 16 正式党员, 沈玉珍 免参加: 15 voters; 8 came (with the secretary): more than half.
    const quorum = section.locator('.e2e-record-quorum');
    await quorum.waitFor();
    expect(await quorum.textContent()).toContain('达到法定人数');
    expect(await quorum.textContent()).toContain('有表决权的正式党员 15 人，到会 8 人：超过半数，符合开会人数');
    expect(await section.locator('.e2e-record-present').textContent()).toMatch(/^出席 8 人：/);

    const form = section.locator('.e2e-record-form');
    // Saving empty names what is missing, and sends nothing.
    await form.locator('.e2e-record-host input').fill('');
    await form.locator('.e2e-record-save').click();
    await form.locator(visible('.e2e-field-error'), { hasText: '请填写主持人' }).waitFor();
    await form.locator('.e2e-record-host input').fill('李红梅');
    await form.locator('.e2e-record-recorder input').fill('王志强');
    await form.locator('.e2e-record-topics textarea').fill('一、传达学习全会精神\n二、讨论接收预备党员');
    await form.locator('.e2e-record-summary textarea').fill('书记传达全会精神，与会党员逐一发言。');
    await form.locator('.e2e-record-decisions textarea').fill('同意接收孙浩然同志为预备党员');
    await form.locator('.e2e-record-vote-switch .e2e-segment-vote').click();
    await form.locator('.e2e-record-vote-for input').fill('8');
    await form.locator('.e2e-record-vote-against input').fill('0');
    await form.locator('.e2e-record-vote-abstain input').fill('0');
    await screenshot(secretary.page, 'meeting-record-form');
    await form.locator('.e2e-record-save').click();

    const saved = section.locator(visible('.e2e-record-saved'));
    await saved.waitFor();
    expect(await saved.locator('.e2e-record-vote-result').textContent()).toBe(
      '表决结果：赞成 8 票 · 反对 0 票 · 弃权 0 票，通过（赞成票须超过 15 名有表决权党员的半数）',
    );
    expect(await saved.textContent()).toContain('同意接收孙浩然同志为预备党员');
    await screenshot(secretary.page, 'meeting-record-saved');
    const view = await apiAs<RecordView>(host.url, 'demo-secretary', 'activity', 'record', { id });
    expect(view.record).toMatchObject({ host: '李红梅', recorder: '王志强', vote: { for: 8 } });
    expect([view.quorum?.reached, view.passed]).toEqual([true, true]);

    const [download] = await Promise.all([
      secretary.page.waitForEvent('download'),
      saved.locator('.e2e-record-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2} 讨论发展党员的支部党员大会 会议记录\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const rows = new Map<string, string>();
    workbook.worksheets[0].eachRow((row) => rows.set(String(row.getCell(1).value), String(row.getCell(2).value ?? '')));
    expect(rows.get('法定人数')).toBe('有表决权的正式党员 15 人，到会 8 人，超过半数，符合开会人数要求');
    expect(rows.get('主持人')).toBe('李红梅');
    expect(secretary.errors).toEqual([]);
  });

  it('the 工作台 shows this period’s 三会一课 with days left, and no record section before an activity is held', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, 'demo-secretary');
    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    const card = secretary.page.locator(visible('.e2e-cadence-card'));
    await card.waitFor();
    expect(await card.textContent()).toContain('三会一课 · 第一党支部');
    const items = card.locator('.e2e-cadence-item');
    expect(await items.count()).toBeGreaterThanOrEqual(7);
    const committee = items.filter({ hasText: '支委会' }).first();
    expect(await committee.textContent()).toMatch(/待完成(还剩 \d+ 天|今天截止)/);
    await screenshot(secretary.page, 'workbench-cadence');

    // act-demo-group starts in five days: nothing to record yet.
    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/activity/index?id=act-demo-group`);
    await secretary.page.locator(visible('.e2e-activity-export')).waitFor();
    expect(await secretary.page.locator(visible('.e2e-record')).count()).toBe(0);
    expect(secretary.errors).toEqual([]);
  });
});
