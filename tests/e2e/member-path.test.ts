import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The H5 title bar Taro draws (app.config.ts asks for it in H5 only). */
const bar = (page: Page) => page.locator('#taro-navigation-bar');
const barTitle = (page: Page) => page.locator('#taro-navigation-bar .taro-navigation-bar-title');
const backButton = (page: Page) => page.locator(visible('#taro-navigation-bar .taro-navigation-bar-back'));
const homeButton = (page: Page) => page.locator(visible('#taro-navigation-bar .taro-navigation-bar-home'));

describeInBrowser('the member’s path in H5', () => {
  const session = useHostAndBrowser();

  it('every page has a title bar: the page’s title, back to where one came from, home after a deep link', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-member-3'); // 刘洋, 第一党支部

    // A tab: its title, nothing to go back to.
    await page.goto(`${host.url}/#/pages/mine/index`);
    await page.locator(visible('.e2e-mine-mydata')).waitFor();
    await expect(bar(page).isVisible()).resolves.toBe(true);
    await expect(barTitle(page).textContent()).resolves.toBe('我的');
    await expect(backButton(page).count()).resolves.toBe(0);
    await expect(homeButton(page).count()).resolves.toBe(0);
    // The bar is WeChat's size and the title its whole self, in the bar's white on red.
    const box = await bar(page).boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(box?.y).toBe(0);

    // A sub-page opened from the tab: its own title and a back arrow a finger can hit.
    await page.locator(visible('.e2e-mine-mydata')).click();
    await page.locator(visible('.e2e-mydata')).waitFor();
    await expect(barTitle(page).textContent()).resolves.toBe('我的数据');
    const back = await backButton(page).boundingBox();
    expect(back?.width).toBeGreaterThanOrEqual(44);
    expect(back?.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'member-path-title-bar');

    // Back arrives on the page before.
    await backButton(page).click();
    await page.waitForFunction(() => location.hash.includes('pages/mine/index'));
    await page.locator(visible('.e2e-mine-mydata')).waitFor();
    await expect(barTitle(page).textContent()).resolves.toBe('我的');

    // Opened by a link (nothing before it): a home button instead, leading to 首页.
    await page.goto(`${host.url}/#/packages/member/pages/card/index`);
    await page.reload();
    await page.locator(visible('.e2e-identity-card')).waitFor();
    await expect(barTitle(page).textContent()).resolves.toBe('身份卡');
    await expect(backButton(page).count()).resolves.toBe(0);
    await homeButton(page).click();
    await page.waitForFunction(() => location.hash.includes('pages/index/index'));
    await expect(barTitle(page).textContent()).resolves.toBe('支部通');
    expect(errors).toEqual([]);
  });

  it('a favicon in Party red, and 关怀模式 grows the tab bar’s labels', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-member-3');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toMatch(/^data:image\/svg\+xml,/);
    expect(decodeURIComponent(icon ?? '')).toContain("fill='#c8161d'");

    await page.goto(`${host.url}/#/pages/mine/index`);
    await page.locator(visible('.e2e-care-switch')).waitFor();
    const labelSize = () =>
      page.evaluate(() => {
        const label = document.querySelector('.weui-tabbar__label');
        return label ? parseFloat(getComputedStyle(label).fontSize) : 0;
      });
    const before = await labelSize();
    expect(before).toBeGreaterThan(0);
    await page.locator(visible('.e2e-care-switch')).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('zb-care-root'));
    const after = await labelSize();
    expect(after).toBeGreaterThanOrEqual(17);
    expect(after).toBeGreaterThan(before);
    // Every label stays whole inside the taller bar.
    const clipped = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('.weui-tabbar__item')).filter(
          (item) => item.scrollHeight > item.clientHeight + 1,
        ).length,
    );
    expect(clipped).toBe(0);
    await screenshot(page, 'member-path-care-tabbar');
    // Off again: back to the usual size, and it stays so after a reload.
    await page.locator(visible('.e2e-care-switch')).click();
    await page.reload();
    await page.locator(visible('.e2e-care-switch')).waitFor();
    await expect(labelSize()).resolves.toBe(before);
    expect(errors).toEqual([]);
  });

  it('保存图片 on the 身份卡 downloads the card as a PNG', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-member-3');
    await page.goto(`${host.url}/#/pages/mine/index`);
    await page.locator(visible('.e2e-mine-card')).click();
    await page.locator(visible('.e2e-identity-card')).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(visible('.e2e-card-save-image')).click(),
    ]);
    expect(download.suggestedFilename()).toBe('身份卡-刘洋.png');
    await page.getByText('图片已下载').waitFor({ timeout: 1500 });
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR: 1500 wide (750 layout units at 2×), taller than wide.
    expect(bytes.readUInt32BE(16)).toBe(1500);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(1500);
    // A drawn card with text, not an empty canvas (a blank 1500 px PNG is a few KB).
    expect(bytes.length).toBeGreaterThan(40_000);
    expect(bytes.length).toBeLessThan(3_000_000);
    await writeFile(join(ARTIFACTS, 'member-path-card-image.png'), bytes);
    expect(errors).toEqual([]);
  });
});
