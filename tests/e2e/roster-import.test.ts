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

  it('previews a secretary’s own file (a title row, two bad rows), imports the rest, and gives the refused rows to fix', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-secretary');
    await page.goto(`${host.url}/#/packages/secretary/pages/roster/index`);
    await page.locator(visible('.e2e-member-row')).first().waitFor();
    const before = await snapshotMembers(host.store);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(['第一党支部党员花名册']);
    sheet.addRow(['序号', '姓名', '性别', '联系电话', '政治面貌', '入党时间', '转正时间', '党小组']);
    sheet.addRow([1, '陆文静', '女', '135 1111 2222', '中共党员', '2015-07-01', '2016-07-01', '第一党小组']);
    sheet.addRow([2, '范志远', '男', '1351111', '中共预备党员', '2026-03-01', '', '']);
    sheet.addRow([3, '石晓光', '男', '13511113333', '中共党员', '2010年13月', '2011-07-01', '']);
    sheet.addRow(['合计：3人']);
    await page
      .locator('.e2e-import-input')
      .first()
      .setInputFiles({
        name: '第一党支部花名册.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
      });

    // The preview: counts, each refused row with its column and value; nothing changed yet.
    const preview = page.locator(visible('.e2e-import-preview'));
    await preview.waitFor();
    await expect(preview.locator('.e2e-import-counts').textContent()).resolves.toBe('新增 1 人 · 有误 2 处');
    const rows = preview.locator('.e2e-import-error-row');
    await expect(rows.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^第 4 行 · 联系电话「1351111」.*11 位手机号/),
      expect.stringMatching(/^第 5 行 · 入党时间「2010年13月」.*不是有效日期/),
    ]);
    await expect(preview.locator('.e2e-import-member').allTextContents()).resolves.toEqual(['第 3 行 陆文静 · 新增']);
    await screenshot(page, 'import-preview');
    expect(await snapshotMembers(host.store)).toEqual(before);

    // The refused rows as a workbook with the reasons.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      preview.locator('.e2e-import-refused').click(),
    ]);
    const refused = new ExcelJS.Workbook();
    await refused.xlsx.readFile((await download.path()) as string);
    const values = (n: number) => (refused.worksheets[0].getRow(n).values as unknown[]).slice(1).map(String);
    expect(values(1)).toEqual([
      '序号',
      '姓名',
      '性别',
      '联系电话',
      '政治面貌',
      '入党时间',
      '转正时间',
      '党小组',
      '原文件行号',
      '错误说明',
    ]);
    expect([values(2)[1], values(3)[1]]).toEqual(['范志远', '石晓光']);
    expect(values(2)[9]).toMatch(/11 位手机号/);

    // Import the valid row; the roster shows it.
    const confirm = preview.locator('.nut-dialog-footer-ok');
    await expect(confirm.textContent()).resolves.toBe('跳过有误的行，导入其余 1 人');
    await confirm.click();
    await page.locator(visible('.e2e-member-name'), { hasText: '陆文静' }).waitFor();
    const after = await snapshotMembers(host.store);
    expect(after.length).toBe(before.length + 1);
    expect(await host.store.count('members', { name: '范志远' })).toBe(0);
    expect(errors).toEqual([]);
  });

  it('imports a good file after its preview: the new members appear in the roster', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-secretary');
    await page.goto(`${host.url}/#/packages/secretary/pages/roster/index`);
    await page.locator(visible('.e2e-member-row')).first().waitFor();
    const countBefore = await host.store.count('members', { branchId: 'org-branch-1', status: 'active' });

    const content = await rosterFile([['陆文雅', '13511114444', '正式党员', '2015-07-01', '2016-07-01', '第一党小组']]);
    await page.locator('.e2e-import-input').first().setInputFiles({
      name: '花名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: content,
    });

    const preview = page.locator(visible('.e2e-import-preview'));
    await preview.waitFor();
    await expect(preview.locator('.e2e-import-counts').textContent()).resolves.toBe('新增 1 人');
    const confirm = preview.locator('.nut-dialog-footer-ok');
    await expect(confirm.textContent()).resolves.toBe('确认导入');
    await confirm.click();
    await page.locator(visible('.e2e-member-name'), { hasText: '陆文雅' }).waitFor();
    expect(await host.store.count('members', { branchId: 'org-branch-1', status: 'active' })).toBe(countBefore + 1);
    const [imported] = await host.store.query('members', {
      where: { phone: '13511114444' },
    });
    expect(imported.groupId).toBe('org-group-1');
    expect(errors).toEqual([]);
  });
});
