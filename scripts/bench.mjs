// `npm run bench`: measures what the README reports. Not a test: it prints figures, it asserts nothing.
//  - weapp main-package and total size (against WeChat's 2 MB main-package limit)
//  - each cloud function bundle's size
//  - local host start-up: process start to /healthz answering, on an empty data directory (demo seed included)
//  - the sign-in burst against the local host (scripts/bench-signin.ts: 20,000 members, ten activities)
//  - lecture heartbeats against the local host (scripts/bench-heartbeat.ts: 10,000 members, 30,000 beats)
//  - the points ledger at committee scale (scripts/bench-points.ts: 100,000 members, 5,000,000 entries)
// Flags: --points-only, --signin-only, --heartbeat-only (only that step; several together: those),
// --skip-points, --skip-signin, --skip-heartbeat (everything but it); --quick, --keep, --db <file>,
// --runs <n>, --verify-runs <n> are passed on to the points step; --keep and --profile to the
// sign-in and heartbeat steps.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const STEP_FLAGS = [
  '--points-only',
  '--skip-points',
  '--signin-only',
  '--skip-signin',
  '--heartbeat-only',
  '--skip-heartbeat',
];
const pointsOnly = args.includes('--points-only');
const signinOnly = args.includes('--signin-only');
const heartbeatOnly = args.includes('--heartbeat-only');
const only = pointsOnly || signinOnly || heartbeatOnly;
const runPoints = (!only || pointsOnly) && !args.includes('--skip-points');
const runSignin = (!only || signinOnly) && !args.includes('--skip-signin');
const runHeartbeat = (!only || heartbeatOnly) && !args.includes('--skip-heartbeat');
const pointsArgs = args.filter((arg) => !STEP_FLAGS.includes(arg) && arg !== '--profile');
const signinArgs = args.filter((arg) => arg === '--keep' || arg === '--profile');
const heartbeatArgs = signinArgs;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${result.stderr}`);
}

function sizeOf(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

function weappSizes() {
  run('npx', ['taro', 'build', '--type', 'weapp']);
  const out = join(root, 'dist/weapp');
  const app = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8'));
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const total = sizeOf(out);
  const subs = Object.fromEntries(subRoots.map((r) => [r, existsSync(join(out, r)) ? sizeOf(join(out, r)) : 0]));
  const main = total - Object.values(subs).reduce((a, b) => a + b, 0);
  return { total, main, subs };
}

function cloudSizes() {
  run('node', ['scripts/build-cloud.mjs']);
  const out = join(root, 'dist/cloudfunctions');
  return Object.fromEntries(readdirSync(out).map((name) => [name, statSync(join(out, name, 'index.js')).size]));
}

async function startupMs(samples = 5) {
  run('node', [
    '-e',
    "require('esbuild').buildSync({entryPoints:['host/main.ts'],outfile:'dist/host/main.js',bundle:true,platform:'node',target:'node20',format:'cjs',packages:'external',logLevel:'warning'})",
  ]);
  const times = [];
  for (let i = 0; i < samples; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-bench-'));
    const port = 18500 + i;
    const t0 = performance.now();
    const child = spawn('node', ['dist/host/main.js'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
      stdio: 'ignore',
    });
    let exited = false;
    child.on('exit', () => (exited = true));
    for (;;) {
      if (exited || performance.now() - t0 > 30_000)
        throw new Error('the host did not start (run dist/host/main.js to see why)');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    times.push(performance.now() - t0);
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function pointsBench() {
  // Its own process (tsx runs the TypeScript); it prints its progress, table and README snippet.
  const result = spawnSync('npx', ['tsx', 'scripts/bench-points.ts', ...pointsArgs], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`scripts/bench-points.ts failed (exit ${result.status})`);
}

function signinBench() {
  // Its own process, which starts the host as another: the load comes from a separate process.
  const result = spawnSync('npx', ['tsx', 'scripts/bench-signin.ts', ...signinArgs], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`scripts/bench-signin.ts failed (exit ${result.status})`);
}

function heartbeatBench() {
  // Its own process, which starts the host as another: the load comes from a separate process.
  const result = spawnSync('npx', ['tsx', 'scripts/bench-heartbeat.ts', ...heartbeatArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`scripts/bench-heartbeat.ts failed (exit ${result.status})`);
}

if (!only) {
  const weapp = weappSizes();
  console.log('\n## Mini-program package (dist/weapp)');
  console.log(
    `main package      ${kb(weapp.main)}  (${((weapp.main / (2 * 1024 * 1024)) * 100).toFixed(1)}% of WeChat's 2 MB limit)`,
  );
  for (const [name, size] of Object.entries(weapp.subs)) console.log(`subpackage ${name}  ${kb(size)}`);
  console.log(`total             ${kb(weapp.total)}`);

  console.log('\n## Cloud function bundles (dist/cloudfunctions/<name>/index.js, minified, wx-server-sdk external)');
  for (const [name, size] of Object.entries(cloudSizes())) console.log(`${name.padEnd(18)}${kb(size)}`);

  console.log(
    '\n## Local host start-up (process start → /healthz ready, empty data dir, demo data seeded; median of 5)',
  );
  console.log(`${(await startupMs()).toFixed(0)} ms`);
}

// The latency measurements first: the points step writes a 5 GB file, whose write-back to disk
// would still be competing with the hosts for the disk and the two cores.
if (runSignin) signinBench();
if (runHeartbeat) heartbeatBench();
if (runPoints) pointsBench();
