import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One voice in every text a user reads: the app's pages and modules, the shared labels and the
 * server's messages (they reach the screen as toasts and error states). Members are addressed as
 * 您 (many are retired); quarters are written in words (第四季度); time ranges use an en dash
 * (`14:30–16:00`), as formatActivityTime writes them.
 */

const ROOT = join(__dirname, '..');
const SCANNED = ['src', 'contracts/labels', 'core'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === '__tests__' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Every line of the scanned sources matching `pattern`, as `file:line`. */
function findInUiText(pattern: RegExp, files: readonly string[]): Finding[] {
  return files.flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((text, i) =>
        pattern.test(text) ? [{ file: relative(ROOT, path), line: i + 1, text: text.trim() }] : [],
      ),
  );
}

const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)));
const where = (found: Finding[]) => found.map((f) => `${f.file}:${f.line}  ${f.text}`);

it('scans the app, the labels and the server', () => {
  expect(files.length).toBeGreaterThan(200);
  expect(files.some((f) => f.endsWith('.tsx'))).toBe(true);
  expect(files.some((f) => f.includes('contracts/labels'))).toBe(true);
});

it('addresses the user as 您, never 你', () => {
  expect(where(findInUiText(/你/, files))).toEqual([]);
});

it('writes quarters in words (第四季度, not 第4季度)', () => {
  const found = findInUiText(/第\d季度|第\$\{[^}]*\}季度/, files);
  // quarterName (contracts/labels/points.ts) is the one formatter, writing the number in words.
  expect(where(found.filter((f) => !f.text.includes('QUARTER_NAMES[')))).toEqual([]);
});

it('writes time ranges with an en dash, not 至, ~ or a hyphen', () => {
  expect(where(findInUiText(/\d:\d\d ?(至|~|～|-|—) ?\d|\}\s*(至|~|～)\s*\$\{/, files))).toEqual([]);
});
