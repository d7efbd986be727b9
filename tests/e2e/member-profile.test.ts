import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { SECRETARY } from '../support/demo';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

const LIU_YANG = 'member-004'; // 第一党支部 第二党小组, 入党 2016-11-10

/** Waits until `read` gives `expected` (compared as JSON), or fails with what it gave last. */
async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

describeInBrowser('更多信息（选填） on the secretary’s member form', () => {
  const session = useHostAndBrowser();

  it('the secretary fills them in, sees them on the member card and filters the roster by 党员分类', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, SECRETARY);
    await page.goto(`${host.url}/#/packages/secretary/pages/member-edit/index?id=${LIU_YANG}`);
    await page.reload();
    const form = page.locator(visible('.e2e-member-form'));
    await form.waitFor();

    // Collapsed for an entry without them, opened on a tap.
    expect(await form.locator('.e2e-member-profile').count()).toBe(0);
    await form.locator('.e2e-member-more').click();
    const more = form.locator('.e2e-member-profile');
    await more.waitFor();
    await more.locator('.e2e-profile-gender .zb-segmented__item', { hasText: '男' }).click();
    // Sixteen at 入党: refused on the field before anything is sent.
    await more.locator('.e2e-profile-birthDate input').fill('2000-01-01');
    await more.locator('.e2e-profile-ethnicity select').selectOption({ label: '回族' });
    await more.locator('.e2e-profile-education select').selectOption({ label: '大学本科' });
    await more.locator('.e2e-profile-workUnit input').fill('示范街道社区卫生服务中心');
    await more.locator('.e2e-profile-category', { hasText: '困难党员' }).click();
    await form.locator('.e2e-member-save').click();
    await expect(more.locator('.e2e-field-error').textContent()).resolves.toContain('入党须年满十八岁');
    expect((await host.store.get('members', LIU_YANG))?.birthDate).toBeUndefined();
    await screenshot(page, 'member-profile-form');

    await more.locator('.e2e-profile-birthDate input').fill('1990-03-08');
    await form.locator('.e2e-member-save').click();
    await until(async () => (await host.store.get('members', LIU_YANG))?.categories, ['困难党员']);
    expect(await host.store.get('members', LIU_YANG)).toMatchObject({
      gender: '男',
      birthDate: '1990-03-08',
      ethnicity: '回族',
      education: '大学本科',
      workUnit: '示范街道社区卫生服务中心',
    });

    await page.goto(`${host.url}/#/packages/secretary/pages/member/index?id=${LIU_YANG}`);
    await page.reload();
    const card = page.locator(visible('.e2e-member-detail'));
    await card.waitFor();
    const text = await card.textContent();
    for (const shown of ['男', '1990年3月8日', '回族', '大学本科', '示范街道社区卫生服务中心', '困难党员'])
      expect(text).toContain(shown);
    await screenshot(page, 'member-profile-card');

    await page.goto(`${host.url}/#/packages/secretary/pages/roster/index`);
    await page.reload();
    await page.locator(visible('.e2e-roster-list')).waitFor();
    await page.locator(visible('.e2e-roster-category select')).selectOption({ label: '困难党员' });
    await until(() => page.locator(visible('.e2e-roster-count')).textContent(), '共 1 人');
    await expect(page.locator(visible('.e2e-roster-list')).textContent()).resolves.toContain('刘洋');
    await page.locator(visible('.e2e-roster-category select')).selectOption({ label: '烈士遗属' });
    await page.locator(visible('.e2e-empty'), { hasText: '没有标记为「烈士遗属」的党员' }).waitFor();

    expect(errors).toEqual([]);
  });
});
