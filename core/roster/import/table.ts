import ExcelJS from 'exceljs';
import { checkXlsx } from '../../shared/xlsx-bounds';
import { readCsv } from './csv';
import { MAX_EXTRA_ROWS, MAX_IMPORT_ROWS, MAX_INFLATED_BYTES } from './types';

/** A cell as the file holds it: text, a number, a date cell (midnight UTC, as exceljs reads it) or a boolean. */
export type CellValue = string | number | boolean | Date | null;

export interface TableRow {
  /** As Excel numbers it (1-based). */
  row: number;
  /** By column, 0-based; holes are empty cells. */
  cells: CellValue[];
}

export interface Sheet {
  name: string;
  /** Rows holding at least one value, in order. */
  rows: TableRow[];
}

export type TableFailure = 'xls' | 'ods' | 'unreadable' | 'too-large' | 'too-many-rows';
export type Table = { ok: true; sheets: Sheet[] } | { ok: false; reason: TableFailure };

const ZIP = Buffer.from('504b0304', 'hex');
/** An OLE compound file: an Excel 97-2003 .xls, or an .xlsx with a password. */
const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const ODS_MIME = 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet';

/** A value rows can be compared on: rich text, hyperlinks and formulas reduced to what the cell shows. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return null;
  if ('result' in value) return plainValue(value.result as ExcelJS.CellValue);
  if ('text' in value) return plainValue(value.text as ExcelJS.CellValue);
  return null;
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** Every sheet of an .xlsx, merged cells holding their merge's value (exceljs reads them so). */
async function readXlsx(content: Buffer): Promise<Table> {
  // Bounded before exceljs expands anything: inflated size, and the first sheet's rows.
  const bounds = await checkXlsx(content, {
    inflatedBytes: MAX_INFLATED_BYTES,
    rows: MAX_IMPORT_ROWS + MAX_EXTRA_ROWS,
  });
  if (!bounds.ok) return bounds;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const sheets: Sheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const rows: TableRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (excelRow, row) => {
      const cells: CellValue[] = [];
      excelRow.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = plainValue(cell.value);
      });
      if (cells.some((c) => !isBlank(c))) rows.push({ row, cells });
    });
    if (rows.length > MAX_IMPORT_ROWS + MAX_EXTRA_ROWS) return { ok: false, reason: 'too-many-rows' };
    sheets.push({ name: worksheet.name, rows });
  }
  return { ok: true, sheets };
}

/** Reads an .xlsx or a CSV file (UTF-8, UTF-8 with BOM, GBK/GB18030, UTF-16 with BOM) into sheets of cells. */
export async function readTable(content: Buffer): Promise<Table> {
  if (content.length > MAX_INFLATED_BYTES) return { ok: false, reason: 'too-large' };
  if (content.subarray(0, 8).equals(OLE)) return { ok: false, reason: 'xls' };
  if (content.subarray(0, 4).equals(ZIP)) {
    if (content.toString('latin1', 30, 30 + ODS_MIME.length) === ODS_MIME) return { ok: false, reason: 'ods' };
    return readXlsx(content);
  }
  return readCsv(content, MAX_IMPORT_ROWS + MAX_EXTRA_ROWS);
}
