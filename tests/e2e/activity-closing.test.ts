import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

const MIN = 60_000;
/** The secretary (李红梅, member-001), the officer 王志强 (member-002), 陈秀英 (member-003), 刘洋 (member-004). */
const EXPECTED = ['member-001', 'member-002', 'member-003', 'member-004'];

interface AttendanceItem {
  memberId: string;
  status: string;
}

/** The secretary creates a 支部党员大会 through the API, starting `startInMin` minutes from now. */
const createMeeting = async (baseUrl: string, title: string, startInMin: number) => {
  const start = Date.now() + startInMin * MIN;
  const { id } = await apiAs<{ id: string }>(baseUrl, 'demo-secretary', 'activity', 'create', {
    orgId: 'org-branch-1',
    kind: 'party_congress',
    title,
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 90 * MIN).toISOString(),
    expectedMemberIds: EXPECTED,
  });
  return id;
};

const openCloseDialog = async (page: Page, baseUrl: string, id: string) => {
  await page.goto(`${baseUrl}/#/packages/secretary/pages/activity/index?id=${id}`);
  await page.locator(visible('.e2e-activity-close')).click();
  return page.locator(visible('.e2e-close-dialog'));
};

describeInBrowser('closing an activity in the browser', () => {
  const session = useHostAndBrowser();

  it('before the start the close is refused with the reason; before the end the dialog counts the absent; the organiser is present, not 缺席', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, 'demo-secretary');

    // Sign-in is open (it opens 30 minutes before), but the meeting has not started: refused.
    const early = await createMeeting(host.url, '尚未开始的支部党员大会', 10);
    let dialog = await openCloseDialog(secretary.page, host.url, early);
    const refused = dialog.locator('.e2e-close-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toBe('活动尚未开始，不能结束；如不再举行请取消活动');
    await dialog.locator('.nut-dialog-footer-ok').click();
    await secretary.page.waitForTimeout(500);
    expect(await secretary.page.locator(visible('.e2e-close-result')).count()).toBe(0);
    await screenshot(secretary.page, 'activity-close-refused');
    const stillOpen = await apiAs<{ phase: string }>(host.url, 'demo-secretary', 'activity', 'get', { id: early });
    expect(stillOpen.phase).not.toBe('closed');

    // Started two minutes ago: 陈秀英 signs in; 王志强 and 刘洋 have not. The secretary ran it.
    const started = await createMeeting(host.url, '已开始的支部党员大会', -2);
    const { token } = await apiAs<{ token: string }>(host.url, 'demo-secretary', 'activity', 'code', { id: started });
    await apiAs(host.url, 'demo-member-2', 'activity', 'checkin', { token });
    dialog = await openCloseDialog(secretary.page, host.url, started);
    const preview = dialog.locator('.e2e-close-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('结束后将有 2 人记为缺席并扣分');
    expect(await preview.textContent()).toContain('组织者李红梅记为出席');
    await screenshot(secretary.page, 'activity-close-preview');
    await dialog.locator('.nut-dialog-footer-ok').click();
    const result = secretary.page.locator(visible('.e2e-close-result'));
    await result.waitFor();
    expect(await result.textContent()).toMatch(/2\s*出席/);
    expect(await result.textContent()).toMatch(/2\s*缺席/);

    const { items } = await apiAs<{ items: AttendanceItem[] }>(host.url, 'demo-secretary', 'activity', 'attendance', {
      id: started,
    });
    const status = new Map(items.map((i) => [i.memberId, i.status]));
    expect(Object.fromEntries(status)).toEqual({
      'member-001': 'present',
      'member-002': 'absent',
      'member-003': 'present',
      'member-004': 'absent',
    });
    // Closed: no longer among 陈秀英's 即将开始.
    const upcoming = await apiAs<{ items: Array<{ id: string }> }>(host.url, 'demo-member-2', 'activity', 'mine', {
      scope: 'upcoming',
    });
    expect(upcoming.items.map((i) => i.id)).not.toContain(started);
    expect(secretary.errors).toEqual([]);
  });

  it('the form says an activity expecting fewer than 3 members awards no points', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, 'demo-secretary');
    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/activity-edit/index?orgId=org-branch-1`);
    const form = secretary.page.locator(visible('.e2e-activity-form'));
    await form.waitFor();
    const hint = form.locator(visible('.e2e-activity-few-members'));
    // Everyone in the branch is expected by default: no hint.
    expect(await hint.count()).toBe(0);
    await form.locator('.e2e-activity-all-members').click();
    await form.locator(visible('.e2e-record-select-all'), { hasText: '全不选' }).click();
    await form.locator(visible('.e2e-record-count'), { hasText: '已选 0 人' }).waitFor();
    const members = form.locator(visible('.e2e-record-member'));
    await members.nth(0).click();
    await members.nth(1).click();
    await hint.waitFor();
    expect(await hint.textContent()).toBe('应到人数少于 3 人，本活动不计积分');
    await screenshot(secretary.page, 'activity-form-few-members');
    await members.nth(2).click();
    await form.locator(visible('.e2e-record-count'), { hasText: '已选 3 人' }).waitFor();
    expect(await hint.count()).toBe(0);
    expect(secretary.errors).toEqual([]);
  });
});
