// `npm run bench`: measures what the README reports. Not a test: it prints figures; it fails only when a step dies or finds the data wrong.
//  - weapp main-package and total size (against WeChat's 2 MB main-package limit)
//  - each cloud function bundle's size, and its cold require() beside wx-server-sdk's alone
//    (scripts/bench-cold-require.ts: a fresh process each, median of 9; of 3 with --quick)
//  - local host start-up: process start to /healthz answering, on an empty data directory (demo seed included)
//  - the sign-in burst against the local host (scripts/bench-signin.ts: 20,000 members, ten activities)
//  - lecture heartbeats against the local host (scripts/bench-heartbeat.ts: 10,000 members, 30,000 beats)
//  - the points ledger at committee scale (scripts/bench-points.ts: 100,000 members, 5,000,000 entries)
// Flags: --points-only, --signin-only, --heartbeat-only (only that step; several together: those),
// --skip-points, --skip-signin, --skip-heartbeat (everything but it); --keep, --db <file>,
// --runs <n>, --verify-runs <n> are passed on to the points step; --keep and --profile to the
// sign-in and heartbeat steps. --quick: small sizes for every step (CI runs it, so that no bench
// rots unnoticed; its figures mean little).
// Every step is checked: a child that exits non-zero, is killed, or ends without printing its
// final line fails the run (exit 1), and so does this script ending before its own last line.
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
const quick = args.includes('--quick');
const pointsArgs = args.filter((arg) => !STEP_FLAGS.includes(arg) && arg !== '--profile');
const signinArgs = args.filter((arg) => arg === '--keep' || arg === '--profile' || arg === '--quick');
const heartbeatArgs = signinArgs;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const t0 = performance.now();

// Node ends a script whose pending promises nothing keeps alive with exit code 0: fail instead.
let finished = false;
process.on('exit', (code) => {
  if (finished || code !== 0) return;
  console.error('bench: the run ended before its last step finished');
  process.exitCode = 1;
});

/** What a step that ran to its end prints last (scripts/bench-support.ts: finishedLine). */
const finishedLine = (script) => `bench step finished: ${script}`;

/** Runs `work` (sync or async) and prints how long it took, so that a slow step shows. */
function timed(label, work) {
  const started = performance.now();
  const report = () => console.log(`(${label}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const result = work();
  if (result instanceof Promise) return result.finally(report);
  report();
  return result;
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`}):\n${result.stderr}`);
}

/**
 * Runs a bench script in its own process (tsx runs the TypeScript), its output passed through, and
 * fails unless it exits 0 with its final line last.
 */
function step(script, stepArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', script, ...stepArgs], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4096);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const last = tail.trimEnd().split('\n').pop();
      if (code !== 0 || signal) reject(new Error(`${script} failed (${signal ?? `exit ${code}`})`));
      else if (last !== finishedLine(script)) reject(new Error(`${script} ended before its final line (exit 0)`));
      else resolve();
    });
  });
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

async function startupMs(samples) {
  run('node', [
    '-e',
    "require('esbuild').buildSync({entryPoints:['host/main.ts'],outfile:'dist/host/main.js',bundle:true,platform:'node',target:'node20',format:'cjs',packages:'external',logLevel:'warning'})",
  ]);
  const times = [];
  for (let i = 0; i < samples; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-bench-'));
    const port = 18500 + i;
    const t0 = performance.now();
    // Demo mode (demo data seeded), as `npm start` runs it; this machine only.
    const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1', ZHIBU_DEMO: '1' };
    delete env.NODE_ENV;
    const child = spawn('node', ['dist/host/main.js'], { cwd: root, env, stdio: 'ignore' });
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
    const stopped = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await stopped;
    clearTimeout(kill);
    rmSync(dataDir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

if (!only) {
  const weapp = timed('weapp build', weappSizes);
  console.log('\n## Mini-program package (dist/weapp)');
  console.log(
    `main package      ${kb(weapp.main)}  (${((weapp.main / (2 * 1024 * 1024)) * 100).toFixed(1)}% of WeChat's 2 MB limit)`,
  );
  for (const [name, size] of Object.entries(weapp.subs)) console.log(`subpackage ${name}  ${kb(size)}`);
  console.log(`total             ${kb(weapp.total)}`);

  console.log('\n## Cloud function bundles (dist/cloudfunctions/<name>/index.js, minified, wx-server-sdk external)');
  for (const [name, size] of Object.entries(timed('cloud build', cloudSizes)))
    console.log(`${name.padEnd(18)}${kb(size)}`);
  await timed('cold-require step', () => step('scripts/bench-cold-require.ts', quick ? ['--quick'] : []));

  const samples = quick ? 2 : 5;
  console.log(
    `\n## Local host start-up (process start → /healthz ready, empty data dir, demo data seeded; median of ${samples})`,
  );
  console.log(`${(await timed('start-up step', () => startupMs(samples))).toFixed(0)} ms`);
}

// Each its own process; the sign-in and heartbeat steps start the host as another, so that the load
// comes from a separate process. The latency measurements first: the points step writes a 5 GB
// file, whose write-back to disk would still be competing with the hosts for the disk and the cores.
if (runSignin) await timed('sign-in step', () => step('scripts/bench-signin.ts', signinArgs));
if (runHeartbeat) await timed('heartbeat step', () => step('scripts/bench-heartbeat.ts', heartbeatArgs));
if (runPoints) await timed('points step', () => step('scripts/bench-points.ts', pointsArgs));

finished = true;
console.log(
  `\nbench: every step finished in ${((performance.now() - t0) / 1000).toFixed(0)} s${quick ? ' (--quick)' : ''}`,
);
