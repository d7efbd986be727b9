import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

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
