import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(240000);
const describeInBrowser = hasChromium ? describe : describe.skip;

interface Progress {
  coveredS: number;
  position: number;
  completed: boolean;
}

const video = (page: Page) => page.locator(visible('.e2e-lecture-video')).locator('video');
const currentTime = (page: Page) => video(page).evaluate((element: HTMLVideoElement) => element.currentTime);
const barText = async (page: Page) => (await page.locator(visible('.e2e-lecture-bar')).textContent()) ?? '';
const clock = /\d{1,2}:\d{2}/g;
/**
 * Times shown on the page's player: the bar under it, and the video's own labels (the control bar,
 * the centre cover's length) where they are not hidden under the cover.
 */
async function playerTimes(page: Page): Promise<string[]> {
  // The video's own labels show its length once its metadata is in.
  await video(page).evaluate((element: HTMLVideoElement) =>
    element.readyState >= 1 ? undefined : new Promise((resolve) => element.addEventListener('loadedmetadata', resolve)),
  );
  await page.waitForTimeout(300);
  const covered = await page.locator(visible('.e2e-lecture-cover')).count();
  const own = covered
    ? ''
    : await page.locator(visible('.e2e-lecture-video')).evaluate((element) =>
        Array.from(element.querySelectorAll('.taro-video-bar, .taro-video-cover'))
          .filter((label) => getComputedStyle(label).visibility === 'visible')
          .map((label) => label.textContent ?? '')
          .join(' '),
      );
  return [...(await barText(page)).matchAll(clock), ...own.matchAll(clock)].map((m) => m[0]);
}
const progressOf = (url: string, openid: string, id: string) =>
  apiAs<{ progress: Progress }>(url, openid, 'lecture', 'get', { id }).then((d) => d.progress);
