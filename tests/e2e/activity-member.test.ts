import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

const MIN = 60_000;
const VOLUNTEER = 'act-demo-volunteer'; // three days ahead, at 幸福里社区党群服务中心 (31.2304, 121.4737)

/** The secretary creates a 支部党员大会 of the whole branch through the API, started `minutesAgo` ago. */
async function createMeeting(baseUrl: string, title: string, minutesAgo: number): Promise<string> {
  const start = Date.now() - minutesAgo * MIN;
  const { id } = await apiAs<{ id: string }>(baseUrl, 'demo-secretary', 'activity', 'create', {
    orgId: 'org-branch-1',
    kind: 'party_congress',
    title,
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 90 * MIN).toISOString(),
  });
  return id;
}

const codeLink = async (baseUrl: string, id: string) =>
  (await apiAs<{ url: string }>(baseUrl, 'demo-secretary', 'activity', 'code', { id })).url;

const text = async (page: Page, selector: string) =>
  ((await page.locator(visible(selector)).first().textContent()) ?? '').trim();

describeInBrowser('the member’s side of activities in the browser', () => {
  const session = useHostAndBrowser();

  it('the sign-in result fills the screen: 签到成功, the activity, the time with 迟到 in minutes, the points; a repeat says 已签到 once, without points', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const title = '迟到测试支部党员大会';
    // Started 7½ minutes ago: past the 5-minute grace, so 迟到 7 分钟.
    const id = await createMeeting(host.url, title, 7.5);
    const member = await openPhone(browser, host.url);
    await switchIdentity(member.page, host.url, 'demo-member-2');
    await member.page.goto(await codeLink(host.url, id));

    const success = member.page.locator(visible('.e2e-checkin-success'));
    await success.waitFor();
    expect(await text(member.page, '.e2e-checkin-heading')).toBe('签到成功');
    expect(await text(member.page, '.e2e-checkin-title')).toBe(title);
    expect(await text(member.page, '.e2e-checkin-status')).toMatch(/^\d{2}:\d{2} 签到 · 迟到 [78] 分钟$/);
    expect(await text(member.page, '.e2e-checkin-points')).toBe('+2 分');
    // Full screen: the result takes the phone's height, not a card with space around it.
    const box = await success.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(812 * 0.85);
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(375 - 2 * 24);
    await screenshot(member.page, 'checkin-result-late');

    // Scanning again: 已签到 once, the first time once, and no points shown as if awarded again.
    const firstTime = (await text(member.page, '.e2e-checkin-status')).slice(0, 5);
    await member.page.goto(`${host.url}/#/pages/index/index`);
    await member.page.goto(await codeLink(host.url, id));
    const repeat = member.page.locator(visible('.e2e-checkin-repeat'));
    await repeat.waitFor();
    const all = (await repeat.textContent()) ?? '';
    expect(await text(member.page, '.e2e-checkin-heading')).toBe('已签到');
    expect(all.match(/已签到/g)).toHaveLength(1);
    expect(all.split(firstTime)).toHaveLength(2);
    expect(all).not.toMatch(/\+\s*2/);
    expect(await member.page.locator(visible('.e2e-checkin-points')).count()).toBe(0);
    expect(await text(member.page, '.e2e-checkin-already')).toBe('重复扫码不会重复计分');
    await screenshot(member.page, 'checkin-result-repeat');
    expect(member.errors).toEqual([]);
  });

  it('in 关怀模式 the secretary’s 编辑 and 取消活动 keep their labels on one line', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const id = await createMeeting(host.url, '关怀模式下的支部党员大会', -60);
    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, 'demo-secretary');
    // 关怀模式 as 我的 stores it (Taro's H5 storage).
    await secretary.page.evaluate(() => localStorage.setItem('zhibu.careMode', JSON.stringify({ data: true })));
    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/activity/index?id=${id}`);
    await secretary.page.reload();
    await secretary.page.locator(visible('.zb-care')).first().waitFor();
    const cancel = secretary.page.locator(visible('.e2e-activity-cancel'));
    await cancel.waitFor();
    await cancel.scrollIntoViewIfNeeded();
    await screenshot(secretary.page, 'activity-secretary-care');
    for (const button of [cancel, secretary.page.locator(visible('.e2e-activity-edit'))]) {
      // The label's lines: the distinct tops of its text's boxes.
      const lines = await button.evaluate((el) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const tops = new Set<number>();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of Array.from(range.getClientRects())) tops.add(Math.round(rect.top));
        }
        return tops.size;
      });
      expect(lines).toBe(1);
      // Not clipped: the label fits inside the button.
      expect(await button.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    }
    expect(secretary.errors).toEqual([]);
  });

  it('a member asks for leave and withdraws it before the activity; the place opens in a map', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const member = await openPhone(browser, host.url);
    await switchIdentity(member.page, host.url, 'demo-member-2');
    await member.page.goto(`${host.url}/#/pages/activity/index?id=${VOLUNTEER}`);
    await member.page.locator(visible('.e2e-activity-detail')).waitFor();

    // 导航: a map link at the activity's coordinates (WeChat opens its own map instead).
    const navigate = member.page.locator(visible('.e2e-activity-navigate'));
    expect(await navigate.getAttribute('data-href')).toContain('position=121.4737,31.2304');
    await screenshot(member.page, 'activity-member-place');

    await member.page.locator(visible('.e2e-activity-leave')).click();
    const dialog = member.page.locator(visible('.e2e-leave-dialog'));
    await dialog.locator('.e2e-leave-reason textarea').fill('单位临时安排出差');
    await dialog.locator('.nut-dialog-footer-ok').click();
    const withdraw = member.page.locator(visible('.e2e-activity-withdraw-leave'));
    await withdraw.waitFor();
    await member.page.locator(visible('.e2e-activity-detail'), { hasText: '请假待审批' }).waitFor();
    await screenshot(member.page, 'activity-member-leave-pending');

    await withdraw.click();
    await expect(member.page.locator(visible('.taro-modal__content')).textContent()).resolves.toContain('撤回');
    await member.page.locator(visible('.taro-model__confirm')).click();
    // Back to asking: the request is gone here and on the secretary's list.
    await member.page.locator(visible('.e2e-activity-leave')).waitFor();
    expect(await member.page.locator(visible('.e2e-activity-withdraw-leave')).count()).toBe(0);
    expect(await member.page.locator(visible('.e2e-activity-detail'), { hasText: '请假待审批' }).count()).toBe(0);
    const pending = await apiAs<{ items: Array<{ activityId: string }> }>(
      host.url,
      'demo-secretary',
      'activity',
      'leaves',
      { orgId: 'org-branch-1' },
    );
    expect(pending.items.filter((l) => l.activityId === VOLUNTEER)).toEqual([]);
    expect(member.errors).toEqual([]);
  });

  it('a member approved after an activity was created finds it and signs in to it', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const title = '新党员参加的支部党员大会';
    const id = await createMeeting(host.url, title, 1);

    // 亮身份 after the activity was created, approved by the secretary.
    const declared = await apiAs<{ id: string }>(host.url, 'demo-visitor', 'identity', 'declare', {
      name: '张卫东',
      phone: '13800138000',
      partyStatus: 'full',
      joinedAt: '2015-11-24',
      fullAt: '2016-11-24',
      orgId: 'org-branch-1',
      consent: true,
    });
    await apiAs(host.url, 'demo-secretary', 'identity', 'review', { id: declared.id, decision: 'approve' });

    const member = await openPhone(browser, host.url);
    await switchIdentity(member.page, host.url, 'demo-visitor');
    await member.page.goto(`${host.url}/#/packages/member/pages/activities/index`);
    const card = member.page.locator(visible('.e2e-activity-card'), { hasText: title });
    await card.waitFor();
    await screenshot(member.page, 'activity-new-member-list');

    await member.page.goto(await codeLink(host.url, id));
    await member.page.locator(visible('.e2e-checkin-success')).waitFor();
    expect(await text(member.page, '.e2e-checkin-title')).toBe(title);
    expect(await text(member.page, '.e2e-checkin-points')).toBe('+2 分');

    const live = await apiAs<{ signedIn: Array<{ name: string }> }>(host.url, 'demo-secretary', 'activity', 'live', {
      id,
    });
    expect(live.signedIn.map((i) => i.name)).toContain('张卫东');
    expect(member.errors).toEqual([]);
  });
});
