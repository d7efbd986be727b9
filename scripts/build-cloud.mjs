// `npm run build:cloud`: bundles each cloud function alone (WeChat uploads each folder by itself)
// into dist/cloudfunctions/<name>/{index.js, package.json, config.json}, wx-server-sdk left external.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'cloudfunctions');
const out = join(root, 'dist/cloudfunctions');
const names = readdirSync(source).filter((name) => !name.startsWith('_') && statSync(join(source, name)).isDirectory());

rmSync(out, { recursive: true, force: true });
const sizes = {};
for (const name of names) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(source, name, 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': '~4.0.2' } },
      null,
      2,
    ) + '\n',
  );
  // A function's own config.json (timer triggers, a longer timeout) wins over the default.
  const ownConfig = join(source, name, 'config.json');
  writeFileSync(
    join(dir, 'config.json'),
    existsSync(ownConfig)
      ? readFileSync(ownConfig, 'utf8')
      : JSON.stringify({ permissions: { openapi: [] }, timeout: 20 }, null, 2) + '\n',
  );
  sizes[name] = statSync(join(dir, 'index.js')).size;
}
for (const [name, size] of Object.entries(sizes))
  console.log(`cloudfunctions/${name}/index.js  ${(size / 1024).toFixed(1)} KB`);
