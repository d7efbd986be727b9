import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(150000);
const describeInBrowser = hasChromium ? describe : describe.skip;

describeInBrowser('流动党员 in the browser', () => {
  const session = useHostAndBrowser();

  it('a visitor declares as 流动党员; the admin must choose a branch, approves, and the card shows that branch', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const NAME = '司马云帆';
    const OUTSIDE = '浙江省宁波市某物流公司党支部';

    const visitor = await openPhone(browser, host.url);
    await switchIdentity(visitor.page, host.url, 'demo-visitor');
    await visitor.page.locator(visible('.e2e-home-declare')).click();
    const form = visitor.page.locator(visible('.e2e-declare-form'));
    await form.waitFor();
    await form.locator('.e2e-field-name input').fill(NAME);
    await form.locator('.e2e-field-phone input').fill('13966660101');
    await form.locator('.e2e-segment-full').click();
    await form.locator('.e2e-field-joinedAt input').fill('2012-07-01');
    await form.locator('.e2e-field-fullAt input').fill('2013-07-01');
    await form.locator('.e2e-segment-outside').click();
    await form.locator('.e2e-field-externalOrg input').fill(OUTSIDE);
    await form.locator('.e2e-declare-consent').click();
    await form.locator('.e2e-declare-submit').click();
    await visitor.page.locator(visible('.e2e-declaration-pending')).waitFor();

    const admin = await openPhone(browser, host.url);
    await switchIdentity(admin.page, host.url, 'demo-admin');
    await admin.page.goto(`${host.url}/#/packages/secretary/pages/review/index`);
    const item = admin.page.locator(visible('.e2e-review-item'), { hasText: NAME });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain(OUTSIDE);
    await item.locator('.e2e-review-approve').click();

    const dialog = admin.page.locator(visible('.e2e-approve-dialog'));
    const picker = dialog.locator('.e2e-approve-org select');
    await picker.waitFor();
    // The admin's scope: every branch of the committee (each with its groups), not the committee itself.
    const choices = await picker.locator('option').allTextContents();
    expect(choices).toEqual(expect.arrayContaining(['第一党支部', '第二党支部', '第一党支部 · 第一党小组']));
    expect(choices).not.toContain('示范党委');

    // Confirming without a branch says what is missing and approves nothing.
    await dialog.locator('.nut-dialog-footer-ok').click();
    await expect(dialog.locator('.e2e-field-error').textContent()).resolves.toContain('请选择编入的党支部');
    const [pending] = await host.store.query('declarations', { where: { name: NAME } });
    expect(pending.status).toBe('pending');
    await screenshot(admin.page, 'floating-member-approve');

    await picker.selectOption({ label: '第二党支部' });
    await dialog.locator('.nut-dialog-footer-ok').click();
    await item.waitFor({ state: 'detached' });

    const [approved] = await host.store.query('declarations', { where: { name: NAME } });
    expect(approved.status).toBe('approved');
    const member = await host.store.get('members', approved.memberId as string);
    expect(member).toMatchObject({ branchId: 'org-branch-2', externalOrg: OUTSIDE, openid: 'demo-visitor' });

    await visitor.page.goto(`${host.url}/#/packages/member/pages/card/index`);
    await visitor.page.reload();
    const card = visitor.page.locator(visible('.e2e-identity-card'));
    await card.waitFor();
    await expect(card.locator('.e2e-card-name').textContent()).resolves.toContain(NAME);
    await expect(card.textContent()).resolves.toContain('第二党支部');
    await screenshot(visitor.page, 'floating-member-card');

    expect(visitor.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });
});
