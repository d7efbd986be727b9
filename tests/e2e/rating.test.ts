import type { RosterOutputs } from '../../contracts';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { ADMIN, SECRETARY } from '../support/demo';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

describeInBrowser('评星定级 in the browser', () => {
  const session = useHostAndBrowser();

  it('the admin rates a branch with a reason; the branch sees it posted on 工作台', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, ADMIN);
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    await page.locator(visible('.e2e-tile-rating')).click();

    const branch = page.locator(visible('.e2e-rating-branch'), { hasText: '第一党支部' });
    await branch.waitFor();
    await expect(page.locator(visible('.e2e-rating-criteria')).textContent()).resolves.toContain('三会一课 40');
    await branch.locator('.e2e-rating-decide').click();

    // No reason: refused in the dialog, nothing sent.
    const dialog = page.locator(visible('.e2e-rating-dialog'));
    await dialog.locator('.e2e-segment-4').click();
    await dialog.locator('.nut-dialog-footer-ok').click();
    await dialog.locator('.e2e-field-error', { hasText: '评定理由' }).waitFor();
    await dialog.locator('.e2e-rating-reason textarea').fill('三会一课坚持较好，学习完成率有待提高');
    await dialog.locator('.nut-dialog-footer-ok').click();
    const decision = branch.locator('.e2e-rating-decision');
    await decision.waitFor();
    await expect(decision.textContent()).resolves.toContain('★★★★☆');
    await expect(decision.textContent()).resolves.toContain('公示中');
    await screenshot(page, 'admin-rating');

    // What the server kept: 4 stars, posted.
    const year = Number(
      (await page.locator(visible('.e2e-rating-year .zb-segmented__item--active')).textContent())?.slice(0, 4),
    );
    const { items } = await apiAs<RosterOutputs['ratings']>(host.url, SECRETARY, 'roster', 'ratings', {
      orgId: 'org-branch-1',
    });
    expect(items).toEqual([expect.objectContaining({ year, stars: 4, status: 'posting' })]);

    // The secretary of the branch sees it on 工作台.
    await switchIdentity(page, host.url, SECRETARY);
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    const rating = page.locator(visible('.e2e-workbench-rating'));
    await rating.waitFor();
    await expect(rating.textContent()).resolves.toContain(`${year}年度评星 ★★★★☆ 公示中`);
    await expect(page.locator(visible('.e2e-tile-rating')).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
