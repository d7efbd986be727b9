import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { optionsOf, percentile, readmeSnippet } from './bench-support';

/**
 * A bench step that dies must say so with its exit code: `npm run bench` (and CI, which runs
 * `npm run bench -- --quick`) relies on it. Each case is a tiny script run as a step runs.
 */
const ROOT = resolve(__dirname, '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-bench-exit-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runStep(name: string, body: string) {
  const script = join(dir, `${name}.ts`);
  writeFileSync(script, `import { runBench } from ${JSON.stringify(join(ROOT, 'scripts/bench-support'))};\n${body}\n`);
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [script], { cwd: ROOT, encoding: 'utf8' });
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    finished: `bench step finished: ${relative(ROOT, script)}`,
  };
}

it.each([
  [
    'main awaits what nothing keeps alive (the process would end with 0 inside the await)',
    'never',
    'runBench(() => new Promise<boolean>(() => undefined), false);',
    /ended before the bench finished/,
  ],
  ['main throws', 'throws', "runBench(async () => { throw new Error('seeding failed'); }, false);", /seeding failed/],
  ['main finds the data wrong', 'wrong', 'runBench(async () => false, false);', /FAILED/],
  [
    'an unhandled rejection while main runs',
    'rejection',
    "runBench(() => { void Promise.reject(new Error('lost write')); return new Promise<boolean>((r) => setTimeout(() => r(true), 2000)); }, false);",
    /lost write/,
  ],
])(
  'a bench step exits 1 and without its final line when %s',
  (_, name, body, message) => {
    const run = runStep(name, body);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).not.toContain(run.finished);
  },
  30_000,
);

it('a bench step that runs to its end exits 0 with its final line last', () => {
  const run = runStep('ok', "runBench(async () => { console.log('figures'); return true; }, false);");
  expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
    status: 0,
    stdout: `figures\n${run.finished}\n`,
    stderr: '',
  });
}, 30_000);

describe('the shared scaffolding', () => {
  it('reads flags, options and whole-number options from a command line', () => {
    const options = optionsOf(['--quick', '--runs', '20', '--db', 'x.sqlite', '--verify-runs', '0', '--beats', '2.5']);
    expect(options.flag('--quick')).toBe(true);
    expect(options.flag('--keep')).toBe(false);
    expect(options.option('--db')).toBe('x.sqlite');
    expect(options.option('--missing')).toBeUndefined();
    expect(options.count('--runs', 200)).toBe(20);
    expect(options.count('--members', 500)).toBe(500);
    expect(options.count('--verify-runs', 1, 0)).toBe(0);
    expect(() => options.count('--verify-runs', 1)).toThrow('--verify-runs takes a whole number of at least 1');
    expect(() => options.count('--beats', 3)).toThrow('--beats takes a whole number of at least 1');
  });

  it('takes percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 10 }, (_, i) => i + 1);
    expect([0, 0.5, 0.9, 0.95, 1].map((p) => percentile(sorted, p))).toEqual([1, 5, 9, 10, 10]);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('prints the README snippet as a Markdown block: the intro, then what and figure', () => {
    expect(readmeSnippet(['Sign-in burst:', 'two lines.'], [['sign-ins per second', '241']])).toEqual([
      '```markdown',
      'Sign-in burst:',
      'two lines.',
      '',
      '| what | figure |',
      '| --- | --- |',
      '| sign-ins per second | 241 |',
      '```',
    ]);
  });

  it('no bench compares its figures with targets typed into it', () => {
    const benches = readdirSync(join(ROOT, 'scripts')).filter((name) => /^bench.*\.(ts|mjs)$/.test(name));
    expect(benches.length).toBeGreaterThan(3);
    const trackers = benches.flatMap((name) =>
      readFileSync(join(ROOT, 'scripts', name), 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${name}:${i + 1}`, line }))
        .filter(({ line }) => /\bTARGET_\w+|\btargets?: /i.test(line)),
    );
    expect(trackers).toEqual([]);
  });
});
