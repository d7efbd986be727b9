import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

/** `rgb(r, g, b)` → whether it is a grey (its channels within a few steps of each other). */
const isGrey = (colour: string) => {
  const [r, g, b] = (colour.match(/\d+/g) ?? []).map(Number);
  return Math.max(r, g, b) - Math.min(r, g, b) <= 24;
};

describeInBrowser('发布课程 in the browser', () => {
  const session = useHostAndBrowser();

  it('the secretary’s list: each card with its cover, the locked note once, locked switches grey', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-secretary');
    await page.goto(`${host.url}/#/packages/secretary/pages/lecture-publish/index`);
    const rows = page.locator(visible('.e2e-lecture-manage-row'));
    await rows.first().waitFor();
    const count = await rows.count();
    // The demo lectures are the committee's: none is the branch secretary's to switch.
    expect(count).toBeGreaterThan(1);

    await expect(page.locator(visible('.e2e-lecture-manage-locked')).count()).resolves.toBe(1);
    await expect(page.getByText('发布到了您管理范围以外的组织').count()).resolves.toBe(1);
    await expect(rows.locator('.e2e-lecture-manage-cover').count()).resolves.toBe(count);
    await expect(rows.locator('.e2e-lecture-manage-cover img').count()).resolves.toBe(count);

    const switches = rows.locator('.e2e-lecture-publish-switch');
    await expect(switches.count()).resolves.toBe(count);
    for (let i = 0; i < count; i++) {
      const colour = await switches.nth(i).evaluate((element) => getComputedStyle(element).backgroundColor);
      expect({ i, colour, grey: isGrey(colour) }).toEqual({ i, colour, grey: true });
    }
    await page.waitForTimeout(500);
    await screenshot(page, 'lecture-publish-list');
    expect(errors).toEqual([]);
  });
});
