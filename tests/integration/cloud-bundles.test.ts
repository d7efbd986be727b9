import { buildSync } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SHEETS } from '../../contracts/deployment';
import { deployedNames } from '../../core/functions';

/**
 * Each folder of cloudfunctions/ is a cloud function WeChat deploys (`npm run build:cloud` bundles
 * each alone), and each wraps the deployed function of its name (core/functions.ts).
 *
 * A cloud function's size is paid at every cold start. exceljs (with jszip, about 1 MB minified)
 * is bundled only by `sheets`, which serves every action that reads or writes Excel
 * (contracts/deployment.ts); the others stay small.
 */

/** What a function that reads or writes no Excel may weigh, minified. */
const MAX_BUNDLE_BYTES = 150 * 1024;
const EXCEL_PACKAGES = /node_modules\/(exceljs|jszip)\//;

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

describe('only the sheets function carries Excel', () => {
  const bundles = Object.fromEntries(deployedNames.map((name) => [name, bundleInputs(name)]));
  const light = deployedNames.filter((name) => name !== SHEETS);

  it.each(light)('%s bundles neither exceljs nor jszip', (name) => {
    expect(bundles[name].inputs.filter((path) => EXCEL_PACKAGES.test(path))).toEqual([]);
  });

  it.each(light)('%s is at most 150 KB', (name) => {
    expect(bundles[name].bytes).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });

  it('sheets bundles exceljs and jszip, and identity is a fraction of it', () => {
    expect(bundles[SHEETS].inputs.some((path) => path.includes('node_modules/exceljs/'))).toBe(true);
    expect(bundles[SHEETS].inputs.some((path) => path.includes('node_modules/jszip/'))).toBe(true);
    expect(bundles.identity.bytes).toBeLessThan(bundles[SHEETS].bytes / 4);
  });
});

describe('the cloud functions are the registry', () => {
  const folders = readdirSync(join(root, 'cloudfunctions')).filter(
    (name) => !name.startsWith('_') && statSync(join(root, 'cloudfunctions', name)).isDirectory(),
  );

  it('one folder per deployed function of core/functions.ts, and no other', () => {
    expect([...folders].sort()).toEqual([...deployedNames].sort());
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
