import ExcelJS from 'exceljs';
import type { RosterOutputs } from '../../contracts';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { ADMIN } from '../support/demo';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

describeInBrowser('两新组织 in the browser', () => {
  const session = useHostAndBrowser();

  it('the admin imports the register, sees the suggestions and coverage, and files an organisation', async () => {
    const [host, browser] = [session.host(), session.browser()];
    // Three 正式党员 of the committee work at 示范科技 (written as people write it).
    for (const id of ['member-001', 'member-002', 'member-004'])
      await host.store.update('members', id, { $set: { workUnit: '示范科技 (杭州) 有限公司', partyStatus: 'full' } });
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, ADMIN);
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    await page.locator(visible('.e2e-tile-employers')).click();
    await page.locator(visible('.e2e-employers-coverage')).waitFor();

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('两新组织');
    sheet.addRow(['示范街道两新组织名册']);
    sheet.addRow(['单位名称', '类型', '地址', '从业人员数', '是否已建党组织']);
    sheet.addRow(['示范科技（杭州）有限公司', '企业', '示范路 1 号', 120, '否']);
    sheet.addRow(['阳光社工服务中心', '社会组织', '阳光路 2 号', 35, '是']);
    sheet.addRow(['金石装饰有限公司', '个体户', '', 8, '否']);
    await page
      .locator('.e2e-import-input')
      .first()
      .setInputFiles({
        name: '两新组织名册.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
      });
    await expect(page.locator(visible('.e2e-employers-errors')).textContent()).resolves.toContain(
      '第 5 行「类型」：类型「个体户」应为“企业”或“社会组织”',
    );
    const tech = page.locator(visible('.e2e-employer'), { hasText: '示范科技（杭州）有限公司' });
    await expect(tech.locator('.e2e-employer-suggestion').textContent()).resolves.toBe('建议单独组建');
    await page.locator(visible('.e2e-employers-coverage'), { hasText: '50.0%' }).waitFor();

    await tech.click();
    const dialog = page.locator(visible('.e2e-employer-dialog'));
    await dialog.locator('.e2e-segment-priority').click();
    await dialog.locator('.e2e-employer-note textarea').fill('三名党员，年内单独组建');
    await dialog.locator('.nut-dialog-footer-ok').click();
    await tech.locator('.zb-employers__list', { hasText: '优先组建' }).waitFor();
    await tech.locator('.zb-employers__note', { hasText: '年内单独组建' }).waitFor();
    await screenshot(page, 'admin-employers');

    const { items, coverage } = await apiAs<RosterOutputs['employers']>(host.url, ADMIN, 'roster', 'employers', {
      committeeId: 'org-committee',
    });
    expect(coverage).toBe(0.5);
    expect(items.find((i) => i.employer === '示范科技（杭州）有限公司')).toMatchObject({
      full: 3,
      suggestion: 'single',
      list: 'priority',
      note: '三名党员，年内单独组建',
    });
    expect(errors).toEqual([]);
  });
});
