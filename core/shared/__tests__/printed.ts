import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { hasSoffice } from '../../roster/import/__tests__/libreoffice';

/** What LibreOffice prints of a workbook: its PDF's page count and size, and the text of pages. */
export interface Printed {
  pages: number;
  /** In points: A4 landscape is about 842 × 595. */
  width: number;
  height: number;
  /** `pdftotext -layout` of one page (1-based). */
  page(n: number): string;
}

const has = (command: string, flag: string) => spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;

/**
 * LibreOffice and poppler's pdftotext/pdfinfo, when this machine has them (CI installs
 * libreoffice-calc-nogui and poppler-utils, and there a missing one fails the suite).
 */
export function canPrint(): boolean {
  const ok = hasSoffice() && has('pdftotext', '-v') && has('pdfinfo', '-v');
  if (!ok && process.env.CI) throw new Error('soffice, pdftotext or pdfinfo is missing: CI installs them');
  return ok;
}

/** Converts each .xlsx to PDF in one LibreOffice run, with a profile of its own. */
export function printAll(files: Record<string, Buffer>): Map<string, Printed> {
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-printed-'));
  try {
    const inputs = Object.entries(files).map(([name, content]) => {
      const path = join(dir, `${name}.xlsx`);
      writeFileSync(path, content);
      return path;
    });
    const run = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'pdf'),
        ...inputs,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (run.status !== 0) throw new Error(`soffice --convert-to pdf failed: ${run.stderr}`);
    const out = new Map<string, Printed>();
    for (const name of Object.keys(files)) {
      const pdf = join(dir, 'pdf', `${name}.pdf`);
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
      const texts = new Map<number, string>();
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
      for (let n = 1; n <= Math.min(pages, 3); n++)
        texts.set(
          n,
          spawnSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }).stdout,
        );
      out.set(name, {
        pages,
        width: Number(size?.[1] ?? 0),
        height: Number(size?.[2] ?? 0),
        page: (n) => texts.get(n) ?? '',
      });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A page's non-empty lines, runs of spaces squeezed to one. */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

/** Opens a workbook as exceljs reads it. */
export async function openWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}

/** A row's values from column A (exceljs rows are 1-based with a hole at 0). */
export const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

/** What every printable sheet holds: the layout checks shared by the exports' tests. */
export function expectPrintable(sheet: ExcelJS.Worksheet, title: string | RegExp, header: string[]): void {
  expect(String(sheet.getCell('A1').value)).toMatch(title);
  expect(String(sheet.getCell('A2').value)).toMatch(/导出日期：\d{4}-\d{2}-\d{2}/);
  expect(rowValues(sheet, 3)).toEqual(header);
  expect(sheet.pageSetup).toMatchObject({
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '3:3',
  });
  expect(sheet.getCell('A3').font?.name).toBe('微软雅黑');
  expect(sheet.getCell('A3').border?.bottom?.style).toBe('thin');
}
