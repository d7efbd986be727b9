import ExcelJS from 'exceljs';
import { snapshotMembers } from './support/store';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

async function rosterFile(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['姓名', '手机号', '党员身份', '入党日期', '转正日期', '党小组']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeInBrowser('花名册 Excel import in the browser', () => {
  const session = useHostAndBrowser();

  it('refuses a file with one bad row, shows the row-by-row report, and changes nothing', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-secretary');
    await page.goto(`${host.url}/#/packages/secretary/pages/roster/index`);
    await page.locator(visible('.e2e-member-row')).first().waitFor();
    const before = await snapshotMembers(host.store);

    const content = await rosterFile([
      ['陆文静', '13511112222', '正式党员', '2015-07-01', '2016-07-01', '第一党小组'],
      ['范志远', '1351111', '预备党员', '2026-03-01', '', ''],
      ['石晓光', '13511113333', '预备党员', '2026-04-01', '', ''],
    ]);
    await page.locator('.e2e-import-input').first().setInputFiles({
      name: '花名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: content,
    });

    const report = page.locator(visible('.e2e-import-report'));
    await report.waitFor();
    const rows = report.locator('.e2e-import-error-row');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toMatch(/第 3 行.*手机号/);
    await screenshot(page, 'import-refused');

    expect(await snapshotMembers(host.store)).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('imports a good file: the new members appear in the roster', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-secretary');
    await page.goto(`${host.url}/#/packages/secretary/pages/roster/index`);
    await page.locator(visible('.e2e-member-row')).first().waitFor();
    const countBefore = await host.store.count('members', { branchId: 'org-branch-1', status: 'active' });

    const content = await rosterFile([['陆文静', '13511112222', '正式党员', '2015-07-01', '2016-07-01', '第一党小组']]);
    await page.locator('.e2e-import-input').first().setInputFiles({
      name: '花名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: content,
    });

    await page.locator(visible('.e2e-member-name'), { hasText: '陆文静' }).waitFor();
    expect(await host.store.count('members', { branchId: 'org-branch-1', status: 'active' })).toBe(countBefore + 1);
    const [imported] = await host.store.query('members', {
      where: { phone: '13511112222' },
    });
    expect(imported.groupId).toBe('org-group-1');
    expect(errors).toEqual([]);
  });
});
