import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(180000);
const describeInBrowser = hasChromium ? describe : describe.skip;

const CHINA_OFFSET_MS = 8 * 3600_000;
const STEP_MS = 10_000;
/** `YYYY-MM-DD` and `HH:mm` of an instant in China time. */
const chinaParts = (ms: number) => {
  const iso = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
};

const figure = async (page: Page, selector: string) =>
  Number(
    ((await page.locator(visible(selector)).first().textContent()) ?? '').replace('−', '-').replace(/[^\d-]/g, ''),
  );

interface MinePoints {
  totals: { year: number };
}

describeInBrowser('activity sign-in in the browser', () => {
  const session = useHostAndBrowser();
  const TITLE = '重温入党誓词主题党日';

  it('the secretary creates an activity and shows its code; a member signs in from the link; a stale code is refused; closing deducts the absent', async () => {
    const [host, browser] = [session.host(), session.browser()];

    // The secretary creates an activity that started a minute ago (closing is refused before the start;
    // a sign-in within the 5-minute grace is on time).
    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, 'demo-secretary');
    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/activities/index`);
    await secretary.page.locator(visible('.e2e-activity-new')).click();
    const form = secretary.page.locator(visible('.e2e-activity-form'));
    await form.locator('.e2e-activity-kind select').selectOption({ label: '主题党日' });
    await form.locator('.e2e-activity-title input').fill(TITLE);
    const start = Date.now() - 60_000;
    const end = start + 30 * 60_000;
    await form.locator('.e2e-activity-date input').fill(chinaParts(start).date);
    await form.locator('.e2e-activity-start input').fill(chinaParts(start).time);
    // Run late in the evening (China time), the activity ends the next day: the end date is among the
    // advanced fields, folded away until opened.
    if (chinaParts(end).date !== chinaParts(start).date) {
      await form.locator('.e2e-activity-advanced').click();
      await form.locator('.e2e-activity-end-date input').fill(chinaParts(end).date);
    }
    await form.locator('.e2e-activity-end input').fill(chinaParts(end).time);
    await form.locator('.e2e-activity-save').click();

    const code = secretary.page.locator(visible('.e2e-activity-code'));
    await code.waitFor();
    const firstToken = (await code.getAttribute('data-token')) ?? '';
    // The token does not carry its step: it was made at the latest in the step it was seen in.
    const firstSeenStep = Math.floor(Date.now() / STEP_MS);
    expect(firstToken).toMatch(/^[\w-]+\.[\w-]{11}$/);
    // The link is carried by the code (and offered as 复制签到链接), never printed under it.
    const link = (await code.getAttribute('data-url')) ?? '';
    expect(link).toBe(`${host.url}/checkin?t=${firstToken}`);
    await secretary.page.locator(visible('.e2e-activity-code-copy'), { hasText: '复制签到链接' }).waitFor();
    expect(await secretary.page.locator(visible('.zb-page')).first().textContent()).not.toContain('/checkin?t=');
    await secretary.page.locator(visible('.e2e-live-count'), { hasText: /^0$/ }).waitFor();
    await screenshot(secretary.page, 'activity-secretary-code');

    // A member, in a browser of their own, opens the code's link and is signed in.
    const member = await openPhone(browser, host.url);
    await switchIdentity(member.page, host.url, 'demo-member-2');
    await member.page.goto(link);
    const success = member.page.locator(visible('.e2e-checkin-success'));
    await success.waitFor();
    expect(await success.textContent()).toContain(TITLE);
    await screenshot(member.page, 'activity-member-signed-in');

    // The secretary's count follows without a reload.
    await secretary.page.locator(visible('.e2e-live-count'), { hasText: /^1$/ }).waitFor({ timeout: 15000 });
    // Someone signed in: 取消活动 says why it is not possible before any dialog opens, in the button's words.
    const blocked = secretary.page.locator(visible('.e2e-activity-cancel-blocked'));
    await blocked.waitFor();
    expect(await blocked.textContent()).toBe('已有 1 人签到，不能取消活动开始后请点「结束活动」');
    await secretary.page.locator(visible('.e2e-activity-cancel')).click({ force: true });
    expect(await secretary.page.locator(visible('.e2e-cancel-dialog')).count()).toBe(0);
    // The figures and the list tabs agree (an exempt member is 免参加 in both).
    const figures = (await secretary.page.locator(visible('.e2e-live-stats')).textContent()) ?? '';
    const tabs =
      (await secretary.page.locator(visible('.e2e-attendance-lists .e2e-segment-onLeave')).textContent()) ?? '';
    // The 请假 tab names what it holds (请假 N, 免参加 N, or 请假 N·免 M), with the figures' numbers.
    const shown = (label: string) => Number(new RegExp(`(\\d+)${label}`).exec(figures.replace(/\s/g, ''))?.[1] ?? 0);
    const inTab = (label: RegExp) => Number(label.exec(tabs)?.[1] ?? 0);
    expect(inTab(/请假 (\d+)/)).toBe(shown('请假'));
    expect(inTab(/免(?:参加)? (\d+)/)).toBe(shown('免参加'));
    expect(shown('免参加')).toBe(1); // the demo's exempt member: the case the counts and the tab once disagreed on
    await screenshot(secretary.page, 'activity-secretary-signed-in');

    // The first code is two steps old: refused as expired, for another member.
    const absentee = await openPhone(browser, host.url);
    await switchIdentity(absentee.page, host.url, 'demo-member-3');
    const wait = (firstSeenStep + 2) * STEP_MS - Date.now() + 200;
    if (wait > 0) await absentee.page.waitForTimeout(wait);
    await absentee.page.goto(`${host.url}/checkin?t=${firstToken}`);
    await absentee.page.locator(visible('.e2e-checkin-error-CODE_EXPIRED')).waitFor();
    await screenshot(absentee.page, 'activity-code-expired');
    // The code on the secretary's screen has moved on meanwhile.
    expect(await code.getAttribute('data-token')).not.toBe(firstToken);

    // Closing: demo-member-3 did not come and loses the absence points.
    const before = await apiAs<MinePoints>(host.url, 'demo-member-3', 'points', 'mine');
    await secretary.page.locator(visible('.e2e-activity-close')).click();
    await secretary.page.locator(visible('.e2e-close-dialog')).locator('.nut-dialog-footer-ok').click();
    const result = secretary.page.locator(visible('.e2e-close-result'));
    await result.waitFor();
    // The member who came, and the secretary who ran it.
    expect(await result.textContent()).toMatch(/2\s*出席/);
    await screenshot(secretary.page, 'activity-closed');

    const after = await apiAs<MinePoints>(host.url, 'demo-member-3', 'points', 'mine');
    expect(after.totals.year).toBe(before.totals.year - 2);
    await absentee.page.goto(`${host.url}/#/pages/points/index`);
    const deduction = absentee.page.locator(visible('.e2e-points-entry'), { hasText: `无故缺席主题党日「${TITLE}」` });
    await deduction.waitFor();
    expect(await deduction.textContent()).toContain('−2');
    expect(await figure(absentee.page, '.e2e-points-year')).toBe(after.totals.year);

    // The member who came kept their points and finds the closed activity under 往期, no longer 即将开始.
    await member.page.goto(`${host.url}/#/packages/member/pages/activities/index`);
    // The list has loaded once the demo's upcoming volunteer day shows.
    await member.page.locator(visible('.e2e-activity-card'), { hasText: '社区环境整治志愿服务' }).waitFor();
    expect(await member.page.locator(visible('.e2e-activity-card'), { hasText: TITLE }).count()).toBe(0);
    await member.page.locator(visible('.e2e-segment-past')).click();
    await member.page.locator(visible('.e2e-activity-card'), { hasText: TITLE }).waitFor();
    for (const page of [secretary, member, absentee]) expect(page.errors).toEqual([]);
  });
});
