import { buildSync } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { functionNames } from '../../core/functions';

/**
 * Each folder of cloudfunctions/ is a cloud function WeChat deploys (`npm run build:cloud` bundles
 * each alone), and each wraps the function of its name from the registry (core/functions.ts).
 *
 * A cloud function's size is paid at every cold start. `identity` answers `me` whenever the app
 * opens, so it must not carry exceljs (about 1 MB minified): whatever writes Excel lives in the
 * functions that already carry it.
 */

const root = join(__dirname, '..', '..');

function bundleInputs(name: string): { inputs: string[]; bytes: number } {
  const result = buildSync({
    entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    logLevel: 'silent',
  });
  return { inputs: Object.keys(result.metafile.inputs), bytes: result.outputFiles[0].contents.length };
}

describe('the identity cloud function stays light', () => {
  const identity = bundleInputs('identity');

  it('carries no Excel library', () => {
    expect(identity.inputs.filter((path) => path.includes('node_modules/exceljs'))).toEqual([]);
  });

  it('is a fraction of a function that writes Excel', () => {
    const roster = bundleInputs('roster');
    expect(roster.inputs.some((path) => path.includes('node_modules/exceljs'))).toBe(true);
    expect(identity.bytes).toBeLessThan(roster.bytes / 4);
  });
});

describe('the cloud functions are the registry', () => {
  const folders = readdirSync(join(root, 'cloudfunctions')).filter(
    (name) => !name.startsWith('_') && statSync(join(root, 'cloudfunctions', name)).isDirectory(),
  );

  it('one folder per function of core/functions.ts, and no other', () => {
    expect([...folders].sort()).toEqual([...functionNames].sort());
  });

  it.each(folders)('cloudfunctions/%s bundles the core function of that name', (name) => {
    const modules = bundleInputs(name).inputs.filter((path) => /^core\/[^/]+\/function\.ts$/.test(path));
    expect(modules).toHaveLength(1);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(join(root, modules[0])) as Record<string, unknown>);
    const wrapped = exported.map((value) => (value as { functionName?: unknown }).functionName).filter(Boolean);
    expect(wrapped).toEqual([name]);
  });
});
