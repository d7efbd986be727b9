import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

describeInBrowser('签到大屏 in the browser', () => {
  const session = useHostAndBrowser();

  it('names the branch, and the latest names appear as members sign in, newest first', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-secretary');
    await page.goto(`${host.url}/#/packages/secretary/pages/activity-screen/index?id=act-demo-now`);
    await page.locator(visible('.e2e-screen-code')).waitFor();
    await expect(page.locator(visible('.e2e-screen-org')).textContent()).resolves.toBe('第一党支部');
    await expect(page.locator(visible('.e2e-screen-latest')).count()).resolves.toBe(0);
    const countBefore = Number(await page.locator(visible('.e2e-screen-count')).textContent());

    const signIn = async (openid: string) => {
      const { token } = await apiAs<{ token: string }>(host.url, 'demo-secretary', 'activity', 'code', {
        id: 'act-demo-now',
      });
      await apiAs(host.url, openid, 'activity', 'checkin', { token });
    };
    await signIn('demo-member-2'); // 陈秀英
    await page.locator(visible('.e2e-screen-latest-name'), { hasText: '陈秀英' }).waitFor();
    await signIn('demo-member-3'); // 刘洋
    // The live polling brings the newest in front, without a reload.
    await page.waitForFunction(
      () => document.querySelector('.e2e-screen-latest-name')?.textContent === '刘洋',
      undefined,
      { timeout: 15000 },
    );
    await expect(page.locator(visible('.e2e-screen-latest-name')).allTextContents()).resolves.toEqual([
      '刘洋',
      '陈秀英',
    ]);
    await expect(page.locator(visible('.e2e-screen-count')).textContent()).resolves.toBe(String(countBefore + 2));
    await page.waitForTimeout(300);
    await screenshot(page, 'activity-screen-latest');
    expect(errors).toEqual([]);
  });
});
