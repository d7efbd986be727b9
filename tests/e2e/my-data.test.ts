import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

/** Every cell of every sheet of a downloaded workbook, as text, by sheet name. */
async function workbookText(path: string): Promise<Record<string, string[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const sheets: Record<string, string[]> = {};
  for (const sheet of workbook.worksheets) {
    const cells: string[] = [];
    sheet.eachRow((row) => {
      for (const value of (row.values as unknown[]).slice(1)) cells.push(value == null ? '' : String(value));
    });
    sheets[sheet.name] = cells;
  }
  return sheets;
}

describeInBrowser('我的数据 in the browser', () => {
  const session = useHostAndBrowser();

  it('a member opens 我的数据 from 我的, sees their own records only, and downloads them as Excel', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-member-3'); // 刘洋, 第一党支部
    await page.goto(`${host.url}/#/pages/mine/index`);
    await page.locator(visible('.e2e-mine-mydata')).click();
    await page.locator(visible('.e2e-mydata')).waitFor();

    const profile = page.locator(visible('.e2e-mydata-profile'));
    await expect(profile.textContent()).resolves.toContain('刘洋');
    const points = page.locator(visible('.e2e-mydata-points .e2e-mydata-row'));
    expect(await points.count()).toBeGreaterThan(0);
    await expect(page.locator(visible('.e2e-mydata-points')).textContent()).resolves.toContain('亮身份');
    // Nobody else's name: another member of the branch and its secretary.
    const text = (await page.locator(visible('.e2e-mydata')).textContent()) ?? '';
    for (const other of ['陈秀英', '李红梅', '王志强']) expect(text).not.toContain(other);
    await screenshot(page, 'my-data');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(visible('.e2e-mydata-export')).click(),
    ]);
    expect(download.suggestedFilename()).toBe('我的数据-刘洋.xlsx');
    const sheets = await workbookText((await download.path()) as string);
    expect(Object.keys(sheets)).toContain('积分明细');
    expect(sheets['基本信息']).toContain('刘洋');
    expect(sheets['积分明细'].length).toBeGreaterThan(5);
    const all = Object.values(sheets).flat().join('\n');
    for (const other of ['陈秀英', '李红梅', '王志强']) expect(all).not.toContain(other);
    expect(errors).toEqual([]);
  });
});
