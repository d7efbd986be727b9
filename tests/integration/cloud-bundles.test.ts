import { buildSync } from 'esbuild';
import { join } from 'node:path';

/**
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
