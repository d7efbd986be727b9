import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(240000);
const describeInBrowser = hasChromium ? describe : describe.skip;

interface LectureState {
  coveredS: number;
  completed: boolean;
}

/** Starts the page's video, muted, as a tap on play would (the player's own handlers run). */
async function play(page: Page): Promise<void> {
  const video = page.locator(visible('.e2e-lecture-video')).locator('video');
  await video.waitFor();
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
  });
}

const currentTime = (page: Page) =>
  page
    .locator(visible('.e2e-lecture-video'))
    .locator('video')
    .evaluate((element: HTMLVideoElement) => element.currentTime);

describeInBrowser('微党课 in the browser', () => {
  const session = useHostAndBrowser();

  it('a member watches a lecture to the end and earns its point; the secretary sees it; skipping ahead earns nothing', async () => {
    const [host, browser] = [session.host(), session.browser()];

    // 陈秀英 plays lecture-2 (60 s) to the end: real playback, heartbeats every 10 s.
    const member = await openPhone(browser, host.url);
    await switchIdentity(member.page, host.url, 'demo-member-2');
    await member.page.goto(`${host.url}/#/pages/study/index`);
    await member.page.locator(visible('.e2e-lecture-card[data-id="lecture-2"]')).click();
    await play(member.page);

    // Meanwhile 刘洋, in a second browser, jumps from a few seconds in to near the end of lecture-4.
    const skipper = await openPhone(browser, host.url);
    await switchIdentity(skipper.page, host.url, 'demo-member-3');
    await skipper.page.goto(`${host.url}/#/packages/member/pages/lecture/index?id=lecture-4`);
    await play(skipper.page);
    await skipper.page.waitForTimeout(4000);
    await skipper.page
      .locator(visible('.e2e-lecture-video'))
      .locator('video')
      .evaluate((element: HTMLVideoElement) => {
        element.currentTime = 85;
      });
    await skipper.page.waitForTimeout(1500);
    expect(await currentTime(skipper.page)).toBeLessThan(20); // the player sends it back
    // A tampered client reporting the jump anyway is not credited by the server either.
    const jumped = await apiAs<LectureState>(host.url, 'demo-member-3', 'lecture', 'heartbeat', {
      id: 'lecture-4',
      position: 88,
      playing: true,
    });
    expect(jumped.coveredS).toBeLessThan(15);
    expect(jumped.completed).toBe(false);
    await screenshot(skipper.page, 'lecture-skip-refused');
    // 刘洋 stops there: what he really watched (a few seconds) is all he has.
    await skipper.page
      .locator(visible('.e2e-lecture-video'))
      .locator('video')
      .evaluate((element: HTMLVideoElement) => element.pause());

    await member.page.locator(visible('.e2e-lecture-done')).waitFor({ timeout: 120000 });
    await screenshot(member.page, 'lecture-completed');
    const watched = await apiAs<LectureState>(host.url, 'demo-member-2', 'lecture', 'get', { id: 'lecture-2' });
    expect(watched.completed).toBe(true);
    expect(watched.coveredS).toBeGreaterThanOrEqual(54);
    const points = await apiAs<{ entries: { items: Array<{ reason: string; value: number }> } }>(
      host.url,
      'demo-member-2',
      'points',
      'mine',
    );
    expect(points.entries.items).toContainEqual(
      expect.objectContaining({ reason: expect.stringContaining('牢记初心使命'), value: 1 }),
    );

    // The secretary's table shows 陈秀英 complete and 刘洋 not.
    const secretary = await openPhone(browser, host.url);
    await switchIdentity(secretary.page, host.url, 'demo-secretary');
    await secretary.page.goto(`${host.url}/#/packages/secretary/pages/study/index?id=lecture-2`);
    const done = secretary.page.locator(visible('.e2e-lecture-stats-row[data-member="member-003"]'));
    await done.waitFor();
    expect(await done.textContent()).toContain('已完成');
    // Progress as a share of the lecture, not as time watched: complete means at least 90 % covered
    // (the member's player may still be crediting the last seconds, so not necessarily 100 %).
    const shown = (await done.locator('.e2e-lecture-stats-progress').textContent()) ?? '';
    expect(shown).toMatch(/^\d{2,3}%$/);
    expect(Number.parseInt(shown, 10)).toBeGreaterThanOrEqual(90);
    expect(Number.parseInt(shown, 10)).toBeLessThanOrEqual(100);
    await screenshot(secretary.page, 'lecture-stats');

    const skipped = await apiAs<LectureState>(host.url, 'demo-member-3', 'lecture', 'get', { id: 'lecture-4' });
    expect(skipped.completed).toBe(false);
    expect(skipped.coveredS).toBeLessThan(15);
    for (const page of [member, skipper, secretary]) expect(page.errors).toEqual([]);
  });
});
