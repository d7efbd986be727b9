import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { ADMIN, VISITOR } from '../support/demo';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

describeInBrowser('the committee admin’s pages in the browser', () => {
  const session = useHostAndBrowser();

  it('the admin creates a branch, appoints its secretary, reads the entry in 操作日志 and invites to the branch', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, ADMIN);
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);

    // 组织架构: the committee, then 新建党支部.
    await page.locator(visible('.e2e-tile-orgs')).click();
    await page.locator(visible('.e2e-org-row'), { hasText: '示范党委' }).click();
    await page.locator(visible('.e2e-org-add')).click();
    const dialog = page.locator(visible('.e2e-org-dialog'));
    await dialog.locator('.e2e-org-name-input input').fill('第三党支部');
    await dialog.locator('.nut-dialog-footer-ok').click();
    const created = page.locator(visible('.e2e-org-row'), { hasText: '第三党支部' });
    await created.waitFor();
    await expect(created.textContent()).resolves.toContain('0 人');
    await expect(page.locator(visible('.e2e-org-row'), { hasText: '第一党支部' }).textContent()).resolves.toContain(
      '18 人',
    );
    await screenshot(page, 'admin-orgs');

    // 人员任职: the new branch has nobody; appoint 刘洋 (bound to WeChat) its 书记.
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    await page.locator(visible('.e2e-tile-roles')).click();
    await page.locator(visible('.e2e-roles-org select')).selectOption({ label: '　第三党支部' });
    await page.locator(visible('.e2e-roles-holders'), { hasText: '暂无任职' }).waitFor();
    await page.locator(visible('.e2e-segment-secretary')).click();
    // Someone who has not yet bound WeChat is listed but cannot be picked.
    await page.locator(visible('.e2e-search-input input')).fill('吴桂');
    await page.locator(visible('.zb-member-picker__row--off'), { hasText: '尚未亮身份' }).waitFor();
    expect(await page.locator(visible('.e2e-member-pick')).count()).toBe(0);
    await page.locator(visible('.e2e-search-input input')).fill('刘洋');
    await page.locator(visible('.e2e-member-pick'), { hasText: '刘洋' }).click();
    await expect(page.locator(visible('.taro-modal__content')).textContent()).resolves.toContain(
      '任命刘洋为第三党支部书记',
    );
    await page.locator(visible('.taro-model__confirm')).click();
    const holder = page.locator(visible('.e2e-role-holder'), { hasText: '刘洋' });
    await holder.waitFor();
    await expect(holder.textContent()).resolves.toContain('书记');
    await screenshot(page, 'admin-roles');

    // 操作日志: filtered to 任命职务, the entry says what was done and by whom.
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    await page.locator(visible('.e2e-tile-audit')).click();
    await page.locator(visible('.e2e-audit-entry')).first().waitFor();
    await page.locator(visible('.e2e-audit-action select')).selectOption({ label: '任命职务' });
    const entry = page.locator(visible('.e2e-audit-entry'), { hasText: '任命刘洋为第三党支部书记' });
    await entry.waitFor();
    // The entry stands in the unfiltered list too: wait for the filtered answer to replace it.
    await page.locator(visible('.e2e-audit-entry')).nth(1).waitFor({ state: 'detached' });
    await expect(page.locator(visible('.e2e-audit-entry')).count()).resolves.toBe(1);
    await expect(entry.textContent()).resolves.toContain('操作人：周建国');
    await screenshot(page, 'admin-audit');

    // 邀请入支部: the new branch's QR code leads to 亮身份 with it chosen.
    await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
    await page.locator(visible('.e2e-tile-invite')).click();
    await page.locator(visible('.e2e-invite-org select')).selectOption({ label: '第三党支部' });
    const link = await page.locator(visible('.e2e-invite-link')).textContent();
    expect(link).toMatch(/declare\/index\?orgId=/);
    await page.waitForTimeout(400);
    await screenshot(page, 'admin-invite');

    // A visitor who opens the invitation finds 亮身份 with 第三党支部 chosen.
    await switchIdentity(page, host.url, VISITOR);
    await page.goto(link ?? '');
    await page.reload();
    const orgId = new URL(link ?? '', host.url).hash.split('orgId=')[1];
    await expect(page.locator(visible('.e2e-field-orgId select')).inputValue()).resolves.toBe(orgId);
    await expect(page.locator(visible('.e2e-field-orgId .zb-select__value')).textContent()).resolves.toBe('第三党支部');
    await screenshot(page, 'admin-invite-declare');

    expect(errors).toEqual([]);
  });
});
