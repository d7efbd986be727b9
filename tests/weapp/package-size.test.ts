import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatSize, MAIN_PACKAGE_GOAL, MAIN_PACKAGE_LIMIT, packageSizes } from '../../scripts/deploy-plan';
import { appJson } from './support/weapp';
import { WEAPP_DIR } from './support/paths';

/**
 * The main package, which every launch downloads before the first page shows, measured as
 * `npm run deploy -- --dry-run` measures it: miniprogram-ci's analyseCode over the build (offline),
 * summed by package. The build is the weapp tests' own, from the same sources and config.
 */

function analyse(): { path: string; size: number; subPackage: string | null }[] {
  const result = spawnSync(process.execPath, [join(__dirname, 'support/analyse-code.cjs'), WEAPP_DIR], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`analyseCode failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '[]') as ReturnType<typeof analyse>;
}

const subpackageRoots = () => (appJson().subPackages ?? []).map((p) => p.root.replace(/\/+$/, ''));
const sizes = packageSizes(analyse());

it(`keeps the main package within the project's goal of ${MAIN_PACKAGE_GOAL / 1024} KB`, () => {
  if (sizes.main > MAIN_PACKAGE_GOAL)
    throw new Error(`main package ${formatSize(sizes.main)}: over the goal of ${formatSize(MAIN_PACKAGE_GOAL)}`);
  // The tab pages and the app's own scripts are in what was measured.
  expect(sizes.main).toBeGreaterThan(100 * 1024);
});

it("keeps every subpackage of app.json within WeChat's 2 MB limit", () => {
  const roots = subpackageRoots();
  expect(Object.keys(sizes.subpackages).sort()).toEqual([...roots].sort());
  for (const root of roots) expect(sizes.subpackages[root]).toBeLessThanOrEqual(MAIN_PACKAGE_LIMIT);
});

/** Every style file of the main package (the build but the subpackages' folders). */
function mainStyles(): string[] {
  const skip = new Set(subpackageRoots().map((root) => join(WEAPP_DIR, root)));
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (skip.has(path)) return [];
      if (statSync(path).isDirectory()) return walk(path);
      return path.endsWith('.wxss') ? [path] : [];
    });
  return walk(WEAPP_DIR);
}

it('carries no style prefixes for browsers WeChat does not render with (config: mini.postcss.autoprefixer)', () => {
  const styles = mainStyles();
  expect(styles.length).toBeGreaterThan(5);
  // What autoprefixer writes for iOS 8, Android 4 and IE's flexbox; WeChat renders with iOS's WebKit
  // and a recent Chromium (XWeb), which take the standard properties.
  for (const style of styles)
    expect(readFileSync(style, 'utf8')).not.toMatch(/display:-webkit-(inline-)?flex|-ms-flex/);
});
