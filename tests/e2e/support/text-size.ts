import type { Page } from 'playwright-core';

export interface Measure {
  chars: number;
  small: number;
  /** Characters by computed font size, e.g. { "14px": 120 }. */
  sizes: Record<string, number>;
}

/**
 * Counts the visible text characters (whitespace aside) on screen and in the page below the fold, and
 * those whose computed font size is under `bodyPx`; the tab bar's labels are not counted.
 */
export function measureText(page: Page, bodyPx: number): Promise<Measure> {
  return page.evaluate((limit) => {
    const result: Measure = { chars: 0, small: 0, sizes: {} };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const count = (node.textContent ?? '').replace(/\s+/g, '').length;
      const element = node.parentElement;
      if (!count || !element) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      // The tab bar is WeChat's own in the mini-program (setTabBarStyle sets no font size): the H5
      // imitation's 10 px labels say nothing about our pages, and would make the share depend on them.
      if (element.closest('.weui-tabbar')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      const key = `${Math.round(size * 10) / 10}px`;
      result.sizes[key] = (result.sizes[key] ?? 0) + count;
      result.chars += count;
      if (size < limit - 0.01) result.small += count;
    }
    return result;
  }, bodyPx);
}

interface Probes {
  e2ePending: number;
  e2eStanding: (route: string) => boolean;
}

/**
 * Installed in the page before the app: counts the app's requests on their way (it calls the host with
 * `fetch`), and tells whether the page at a route stands (shown, no skeleton, nothing pending).
 */
export function installProbes(): void {
  const probes = window as unknown as Window & Probes;
  const original = window.fetch.bind(window);
  probes.e2ePending = 0;
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    probes.e2ePending += 1;
    try {
      return await original(...args);
    } finally {
      probes.e2ePending -= 1;
    }
  };
  probes.e2eStanding = (route) => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find(
      (el) => el.id.startsWith(`${route}?`) && el.checkVisibility(),
    );
    return (
      !!shown?.innerText.trim() &&
      probes.e2ePending === 0 &&
      !Array.from(document.querySelectorAll<HTMLElement>('.e2e-loading')).some((el) => el.checkVisibility())
    );
  };
}

/** Waits until the page at `path` stands, and still does once the browser has painted twice (effects ran). */
export async function settled(page: Page, path: string): Promise<void> {
  const route = `/${path.split('?')[0]}`;
  for (;;) {
    await page
      .waitForFunction((at) => (window as unknown as Probes).e2eStanding(at), route)
      .catch(async (error) => {
        const state = await page.evaluate(() => ({
          pending: (window as unknown as Probes).e2ePending,
          pages: Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).map(
            (el) => `${el.id} shown=${el.checkVisibility()} text=${el.innerText.trim().length}`,
          ),
          loading: document.querySelectorAll('.e2e-loading').length,
        }));
        throw new Error(`${route} does not stand: ${JSON.stringify(state)}\n${String(error)}`);
      });
    const still = await page.evaluate(
      (at) =>
        new Promise<boolean>((done) =>
          requestAnimationFrame(() => requestAnimationFrame(() => done((window as unknown as Probes).e2eStanding(at)))),
        ),
      route,
    );
    if (still) return;
  }
}
