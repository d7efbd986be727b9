// `npm start`: builds what is missing (the H5 app, the host bundle), then starts the local host.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
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
  entryPoints: [join(root, 'host/main.ts')],
  outfile: join(root, 'dist/host/main.js'),
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
