import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startHost, type HostOptions, type RunningHost } from './host';

/** Screenshots are test artefacts (kept out of git). */
export const ARTIFACTS = join(__dirname, '../../../test-artifacts/e2e');
mkdirSync(ARTIFACTS, { recursive: true });

/** Taro's H5 keeps pages one has navigated away from in the DOM, hidden: only look at visible ones. */
export const visible = (selector: string) => `${selector} >> visible=true`;

/** A phone-sized page of the app, with page errors failing the test that reads `errors`. */
export async function openPhone(browser: Browser, baseUrl: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(baseUrl);
  return { page, errors };
}

/** Switches the demo identity the way a user does: 我的 → 切换演示身份 → pick one; lands on 首页. */
export async function switchIdentity(page: Page, baseUrl: string, openid: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/mine/index`);
  await page.locator(visible('.e2e-dev-switch')).click();
  await page.locator(visible(`.e2e-dev-account-${openid}`)).click();
  await page.waitForFunction(() => !location.hash.includes('pages/mine'));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** The host and the browser one test file shares, started before its tests and stopped after. */
export function useHostAndBrowser(options: HostOptions = {}): { host: () => RunningHost; browser: () => Browser } {
  let host: RunningHost | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    host = await startHost(options);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not started`);
    return value;
  };
  return { host: () => ready(host, 'the host'), browser: () => ready(browser, 'the browser') };
}
