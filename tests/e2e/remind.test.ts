import type { LectureOutputs, NoticeOutputs } from '../../contracts';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';
import { MEMBER, SECRETARY } from '../support/demo';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;
const MIN = 60_000;

const noticesOf = async (baseUrl: string, openid: string, kind: string) =>
  (await apiAs<NoticeOutputs['list']>(baseUrl, openid, 'notice', 'list')).items.filter((n) => n.kind === kind);

describeInBrowser('a secretary’s one-tap reminders', () => {
  const session = useHostAndBrowser();

  it('提醒未签到 while signing in is open reaches a member who has not signed in, once', async () => {
    const [host, browser] = [session.host(), session.browser()];
    // Starts in ten minutes: signing in opened twenty minutes ago.
    const start = Date.now() + 10 * MIN;
    const { id } = await apiAs<{ id: string }>(host.url, SECRETARY, 'activity', 'create', {
      orgId: 'org-branch-1',
      kind: 'theme_day',
      title: '提醒签到主题党日',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 90 * MIN).toISOString(),
    });
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, SECRETARY);
    await page.goto(`${host.url}/#/packages/secretary/pages/activity/index?id=${id}`);
    const button = page.locator(visible('.e2e-remind-checkin'));
    await button.waitFor();
    await expect(button.textContent()).resolves.toMatch(/提醒未签到（\d+ 人）/);
    await button.click();
    await page.locator('text=/已提醒 \\d+ 人/').waitFor();
    await screenshot(page, 'remind-checkin');
    const told = (await noticesOf(host.url, MEMBER, 'activity.remind')).filter((n) =>
      n.title.startsWith('提醒签到主题党日'),
    );
    expect(told).toHaveLength(1);
    // At once again: nobody is told twice.
    await button.click();
    await page.locator('text=刚刚已提醒过，请稍后再试').waitFor();
    expect(errors).toEqual([]);
  });

  it('提醒未学习 on 学习统计 reaches the members who have not finished the lecture', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, SECRETARY);
    await page.goto(`${host.url}/#/packages/secretary/pages/study/index`);
    const button = page.locator(visible('.e2e-remind-study'));
    await button.waitFor();
    const count = Number(/（(\d+) 人）/.exec((await button.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await button.click();
    await page.locator(`text=已提醒 ${count} 人`).waitFor();
    const lectureTitle = (await page.locator(visible('.e2e-lecture-stats-lecture')).textContent()) ?? '';
    const { items } = await apiAs<LectureOutputs['manage']>(host.url, SECRETARY, 'lecture', 'manage', {
      orgId: 'org-branch-1',
    });
    const lecture = items.find((l) => lectureTitle.includes(l.title));
    expect(lecture).toBeDefined();
    const stats = await apiAs<LectureOutputs['stats']>(host.url, SECRETARY, 'lecture', 'stats', {
      id: lecture?.id,
      orgId: 'org-branch-1',
    });
    const memberDone = stats.items.find((i) => i.memberId === 'member-003')?.completed;
    const told = (await noticesOf(host.url, MEMBER, 'lecture.remind')).length;
    expect(told).toBe(memberDone ? 0 : 1);
    expect(errors).toEqual([]);
  });
});
