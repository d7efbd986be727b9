// `npm run bench` step (bench.mjs runs it after `build:cloud`; alone: `npm run build:cloud && npx tsx
// scripts/bench-cold-require.ts [--quick] [--reps <n>]`): what a cold start of each cloud function
// costs in loading its code. Each `require()` runs in a fresh Node process (no module cache, no V8
// code cache), the bundles of dist/cloudfunctions and wx-server-sdk alone taking turns so that a
// slow moment of the machine falls on all alike; the median of each, and its ratio to the SDK alone,
// which every function loads anyway: wall time, and the child's CPU time (user + system), which other
// processes on a busy machine disturb less. It fails only when a child dies or answers no time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { args, f2, printHeading, QUICK, readmeSnippet, ROOT, runBench } from './bench-support';

const REPS = args.count('--reps', QUICK ? 3 : 9);
const BUNDLES = join(ROOT, 'dist/cloudfunctions');

/** Run by `node -e` in the child: requires the file named after it and prints the wall and CPU milliseconds it took. */
const CHILD = `
const target = process.argv[1];
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
require(target);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
process.stdout.write('cold-require-ms ' + ms + ' ' + (cpu.user + cpu.system) / 1000 + '\\n', () => process.exit(0));
`;

interface Sample {
  wall: number;
  cpu: number;
}

/** One cold `require()` of `file` in a fresh process, in milliseconds. */
function coldRequire(file: string): Sample {
  const env = { ...process.env };
  // Whatever tsx put there for this process must not load into the child.
  delete env.NODE_OPTIONS;
  const child = spawnSync(process.execPath, ['-e', CHILD, file], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  const line = /^cold-require-ms (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/m.exec(child.stdout ?? '');
  if (child.status !== 0 || !line)
    throw new Error(
      `require(${file}) in a fresh process failed (${child.signal ?? `exit ${child.status}`}):\n${child.stderr}`,
    );
  return { wall: Number(line[1]), cpu: Number(line[2]) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<boolean> {
  if (!existsSync(BUNDLES)) throw new Error('dist/cloudfunctions is missing: run npm run build:cloud first');
  const names = readdirSync(BUNDLES)
    .filter((name) => existsSync(join(BUNDLES, name, 'index.js')))
    .sort();
  if (!names.length) throw new Error('dist/cloudfunctions holds no bundle: run npm run build:cloud first');
  const SDK = 'wx-server-sdk alone';
  const files: Array<[label: string, file: string]> = [
    [SDK, require.resolve('wx-server-sdk', { paths: [ROOT] })],
    ...names.map((name): [string, string] => [name, join(BUNDLES, name, 'index.js')]),
  ];

  printHeading(
    `Cold require() of each cloud function (a fresh process each, median of ${REPS}, taking turns)`,
    loadavg(),
  );
  // Once each untimed, so that every file is read from the page cache, as a warm container's disk would serve it.
  for (const [, file] of files) coldRequire(file);
  const samples = new Map(files.map(([label]) => [label, [] as Sample[]]));
  for (let rep = 0; rep < REPS; rep++)
    for (let i = 0; i < files.length; i++) {
      // A different order each round: none is always first after the SDK's files were just read.
      const [label, file] = files[(i + rep) % files.length];
      samples.get(label)?.push(coldRequire(file));
    }

  const medianOf = (label: string, kind: keyof Sample) => median((samples.get(label) ?? []).map((s) => s[kind]));
  const sdk = { wall: medianOf(SDK, 'wall'), cpu: medianOf(SDK, 'cpu') };
  const rows: Array<[string, string]> = [];
  console.log(
    `${'function'.padEnd(22)}${'bundle'.padStart(10)}${'wall'.padStart(9)}${'× SDK'.padStart(8)}${'CPU'.padStart(9)}${'× SDK'.padStart(8)}`,
  );
  for (const [label, file] of files) {
    const wall = medianOf(label, 'wall');
    const cpu = medianOf(label, 'cpu');
    const size = label === SDK ? '' : `${(statSync(file).size / 1024).toFixed(1)} KB`;
    console.log(
      `${label.padEnd(22)}${size.padStart(10)}${`${wall.toFixed(0)} ms`.padStart(9)}${`${f2(wall / sdk.wall)}×`.padStart(8)}` +
        `${`${cpu.toFixed(0)} ms`.padStart(9)}${`${f2(cpu / sdk.cpu)}×`.padStart(8)}`,
    );
    rows.push([
      `cold \`require()\` of ${label === SDK ? label : `\`${label}\` (${size})`}`,
      `${wall.toFixed(0)} ms, ${f2(wall / sdk.wall)}× (CPU ${cpu.toFixed(0)} ms, ${f2(cpu / sdk.cpu)}×)`,
    ]);
  }
  console.log(
    [
      '',
      ...readmeSnippet(
        [
          `Cold \`require()\`, a fresh Node ${process.version} process each, median of ${REPS} (ratio to wx-server-sdk alone):`,
        ],
        rows,
      ),
    ].join('\n'),
  );
  return true;
}

runBench(main, false);
