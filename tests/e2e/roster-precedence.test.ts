import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { ADMIN, SECRETARY } from '../support/demo';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

const LI_HONGMEI = 'member-001';
const LIU_YANG = 'member-004'; // 第一党支部, no role
/** 陈秀英 (第一党支部, bound as demo-member-2): made a committee admin below, so an admin sits in the branch. */
const CHEN_XIUYING = 'member-003';

const MEMBER_CONTROLS = {
  edit: '.e2e-member-edit',
  transfer: '.e2e-member-transfer',
  deactivate: '.e2e-member-deactivate',
};

async function countVisible(page: Page, selectors: Record<string, string>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, selector] of Object.entries(selectors))
    counts[name] = await page.locator(visible(selector)).count();
  return counts;
}

describeInBrowser('the member page shows only the changes the server would accept (roster.getMember allowed)', () => {
  const session = useHostAndBrowser();

  beforeAll(async () => {
    await apiAs(session.host().url, ADMIN, 'roster', 'grantRole', {
      orgId: 'org-committee',
      memberId: CHEN_XIUYING,
      role: 'admin',
    });
  });

  it('the secretary: a plain member in full; her own entry without 免参加, 调动 or 停用; the admin’s entry read-only', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, SECRETARY);
    // Taro's router keeps a page already in its stack with the old query: load each entry afresh.
    const open = async (id: string, name: string) => {
      await page.goto(`${host.url}/#/packages/secretary/pages/member/index?id=${id}`);
      await page.reload();
      await page.locator(visible('.e2e-member-detail-name'), { hasText: name }).waitFor();
    };
    const openEdit = async (id: string) => {
      await page.goto(`${host.url}/#/packages/secretary/pages/member-edit/index?id=${id}`);
      await page.reload();
      await page.locator(visible('.e2e-member-form')).waitFor();
    };

    // A plain member of her branch: every control, and the 免参加 switch on the form.
    await open(LIU_YANG, '刘洋');
    await page.locator(visible('.e2e-member-deactivate')).waitFor();
    expect(await countVisible(page, MEMBER_CONTROLS)).toEqual({ edit: 1, transfer: 1, deactivate: 1 });
    await openEdit(LIU_YANG);
    expect(await page.locator(visible('.e2e-member-exempt')).count()).toBe(1);

    // Her own entry: she corrects it, but never exempts, moves or deactivates herself.
    await open(LI_HONGMEI, '李红梅');
    await page.locator(visible('.e2e-member-edit')).waitFor();
    expect(await countVisible(page, MEMBER_CONTROLS)).toEqual({ edit: 1, transfer: 0, deactivate: 0 });
    await screenshot(page, 'roster-precedence-own-entry');
    await page.locator(visible('.e2e-member-edit')).click();
    await page.locator(visible('.e2e-member-form')).waitFor();
    await page.locator(visible('.e2e-member-save')).waitFor();
    expect(await page.locator(visible('.e2e-member-exempt')).count()).toBe(0);
    await screenshot(page, 'roster-precedence-own-edit');

    // The committee admin who sits in her branch: nothing to change, and the edit page says so.
    await open(CHEN_XIUYING, '陈秀英');
    expect(await countVisible(page, MEMBER_CONTROLS)).toEqual({ edit: 0, transfer: 0, deactivate: 0 });
    await screenshot(page, 'roster-precedence-admin-entry');
    await page.goto(`${host.url}/#/packages/secretary/pages/member-edit/index?id=${CHEN_XIUYING}`);
    await page.reload();
    await page.locator(visible('.e2e-member-edit-refused')).waitFor();
    expect(await page.locator(visible('.e2e-member-form')).count()).toBe(0);

    expect(errors).toEqual([]);
  });
});
