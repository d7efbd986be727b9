import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { announceMissingChromium, hasChromium } from './support/chromium';

const root = join(__dirname, '..', '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the H5 app when it is missing or older than its sources, so the browser tests run the current code. */
export default async function globalSetup(): Promise<void> {
  if (!hasChromium) {
    announceMissingChromium();
    return;
  }
  const index = join(root, 'dist/h5/index.html');
  const stale =
    !existsSync(index) ||
    newestMtime(join(root, 'src')) > statSync(index).mtimeMs ||
    newestMtime(join(root, 'config')) > statSync(index).mtimeMs;
  if (!stale) return;
  console.log('\nBuilding the H5 app for the browser tests…');
  // jest sets NODE_ENV=test, which would make Babel add React Refresh hooks without their runtime.
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('taro build --type h5 failed');
}
