import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

describeInBrowser('积分明细 in the browser', () => {
  const session = useHostAndBrowser();
  const MISTAKE = '推诿支部交办的宣传栏任务';
  const PIONEER = '带头完成社区疫苗接种宣传';

  it('the secretary filters by member and by item; 冲正 only where it applies', async () => {
    const [host, browser] = [session.host(), session.browser()];
    type Recorded = { entries: Array<{ id: string }> };
    const record = (rule: string, reason: string) =>
      apiAs<Recorded>(host.url, 'demo-secretary', 'points', 'record', { memberIds: ['member-004'], rule, reason });
    const mistake = await record('shirk', MISTAKE);
    await record('pioneer', PIONEER);
    await apiAs(host.url, 'demo-secretary', 'points', 'reverse', {
      entryId: mistake.entries[0].id,
      reason: '核实后系误记',
    });

    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-secretary');
    await page.goto(`${host.url}/#/packages/secretary/pages/points/index`);
    await page.locator(visible('.e2e-segment-ledger')).click();
    const rows = page.locator(visible('.e2e-points-entry'));
    await rows.first().waitFor();

    // By member: 刘洋's entries only.
    await page.locator(visible('.e2e-points-filter-name input')).fill('刘洋');
    await page.waitForFunction(() => {
      const names = Array.from(document.querySelectorAll('.e2e-points-entry-member')).map((n) => n.textContent);
      return names.length > 0 && names.every((n) => n === '刘洋');
    });
    const names = await rows.locator('.e2e-points-entry-member').allTextContents();
    expect(new Set(names)).toEqual(new Set(['刘洋']));

    // The reversal and the entry it reversed offer no 冲正; his untouched 先锋表彰 does.
    const reversal = rows.filter({ has: page.locator('.e2e-points-entry-reverses') });
    await expect(reversal.count()).resolves.toBe(1);
    await expect(reversal.locator('.e2e-entry-reverse').count()).resolves.toBe(0);
    const reversed = page.locator(visible('.e2e-points-entry-reversed'), { hasText: MISTAKE });
    await expect(reversed.locator('.e2e-entry-reverse').count()).resolves.toBe(0);
    const pioneer = rows.filter({ hasText: PIONEER });
    await expect(pioneer.locator('.e2e-entry-reverse').count()).resolves.toBe(1);

    // By item as well: 推诿任务 leaves the mistake and its reversal.
    await page.locator(visible('.e2e-points-filter-rule select')).selectOption({ label: '推诿任务' });
    await page.waitForFunction(() => document.querySelectorAll('.e2e-points-entry').length === 2);
    await expect(rows.locator('.e2e-points-entry-rule').allTextContents()).resolves.toEqual(['推诿任务', '推诿任务']);
    await expect(rows.locator('.e2e-entry-reverse').count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    await screenshot(page, 'points-ledger-filtered');

    // The secretary's own entries: listed, never with 冲正 (nobody reverses their own).
    await page.locator(visible('.e2e-points-filter-clear')).click();
    await page.locator(visible('.e2e-points-filter-name input')).fill('李红梅');
    await page.waitForFunction(() => {
      const names = Array.from(document.querySelectorAll('.e2e-points-entry-member')).map((n) => n.textContent);
      return names.length > 0 && names.every((n) => n === '李红梅');
    });
    await expect(rows.locator('.e2e-entry-reverse').count()).resolves.toBe(0);

    // Nobody by that name: the empty state says how to widen the search.
    await page.locator(visible('.e2e-points-filter-name input')).fill('无此人');
    await page.getByText('没有符合条件的记录').waitFor();
    expect(errors).toEqual([]);
  });
});
