import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk';

/** Says loudly that the browser tests cannot run here; fails outright when E2E_REQUIRED=1 (CI). */
export function announceMissingChromium(): void {
  const banner = [
    '',
    '='.repeat(78),
    `  Browser tests need Debian's Chromium at ${CHROMIUM_PATH}, which is missing.`,
    `  Install it with:  ${INSTALL_HINT}`,
    '  The end-to-end tests are SKIPPED on this machine.',
    '='.repeat(78),
    '',
  ].join('\n');
  if (process.env.E2E_REQUIRED === '1') throw new Error(`Chromium missing and E2E_REQUIRED=1. ${INSTALL_HINT}`);
  console.warn(banner);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}
