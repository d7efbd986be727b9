// `npm start`: builds what is missing (the H5 app, the host bundle), then starts the local host.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `npm start` is the demo: demo login and demo data, unless told otherwise (ZHIBU_DEMO=0).
// The host listens on 127.0.0.1 unless HOST says otherwise.
process.env.ZHIBU_DEMO ??= '1';
const t0 = Date.now();

if (!existsSync(join(root, 'dist/h5/index.html')) || process.argv.includes('--rebuild')) {
  console.log('Building the H5 app (first start only, about a minute)…');
  // A production build whatever NODE_ENV the shell has (development would add React Refresh hooks).
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await build({
  // The host and the worker thread that parses imported rosters (host/excel-parser.ts finds it beside main.js).
  entryPoints: [join(root, 'host/main.ts'), join(root, 'host/excel-worker.ts')],
  outdir: join(root, 'dist/host'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`Built in ${((Date.now() - t0) / 1000).toFixed(1)} s; starting…`);
await import(join(root, 'dist/host/main.js'));
