import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { WEAPP_DIR } from './support/paths';

/**
 * WeChat's own compilers, as DevTools and the upload run them: wcc turns every WXML file into the
 * view layer's JavaScript, wcsc every WXSS file into its style functions (miniprogram-compiler ships
 * their Linux builds). A file they reject would fail in DevTools or at upload.
 */

type Wcc = (root: string, files: string[], wxs: string[], options: { maxBuffer: number }) => string;
type Wcsc = (root: string, files: string[], options: { maxBuffer: number }) => Record<string, string> | Error;

/* eslint-disable @typescript-eslint/no-require-imports -- the package's compiler wrappers are CommonJS without types */
const wcc = require('miniprogram-compiler/src/wcc') as Wcc;
const wcsc = require('miniprogram-compiler/src/wcsc') as Wcsc;
/* eslint-enable @typescript-eslint/no-require-imports */

const MAX_BUFFER = 256 * 1024 * 1024;

/** The build's files ending in `ext`, relative to `root`, without the extension (as the compilers take them). */
function filesOf(root: string, ext: string, dir = root): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return filesOf(root, ext, path);
    return path.endsWith(ext) ? [relative(root, path).slice(0, -ext.length)] : [];
  });
}

const compileWxml = (root: string) =>
  wcc(
    root,
    filesOf(root, '.wxml'),
    filesOf(root, '.wxs').map((f) => `${f}.wxs`),
    { maxBuffer: MAX_BUFFER },
  );

function compileWxss(root: string): Record<string, string> {
  const result = wcsc(root, filesOf(root, '.wxss'), { maxBuffer: MAX_BUFFER });
  // The wrapper returns (does not throw) the compiler's error.
  if (result instanceof Error) throw result;
  return result;
}

/** A copy of the build to break on purpose. */
function copyOfBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-wcc-'));
  cpSync(WEAPP_DIR, dir, { recursive: true });
  return dir;
}

it('compiles every WXML file of the build with wcc', () => {
  const files = filesOf(WEAPP_DIR, '.wxml');
  expect(files).toEqual(expect.arrayContaining(['base', 'pages/index/index']));
  const out = compileWxml(WEAPP_DIR);
  // The generated view code has every file.
  for (const file of files) expect(out).toContain(`'${file}.wxml'`);
});

it('compiles every WXSS file of the build with wcsc', () => {
  const files = filesOf(WEAPP_DIR, '.wxss');
  expect(files).toEqual(expect.arrayContaining(['app', 'pages/index/index']));
  const out = compileWxss(WEAPP_DIR);
  // The app's and every page's and component's style (shared files are imported into those).
  const own = files.filter((f) => f === 'app' || existsSync(join(WEAPP_DIR, `${f}.json`)));
  expect(own.length).toBeGreaterThan(20);
  expect(Object.keys(out)).toEqual(expect.arrayContaining(own.map((f) => `${f}.wxss`)));
});

describe('the compilers reject a broken file', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyOfBuild();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('wcc: an unclosed tag', () => {
    writeFileSync(join(dir, 'pages/index/index.wxml'), '<view class="a"><text>未闭合</view>');
    expect(() => compileWxml(dir)).toThrow(/编译 .wxml 文件错误/);
  });

  it('wcsc: an unclosed block', () => {
    writeFileSync(join(dir, 'pages/index/index.wxss'), '.a { color: red;\n.b { color: blue; ');
    expect(() => compileWxss(dir)).toThrow(/编译 .wxss 文件错误/);
  });
});

it('uses component style v2 and keeps NutUI button widths under it', () => {
  const app = JSON.parse(readFileSync(join(WEAPP_DIR, 'app.json'), 'utf8')) as { style?: string };
  expect(app.style).toBe('v2');
  // v2's `button:not([size=mini]) { width: 184px }` (0,1,1) outranks `.nut-button` (0,1,0): two classes
  // must reach the built style as written (Taro would rewrite a tag selector), and wcsc must take them.
  const style = readFileSync(join(WEAPP_DIR, 'app-origin.wxss'), 'utf8');
  expect(style).toMatch(/\.nut-button:not\(\.nut-button-icononly\)\s*\{\s*width:\s*auto/);
  expect(style).toMatch(/\.nut-button-block:not\(\.nut-button-icononly\)\s*\{\s*width:\s*100%/);
  expect(compileWxss(WEAPP_DIR)['app.wxss']).toContain('nut-button-icononly){width:auto');
});
