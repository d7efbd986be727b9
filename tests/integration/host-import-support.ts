import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ROSTER_COLUMNS } from '../../core/roster/roster-sheet';

/**
 * Generated workbooks for the import limits: rosters made by exceljs, and the same file with its
 * sheet replaced by raw XML (a zip bomb, formatted empty rows), zipped by JSZip.
 */
export async function rosterFile(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A valid name for row `i` (names hold no digits): 党员一二三. */
const nameOf = (i: number) => `党员${[...String(i)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}`;

/** `n` rows, each with one issue: a phone that is not one. */
export const badRows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => [nameOf(from + i), `12${from + i}`, '正式党员', '2010-07-01', '2011-07-01', '']);

export const goodRows = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    nameOf(i),
    `137${String(i).padStart(8, '0')}`,
    '正式党员',
    '2010-07-01',
    '2011-07-01',
    '',
  ]);

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** Sheet XML: the roster header, then `rows` (inline strings), then whatever `tail` adds. */
export function sheetXml(rows: string[][], tail = ''): string {
  const header = ROSTER_COLUMNS.map((c) => c.header);
  const xmlRows = [header, ...rows].map(
    (row, i) =>
      `<row r="${i + 1}">${row.map((text, j) => cell(`${String.fromCharCode(65 + j)}${i + 1}`, text)).join('')}</row>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    xmlRows.join('') +
    tail +
    '</sheetData></worksheet>'
  );
}

/** The header, then `n` rows holding only a number in 姓名 (each a bad row), as compact as a sheet gets. */
export function numberRowsXml(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`);
  return sheetXml([], rows.join(''));
}

/** A roster workbook whose first sheet is `xml` (deflated). */
export async function withSheet(xml: string | Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await rosterFile([]));
  zip.file('xl/worksheets/sheet1.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A sheet that inflates to about `megabytes` MB: the header and one row, padded with empty formatted rows. */
export function bombXml(megabytes: number): Buffer {
  const row = '<row r="3" s="1"><c r="A3" s="1"/></row>';
  const head = sheetXml([['王志强', '13900000001', '正式党员', '2010-07-01', '2011-07-01', '']]);
  const [start, end] = head.split('</sheetData>');
  const padding = row.repeat(Math.ceil((megabytes * 1024 * 1024) / row.length));
  return Buffer.from(start + padding + '</sheetData>' + end);
}

/** The same zip with every entry's declared uncompressed size rewritten to 1 KB (a lying directory). */
export function lieAboutSizes(zip: Buffer): Buffer {
  const copy = Buffer.from(zip);
  for (let i = 0; i + 46 <= copy.length; i++)
    if (copy.readUInt32LE(i) === 0x02014b50 && copy.readUInt32LE(i + 24) > 1024) copy.writeUInt32LE(1024, i + 24);
  return copy;
}