/** A screenshot once the page's slide-in transition is over. */
async function settledShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(700);
  await screenshot(page, name);
}
const mmss = (s: number) =>
  `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

describeInBrowser('the lecture player in the browser', () => {
  const session = useHostAndBrowser();

  it('shows where playback stopped at once, on the page and back on 学习, and resumes there from the hint', async () => {
    const host = session.host();
    const { page, errors } = await openPhone(session.browser(), host.url);
    await switchIdentity(page, host.url, 'demo-member-2');
    await page.goto(`${host.url}/#/pages/study/index`);
    await page.locator(visible('.e2e-lecture-card[data-id="lecture-1"]')).click();

    // A first visit: the cover whole, one button under it, and the length as the only time.
    await page.locator(visible('.e2e-lecture-start')).waitFor();
    expect(await playerTimes(page)).toEqual(['00:45']);
    await settledShot(page, 'lecture-player-first');
    await page.locator(visible('.e2e-lecture-start')).click();
    await page.locator(visible('.e2e-lecture-pause')).waitFor();
    await page.waitForTimeout(11000);

    // Paused at 00:11: the server has where it stopped, and 我的进度 says so as soon as it answers.
    await page.locator(visible('.e2e-lecture-pause')).click();
    await page.locator(visible('.e2e-lecture-play')).waitFor(); // a play button, paused mid-video
    const pausedAt = await currentTime(page);
    await page.waitForTimeout(1000);
    const paused = await progressOf(host.url, 'demo-member-2', 'lecture-1');
    expect(Math.abs(paused.position - pausedAt)).toBeLessThan(0.15);
    await page.waitForFunction(
      (covered) =>
        document.querySelector('.e2e-lecture-covered[data-covered]')?.getAttribute('data-covered') === covered,
      String(Math.floor(paused.coveredS + 1e-6)),
      { timeout: 3000 },
    );
    await settledShot(page, 'lecture-player-paused');

    // Playing on, then back to 学习 without pausing: 继续观看 shows where the player stopped.
    await page.locator(visible('.e2e-lecture-play')).click();
    await page.waitForTimeout(3000);
    await page.goBack();
    const card = page.locator(visible('.e2e-continue-item[data-id="lecture-1"]'));
    await card.waitFor();
    await page.waitForTimeout(1500);
    const left = await progressOf(host.url, 'demo-member-2', 'lecture-1');
    expect(left.position).toBeGreaterThan(paused.position + 2);
    expect(await card.locator('.e2e-continue-at').textContent()).toBe(`看到 ${mmss(left.position)} / 00:45`);
    const width = await card.evaluate((element) => element.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(300); // the only card fills the row
    await settledShot(page, 'lecture-player-study');

    // Reopened: one hint, 从 mm:ss 继续, and no other time on the player; tapping it plays on from there.
    await card.click();
    const resume = page.locator(visible('.e2e-lecture-resume'));
    await resume.waitFor();
    expect(await resume.textContent()).toContain(`从 ${mmss(left.position)} 继续`);
    expect(await playerTimes(page)).toEqual([mmss(left.position)]);
    await settledShot(page, 'lecture-player-resume');
    await resume.click();
    await page.locator(visible('.e2e-lecture-pause')).waitFor();
    await page.waitForTimeout(1500);
    expect(await currentTime(page)).toBeGreaterThanOrEqual(Math.floor(left.position));
    expect(await currentTime(page)).toBeLessThan(left.position + 4);
    expect((await barText(page)).match(clock)).toBeNull(); // playing: the times are the player's own
    await page.locator(visible('.e2e-lecture-pause')).click();
    expect(errors).toEqual([]);
  });

  it('at the end points to the quiz below the fold, and 去答题 scrolls to it', async () => {
    const host = session.host();
    // 赵丽娟 watched lecture-1 (45 s, with a quiz) up to 00:39 yesterday: just short of 90 %.
    const yesterday = new Date(Date.now() - 86400_000).toISOString();
    await host.store.create('lectureProgress', {
      _id: 'lecture-1:member-005',
      lectureId: 'lecture-1',
      memberId: 'member-005',
      name: '赵丽娟',
      branchId: 'org-branch-1',
      groupId: 'org-group-2',
      committeeId: 'org-committee',
      state: {
        intervals: [[0, 39]],
        coveredS: 39,
        position: 39,
        furthest: 39,
        lastBeat: { at: Date.parse(yesterday), position: 39, session: 'seed', playing: false },
        completedAt: null,
        rev: 3,
      },
      quiz: null,
      doneAt: null,
      points: null,
      startedAt: yesterday,
      watchedAt: yesterday,
    });
    const { page, errors } = await openPhone(session.browser(), host.url);
    await switchIdentity(page, host.url, 'demo-member-4');
    await page.goto(`${host.url}/#/packages/member/pages/lecture/index?id=lecture-1`);
    await page.locator(visible('.e2e-quiz-locked')).waitFor();
    await page.locator(visible('.e2e-lecture-resume')).click();

    // Played to the end: the bar says the quiz is next; the quiz itself is below the fold.
    const toQuiz = page.locator(visible('.e2e-lecture-to-quiz'));
    await toQuiz.waitFor({ timeout: 30000 });
    await page.locator(visible('.e2e-lecture-replay')).waitFor({ timeout: 30000 });
    expect(await barText(page)).toContain('已看完，答题后完成学习');
    const quiz = page.locator(visible('.e2e-quiz'));
    const viewport = page.viewportSize()?.height ?? 812;
    const before = await quiz.boundingBox();
    expect((before?.y ?? 0) + (before?.height ?? 0)).toBeGreaterThan(viewport); // its questions are out of sight
    await settledShot(page, 'lecture-player-ended');

    await toQuiz.click();
    await page.waitForFunction(
      (height) => {
        const box = document.querySelector('.e2e-quiz')?.getBoundingClientRect();
        return !!box && box.top >= 0 && box.top < height / 2;
      },
      viewport,
      { timeout: 3000 },
    );
    await settledShot(page, 'lecture-player-quiz');
    expect(errors).toEqual([]);
  });
});
