import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real-looking spreadsheets for the import tests, written as flat ODF (.fods: every cell's type
 * and value exactly as given) and converted by LibreOffice, as the files secretaries send are
 * made by an office suite, not by our own library.
 */
export type FodsCell =
  | string
  | null
  | { n: number }
  | { d: string }
  | { text: string; across?: number; down?: number }
  /** The cell under a vertical merge. */
  | 'covered';

export interface FodsSheet {
  name: string;
  rows: FodsCell[][];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellXml(cell: FodsCell): string {
  if (cell === null || cell === '') return '<table:table-cell/>';
  if (cell === 'covered') return '<table:covered-table-cell/>';
  if (typeof cell === 'string')
    return `<table:table-cell office:value-type="string"><text:p>${escape(cell)}</text:p></table:table-cell>`;
  if ('n' in cell)
    return `<table:table-cell office:value-type="float" office:value="${cell.n}"><text:p>${cell.n}</text:p></table:table-cell>`;
  if ('d' in cell)
    return `<table:table-cell table:style-name="date" office:value-type="date" office:date-value="${cell.d}"><text:p>${cell.d}</text:p></table:table-cell>`;
  const across = cell.across ?? 1;
  const down = cell.down ?? 1;
  return (
    `<table:table-cell table:number-columns-spanned="${across}" table:number-rows-spanned="${down}" office:value-type="string"><text:p>${escape(cell.text)}</text:p></table:table-cell>` +
    (across > 1 ? `<table:covered-table-cell table:number-columns-repeated="${across - 1}"/>` : '')
  );
}

export function fods(sheets: FodsSheet[]): string {
  const tables = sheets
    .map(
      (sheet) =>
        `<table:table table:name="${escape(sheet.name)}">` +
        sheet.rows.map((row) => `<table:table-row>${row.map(cellXml).join('')}</table:table-row>`).join('') +
        '</table:table>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="ymd"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="date" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="ymd"/>
</office:automatic-styles>
<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document>
`;
}

/** LibreOffice, when this machine has it (CI installs libreoffice-calc-nogui). */
export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Converts each named .fods to every format given (`xlsx`, `xls` …), one LibreOffice run per
 * format, with a profile of its own (a running LibreOffice, or a parallel test, keeps its own).
 * Returns the converted files' bytes by `name.format`.
 */
export function convertAll(files: Record<string, string>, formats: string[]): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-roster-files-'));
  try {
    const inputs = Object.entries(files).map(([name, xml]) => {
      const path = join(dir, `${name}.fods`);
      writeFileSync(path, xml);
      return path;
    });
    const out = new Map<string, Buffer>();
    for (const format of formats) {
      const run = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--norestore',
          '--convert-to',
          format,
          '--outdir',
          join(dir, format),
          ...inputs,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (run.status !== 0) throw new Error(`soffice --convert-to ${format} failed: ${run.stderr}`);
      for (const name of Object.keys(files))
        out.set(`${name}.${format}`, readFileSync(join(dir, format, `${name}.${format}`)));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
