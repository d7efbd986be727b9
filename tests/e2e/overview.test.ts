import type { RosterOutputs } from '../../contracts';
import { shareText } from '../../src/features/roster/model/overview';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { ADMIN, SECRETARY } from '../support/demo';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

// The page words shares as the model does (unit-tested there); the figures come from the server here.
const percent = shareText;

describeInBrowser('支部概览 and the figures on 工作台', () => {
  const session = useHostAndBrowser();

  it('the committee admin sees the branches summed up on 工作台, then side by side on 支部概览', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, ADMIN);
    const expected = await apiAs<RosterOutputs['overview']>(host.url, ADMIN, 'roster', 'overview', {
      orgId: 'org-committee',
      period: 'month',
    });
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);

    const card = page.locator(visible('.e2e-workbench-committee'));
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain(`${expected.items.length} 个支部`);
    await screenshot(page, 'workbench-committee-figures');
    await card.click();

    const names = page.locator(visible('.e2e-overview-name'));
    await names.first().waitFor();
    await expect(names.allTextContents()).resolves.toHaveLength(expected.items.length);
    // Each branch's figures as the server counted them.
    for (const item of expected.items) {
      const branch = page.locator(visible('.e2e-overview-branch'), { hasText: item.name });
      await expect(branch.locator('.e2e-overview-attendance').textContent()).resolves.toContain(
        percent(item.attendanceRate),
      );
      await expect(branch.locator('.e2e-overview-declared').textContent()).resolves.toContain(
        percent(item.declaredRate),
      );
    }
    // 亮身份, leading first: the branch with the higher coverage on top.
    await page.locator(visible('.e2e-overview-sort .e2e-segment-declaredRate')).click();
    await page.locator(visible('.e2e-overview-order .e2e-segment-ahead')).click();
    const byCoverage = [...expected.items].sort((a, b) => (b.declaredRate ?? -1) - (a.declaredRate ?? -1));
    await expect(names.first().textContent()).resolves.toBe(byCoverage[0].name);
    await page.locator(visible('.e2e-overview-order .e2e-segment-behind')).click();
    const byCoverageAscending = [...expected.items].sort((a, b) => (a.declaredRate ?? 2) - (b.declaredRate ?? 2));
    await expect(names.first().textContent()).resolves.toBe(byCoverageAscending[0].name);
    await screenshot(page, 'admin-overview');
    expect(errors).toEqual([]);
  });

  it('a secretary sees their own branch on 工作台 and no 支部概览 tile', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, SECRETARY);
    const expected = await apiAs<RosterOutputs['overview']>(host.url, SECRETARY, 'roster', 'overview', {
      orgId: 'org-branch-1',
      period: 'month',
    });
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    const card = page.locator(visible('.e2e-workbench-branch'));
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('第一党支部');
    await expect(card.locator('.e2e-workbench-declared').textContent()).resolves.toContain(
      percent(expected.items[0].declaredRate),
    );
    await expect(page.locator(visible('.e2e-workbench-committee')).count()).resolves.toBe(0);
    await expect(page.locator(visible('.e2e-tile-overview')).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
