import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

describeInBrowser('党委积分 in the browser', () => {
  const session = useHostAndBrowser();

  it('the admin opens 季度赛马 from the workbench, sees both branches ranked, and the check finds the totals consistent', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-admin');
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    await page.locator(visible('.e2e-tile-points-admin')).click();

    const rows = page.locator(visible('.e2e-branch-row'));
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(2);
    const names = await rows.locator('.e2e-branch-name').allTextContents();
    expect(names.sort()).toEqual(['第一党支部', '第二党支部']);
    // The demo history is all in 第一党支部: it leads on average points per member.
    await expect(rows.first().locator('.e2e-branch-name').textContent()).resolves.toBe('第一党支部');

    await page.locator(visible('.e2e-verify')).click();
    await page.locator(visible('.e2e-verify-result'), { hasText: /一致.*已核对 \d+ 条/ }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'points-admin');
    expect(errors).toEqual([]);
  });
});
