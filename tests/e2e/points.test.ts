import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

/** The app prints a real minus sign (U+2212). */
const figure = async (page: Page, selector: string) =>
  Number(
    ((await page.locator(visible(selector)).first().textContent()) ?? '').replace('−', '-').replace(/[^\d-]/g, ''),
  );

async function sheetRows(path: string, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describeInBrowser('积分 in the browser', () => {
  const session = useHostAndBrowser();
  const REASON = '未按时完成支部宣传栏更新';

  it('the secretary records a deduction; the member sees it and the new total; the export has the rows', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const member = await openPhone(browser, host.url);
    await switchIdentity(member.page, host.url, 'demo-member-3'); // 刘洋
    await member.page.goto(`${host.url}/#/pages/points/index`);
    await member.page.locator(visible('.e2e-points-month')).waitFor();
    const monthBefore = await figure(member.page, '.e2e-points-month');
    const scoreBefore = await figure(member.page, '.e2e-points-score');

    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, 'demo-secretary');
    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/points/index`);
    await secretary.page.locator(visible('.e2e-record-open')).click();
    await secretary.page.locator(visible('.e2e-record-member'), { hasText: '刘洋' }).click();
    await secretary.page.locator(visible('.e2e-record-rule-shirk')).click();
    await secretary.page.locator(visible('.e2e-record-reason textarea')).fill(REASON);
    await secretary.page.locator(visible('.e2e-record-submit')).click();
    const confirm = secretary.page.locator(visible('.e2e-record-confirm-dialog'));
    await expect(confirm.textContent()).resolves.toMatch(/为 1 人记录 推诿任务 [−-]3 分/);
    await confirm.locator('.nut-dialog-footer-ok').click();
    await secretary.page.waitForFunction(() => !location.hash.includes('points-record'));

    await member.page.reload();
    const entry = member.page.locator(visible('.e2e-points-entry'), { hasText: REASON });
    await entry.waitFor();
    await expect(entry.locator('.e2e-points-entry-value').textContent()).resolves.toMatch(/[−-]3/);
    expect(await figure(member.page, '.e2e-points-month')).toBe(monthBefore - 3);
    expect(await figure(member.page, '.e2e-points-score')).toBe(scoreBefore - 3);
    await member.page.waitForTimeout(300);
    await screenshot(member.page, 'points-member');

    await secretary.page.locator(visible('.e2e-points-export')).waitFor();
    // The ranking opens on a period with points (the quarter or the year early in a month): export the month.
    await secretary.page.locator(visible('.e2e-points-period')).getByText('月', { exact: true }).click();
    await secretary.page.locator(visible('.e2e-period-label'), { hasText: /月/ }).waitFor();
    const [download] = await Promise.all([
      secretary.page.waitForEvent('download'),
      secretary.page.locator(visible('.e2e-points-export')).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^第一党支部积分-\d{4}-\d{2}\.xlsx$/);
    const file = await download.path();
    // Under the title and the line naming the branch, the period and the date of export.
    const [header, ...totals] = (await sheetRows(file, '积分汇总')).slice(2);
    const liu = totals.find((row) => row[header.indexOf('姓名')] === '刘洋') as unknown[];
    expect(liu[header.indexOf('推诿任务')]).toBe(-3);
    expect(liu[header.indexOf('净分')]).toBe(monthBefore - 3);
    const entries = (await sheetRows(file, '积分明细')).slice(3);
    const recordedRow = entries.find((row) => row[1] === '刘洋' && row[5] === REASON) as unknown[];
    expect(recordedRow[0]).toBeInstanceOf(Date);
    expect(recordedRow.slice(3, 6)).toEqual(['推诿任务', -3, REASON]);

    // By category (issue 15): 党员 ranks 刘洋 and exports as such; the demo branch has no 入党积极分子.
    await secretary.page.locator(visible('.e2e-points-category-members')).click();
    await secretary.page.locator(visible('.e2e-ranking-name'), { hasText: '刘洋' }).waitFor();
    const [members] = await Promise.all([
      secretary.page.waitForEvent('download'),
      secretary.page.locator(visible('.e2e-points-export')).click(),
    ]);
    expect(members.suggestedFilename()).toMatch(/^第一党支部（党员）积分-\d{4}-\d{2}\.xlsx$/);
    await secretary.page.locator(visible('.e2e-points-category-activist')).click();
    await expect(secretary.page.locator(visible('.e2e-ranking-empty')).textContent()).resolves.toContain(
      '没有入党积极分子',
    );
    await secretary.page.locator(visible('.e2e-points-category-all')).click();
    await secretary.page.locator(visible('.e2e-ranking-name'), { hasText: '刘洋' }).waitFor();
    await screenshot(secretary.page, 'points-secretary');

    // A mistake: the secretary reverses it from the ledger, with a reason; the member's total is back.
    await secretary.page.locator(visible('.e2e-segment-ledger')).click();
    const recorded = secretary.page.locator(visible('.e2e-points-entry'), { hasText: REASON });
    await recorded.locator('.e2e-entry-reverse').click();
    const reverse = secretary.page.locator(visible('.e2e-reverse-dialog'));
    await reverse.locator('.e2e-reverse-reason textarea').fill('记错了人，应为其他同志');
    await reverse.locator('.nut-dialog-footer-ok').click();
    await secretary.page.locator(visible('.e2e-points-entry'), { hasText: '记错了人' }).waitFor();
    await member.page.reload();
    await member.page.locator(visible('.e2e-points-entry'), { hasText: '记错了人' }).waitFor();
    expect(await figure(member.page, '.e2e-points-month')).toBe(monthBefore);

    expect(member.errors).toEqual([]);
    expect(secretary.errors).toEqual([]);
  });
});
