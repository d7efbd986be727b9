import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

describeInBrowser('亮身份 in the browser', () => {
  const session = useHostAndBrowser();

  it('a visitor declares, the secretary approves, the member sees the identity card', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const visitor = await openPhone(browser, host.url);
    await switchIdentity(visitor.page, host.url, 'demo-visitor');
    await visitor.page.locator(visible('.e2e-declare-cta')).waitFor();
    await visitor.page.locator(visible('.e2e-home-declare')).click();

    const form = visitor.page.locator(visible('.e2e-declare-form'));
    await form.waitFor();
    await form.locator('.e2e-field-name input').fill('欧阳明辉');
    await form.locator('.e2e-field-phone input').fill('13655558888');
    await form.locator('.e2e-segment-full').click();
    await form.locator('.e2e-field-joinedAt input').fill('2009-06-20');
    await form.locator('.e2e-field-fullAt input').fill('2010-06-20');
    await form.locator('.e2e-field-orgId select').selectOption({ label: '第一党支部' });
    await screenshot(visitor.page, 'declare-form');
    // Separate consent (PIPL Art. 29): unticked at first, and nothing is sent without it.
    expect(await form.locator('.e2e-declare-consent').getAttribute('aria-checked')).toBe('false');
    await form.locator('.e2e-declare-submit').click();
    await form.locator('.e2e-declare-consent-error').waitFor();
    await form.locator('.e2e-declare-consent').click();
    await form.locator('.e2e-declare-submit').click();
    await visitor.page.locator(visible('.e2e-declaration-pending')).waitFor();
    await screenshot(visitor.page, 'declare-pending');

    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, 'demo-secretary');
    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/review/index`);
    const item = secretary.page.locator(visible('.e2e-review-item'), { hasText: '欧阳明辉' });
    await item.waitFor();
    await screenshot(secretary.page, 'review-list');
    await item.locator('.e2e-review-approve').click();
    await secretary.page.locator(visible('.e2e-approve-dialog .nut-dialog-footer-ok')).click();
    await item.waitFor({ state: 'detached' });

    const [declaration] = await host.store.query('declarations', {
      where: { name: '欧阳明辉' },
    });
    expect(declaration.status).toBe('approved');
    const member = await host.store.get('members', declaration.memberId ?? '');
    expect(member).toMatchObject({ name: '欧阳明辉', branchId: 'org-branch-1', openid: 'demo-visitor' });

    await visitor.page.goto(`${host.url}/#/packages/member/pages/card/index`);
    await visitor.page.reload(); // a fresh start on the card, as when the member opens the app
    const card = visitor.page.locator(visible('.e2e-identity-card'));
    await card.waitFor();
    await expect(card.locator('.e2e-card-name').textContent()).resolves.toContain('欧阳明辉');
    await expect(card.textContent()).resolves.toContain('第一党支部');
    // 转正 on 2010-06-20: whole years until today in China.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const years = Number(today.slice(0, 4)) - 2010 - (today.slice(5) < '06-20' ? 1 : 0);
    await expect(card.locator('.e2e-card-years').textContent()).resolves.toContain(String(years));
    await expect(card.textContent()).resolves.toContain('我是共产党员');
    await visitor.page.waitForTimeout(400); // let the page's entrance transition finish for the screenshot
    await screenshot(visitor.page, 'identity-card');

    expect(visitor.errors).toEqual([]);
    expect(secretary.errors).toEqual([]);
  });
});
