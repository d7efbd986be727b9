import type { Page } from 'playwright-core';
import { openPhone, screenshot, switchIdentity, useHostAndBrowser, visible } from './support/app';
import { hasChromium } from './support/chromium';

jest.setTimeout(120000);
const describeInBrowser = hasChromium ? describe : describe.skip;

/**
 * Each visible tile title's lines, as the browser broke them: one string per line, from the
 * characters' own boxes (a line is the characters sharing a top).
 */
function titleLines(page: Page): Promise<{ title: string; lines: string[] }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.zb-tile__title'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const lines: { top: number; text: string }[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getBoundingClientRect();
            const line = lines.find((l) => Math.abs(l.top - rect.top) < rect.height / 2);
            if (line) line.text += text[i];
            else lines.push({ top: rect.top, text: text[i] });
          }
        }
        return { title: el.textContent ?? '', lines: lines.sort((a, b) => a.top - b.top).map((l) => l.text) };
      }),
  );
}

describeInBrowser('工作台 tile titles at 375 px', () => {
  const session = useHostAndBrowser();

  it('never leave one character alone on a line, in either text size', async () => {
    const [host, browser] = [session.host(), session.browser()];
    const { page, errors } = await openPhone(browser, host.url);
    await switchIdentity(page, host.url, 'demo-admin'); // sees the most tiles
    for (const care of [false, true]) {
      await page.evaluate((on) => localStorage.setItem('zhibu.careMode', JSON.stringify({ data: on })), care);
      await page.goto(`${host.url}/#/packages/secretary/pages/workbench/index`);
      await page.reload();
      await page.locator(visible('.zb-tile__title')).first().waitFor();
      const titles = await titleLines(page);
      expect(titles.length).toBeGreaterThan(6);
      const orphans = titles.filter((t) => t.lines.length > 1 && [...t.lines[t.lines.length - 1]].length === 1);
      expect({ care, orphans }).toEqual({ care, orphans: [] });
      await screenshot(page, `tile-titles${care ? '-care' : ''}`);
    }
    expect(errors).toEqual([]);
  });
});
