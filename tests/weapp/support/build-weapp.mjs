// Builds the mini-program into the weapp tests' own folder unless a build newer than every source
// file is there. Run under `flock /tmp/zhibu-weapp.lock` (tests/weapp/global-setup.ts does), so that
// the check and the build are one step for concurrent runs. Usage: node build-weapp.mjs <root> <outDir>
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [root, outDir] = process.argv.slice(2);
if (!root || !outDir) throw new Error('usage: build-weapp.mjs <root> <outDir>');

/** Everything the weapp build reads from the repository. */
const SOURCES = [
  'src',
  'config',
  'contracts',
  'types',
  'babel.config.js',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

/** The newest modification time under `path` (a file or a folder), and that file. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { mtimeMs: stat.mtimeMs, path };
  let best = { mtimeMs: 0, path };
  for (const entry of readdirSync(path)) {
    const found = newest(join(path, entry));
    if (found.mtimeMs > best.mtimeMs) best = found;
  }
  return best;
}

// The stamp's time is when the last good build started: a source saved during a build is newer.
const stamp = `${outDir}.built`;
const source = SOURCES.map((p) => join(root, p))
  .filter((p) => existsSync(p))
  .map(newest)
  .reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
const built = existsSync(stamp) && existsSync(join(outDir, 'app.js')) ? statSync(stamp).mtimeMs : 0;
if (built > source.mtimeMs) {
  console.log(`weapp tests: ${relative(root, outDir)} is newer than every source, reused`);
  process.exit(0);
}
console.log(
  built
    ? `weapp tests: ${relative(root, source.path)} changed since the last build; building ${relative(root, outDir)}…`
    : `weapp tests: building ${relative(root, outDir)}…`,
);
const startedAt = new Date();
const result = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  // jest sets NODE_ENV=test, which would make Babel add React Refresh hooks without their runtime.
  env: { ...process.env, NODE_ENV: 'production', ZHIBU_OUTPUT_ROOT: relative(root, outDir) },
});
// Taro prints "Compiled with some errors" and still exits 0 when a module fails to build.
const output = `${result.stdout}\n${result.stderr}`;
if (result.status !== 0 || /Compiled with some errors|✖ Errors/.test(output)) {
  // eslint-disable-next-line no-control-regex -- Taro's progress bar is ANSI-coloured
  const plain = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const errors = plain.indexOf('Errors');
  console.error(errors >= 0 ? plain.slice(errors, errors + 8000) : plain.slice(-4000));
  process.exit(1);
}
writeFileSync(stamp, `${startedAt.toISOString()}\n`);
utimesSync(stamp, startedAt, startedAt);
