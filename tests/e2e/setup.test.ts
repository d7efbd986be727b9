import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;
const CODE = 'e2e-setup-code-7731';

describeInBrowser('初始化 of an empty database in the browser', () => {
  const session = useHostAndBrowser({ seed: false, setupCode: CODE });

  it('the first person sets up the committee and becomes its admin; afterwards the page is closed', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-visitor');
    await page.locator(visible('.e2e-setup-cta')).waitFor();
    await screenshot(page, 'setup-home');
    await page.locator(visible('.e2e-home-setup')).click();

    const form = page.locator(visible('.e2e-setup-form'));
    await form.waitFor();
    await form.locator('.e2e-field-code input').fill('wrong-code-000');
    await form.locator('.e2e-field-committeeName input').fill('城东街道党工委');
    await form.locator('.e2e-field-name input').fill('周建国');
    await form.locator('.e2e-field-phone input').fill('13912345678');
    await form.locator('.e2e-field-joinedAt input').fill('1998-07-01');
    await form.locator('.e2e-field-fullAt input').fill('1999-07-01');
    // Without the separate consent nothing is sent.
    await form.locator('.e2e-setup-submit').click();
    await form.locator('.e2e-setup-consent-error').waitFor();
    expect(await host.store.count('setupAttempts')).toBe(0);
    await form.locator('.e2e-setup-consent').click();
    await form.locator('.e2e-setup-submit').click();
    // The server's refusal is shown, and nothing was created.
    await page.getByText('初始化码不正确，还可尝试 4 次').first().waitFor();
    expect(await host.store.count('orgs')).toBe(0);

    await form.locator('.e2e-field-code input').fill(CODE);
    await screenshot(page, 'setup-form');
    await form.locator('.e2e-setup-submit').click();
    await page.locator(visible('.e2e-setup-done')).waitFor();
    await screenshot(page, 'setup-done');

    const [committee] = await host.store.query('orgs', { where: { kind: 'committee' } });
    expect(committee).toMatchObject({ name: '城东街道党工委' });
    const [audit] = await host.store.query('audit', { where: { action: 'setup' } });
    expect(audit.after).toMatchObject({ consent: { version: expect.any(String) } });
    const roles = await host.store.query('roles', { where: { openid: 'demo-visitor' } });
    expect(roles).toEqual([expect.objectContaining({ orgId: committee._id, role: 'admin' })]);

    // Home now greets the admin, and 初始化 is closed for good.
    await page.goto(`${host.url}/#/pages/index/index`);
    await page.getByText('周建国同志，您好').first().waitFor();
    await page.goto(`${host.url}/#/packages/admin/pages/setup/index`);
    await page.locator(visible('.e2e-setup-closed')).waitFor();
    expect(errors).toEqual([]);
  });
});
