import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

const figure = async (page: Page, selector: string) =>
  Number(
    ((await page.locator(visible(selector)).first().textContent()) ?? '').replace('−', '-').replace(/[^\d-]/g, ''),
  );

describeInBrowser('异议 in the browser', () => {
  const session = useHostAndBrowser();
  const DEDUCTION = '未参加十一月主题党日';
  const SELF_RECORDED = '未按时提交学习心得';

  it('a member objects to a deduction; the secretary upholds it; the points come back', async () => {
    const [host, browser] = [session.host(), session.browser()];
    // Recorded by the admin: the secretary may decide it (nobody decides an objection to their own record).
    await apiAs(host.url, 'demo-admin', 'points', 'record', {
      memberIds: ['member-004'],
      rule: 'shirk',
      reason: DEDUCTION,
    });
    const { entries } = await apiAs<{ entries: Array<{ id: string }> }>(
      host.url,
      'demo-secretary',
      'points',
      'record',
      {
        memberIds: ['member-004'],
        rule: 'shirk',
        reason: SELF_RECORDED,
      },
    );
    await apiAs(host.url, 'demo-member-3', 'points', 'object', { entryId: entries[0].id, reason: '当天在外参加培训' });

    const member = await openPhone(browser, host.url);
    await switchIdentity(member.page, host.url, 'demo-member-3'); // 刘洋
    await member.page.goto(`${host.url}/#/pages/points/index`);
    const entry = member.page.locator(visible('.e2e-points-entry'), { hasText: DEDUCTION });
    await entry.waitFor();
    const yearBefore = await figure(member.page, '.e2e-points-year');
    await entry.locator('.e2e-entry-object').click();
    const dialog = member.page.locator(visible('.e2e-object-dialog'));
    await dialog.locator('.e2e-object-reason textarea').fill('当天因公出差，已向书记请假');
    await dialog.locator('.nut-dialog-footer-ok').click();
    await member.page
      .locator(visible('.e2e-points-entry'), { hasText: DEDUCTION })
      .filter({ hasText: '异议处理中' })
      .waitFor();

    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, 'demo-secretary');
    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/points/index`);
    await secretary.page.locator(visible('.e2e-segment-objections')).click();
    // Her own record: she is told who decides, and has no 成立/不成立.
    const recorded = secretary.page.locator(visible('.e2e-objection-item'), { hasText: SELF_RECORDED });
    await recorded.locator('.e2e-objection-recorded-by-you').waitFor();
    expect(await recorded.locator('.e2e-objection-uphold, .e2e-objection-dismiss').count()).toBe(0);
    const item = secretary.page.locator(visible('.e2e-objection-item'), { hasText: DEDUCTION });
    await expect(item.textContent()).resolves.toContain('当天因公出差');
    await item.locator('.e2e-objection-uphold').click();
    const resolve = secretary.page.locator(visible('.e2e-resolve-dialog'));
    await expect(resolve.textContent()).resolves.toMatch(/刘洋 \+3 分/);
    await resolve.locator('.e2e-resolve-reason textarea').fill('出差审批单属实');
    await resolve.locator('.nut-dialog-footer-ok').click();
    await item.waitFor({ state: 'detached' });

    await member.page.reload();
    const resolved = member.page.locator(visible('.e2e-points-entry'), { hasText: DEDUCTION });
    await expect(resolved.locator('.e2e-points-entry-resolution').textContent()).resolves.toContain('出差审批单属实');
    expect(await figure(member.page, '.e2e-points-year')).toBe(yearBefore + 3);
    await member.page.waitForTimeout(300);
    await screenshot(member.page, 'objection-upheld');
    expect(member.errors).toEqual([]);
    expect(secretary.errors).toEqual([]);
  });
});
