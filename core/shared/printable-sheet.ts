import ExcelJS from 'exceljs';
import { chinaDate } from './china-time';

/**
 * The layout every Excel export shares, so that a secretary can print it or hand it on as it is:
 * a title and a line naming the organisation, the period and the date of export above the header;
 * A4 landscape, one page wide, the header repeated on every printed page; thin borders; a named
 * font; dates and times as date cells, rates as percentages, durations as minutes; totals.
 */

/** Sans-serif, in every Windows Excel and WPS; elsewhere the GB2312 charset and the Swiss family pick a CJK sans. */
export const SHEET_FONT = { name: '微软雅黑', family: 2, charset: 134 } as const;
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const PERCENT_FORMAT = '0.0%';
export const INTEGER_FORMAT = '0';
/** The title, the line under it and the header: the header is the third row. */
export const HEADER_ROW = 3;

/**
 * How a column's values are written:
 * - `text`: as given;
 * - `integer`: a whole number (points, counts, years), negative when it is a deduction;
 * - `date`: a `YYYY-MM-DD` date;
 * - `dateTime`: an ISO instant, written as China's wall-clock time;
 * - `percent`: a rate from 0 to 1 (null: no rate, written as —);
 * - `minutes`: a duration in whole minutes.
 */
export type CellKind = 'text' | 'integer' | 'date' | 'dateTime' | 'percent' | 'minutes';

export type CellInput = string | number | null | undefined;

/** A value whose kind differs from its column's (the label/value rows of a summary). */
export interface TypedCell {
  kind: CellKind;
  value: CellInput;
}

export interface PrintableColumn {
  key: string;
  header: string;
  /** In characters, as Excel counts them (a Chinese character is about two). */
  width: number;
  kind?: CellKind;
  /** Summed on the totals row. */
  total?: boolean;
}

export interface PrintableSheet {
  /** The worksheet's tab. */
  name: string;
  /** The first row, e.g. `第一党支部 积分汇总`. */
  title: string;
  /** The branch, group or committee the sheet is about. */
  org: string;
  /** 统计期间, when the sheet covers one. */
  period?: string;
  /** More of the line under the title, before 导出日期 (e.g. `活动时间：…`). */
  facts?: string[];
  /** Taller data rows, e.g. room to sign in. */
  rowHeight?: number;
  /** When the file is made (the request's clock): its China date is printed as 导出日期. */
  exportedAt: Date;
  columns: PrintableColumn[];
  rows: Array<Record<string, CellInput | TypedCell>>;
  /** The totals row's label (in the first column), when some columns are `total`. */
  totalsLabel?: string;
  /** Lines printed below the table (signatures, notes). */
  footer?: string[];
}

const FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  integer: INTEGER_FORMAT,
  date: DATE_FORMAT,
  dateTime: DATE_TIME_FORMAT,
  percent: PERCENT_FORMAT,
  minutes: INTEGER_FORMAT,
};

const CHINA_OFFSET_MS = 8 * 3600_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel's dates have no zone: a cell holds the wall-clock time, which exceljs writes from the UTC fields. */
function cellValue(kind: CellKind, value: CellInput): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return kind === 'percent' ? '—' : null;
  if (typeof value === 'number' || kind === 'text') return value;
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00.000Z`);
  // Only an instant (with its zone): a wall-clock text would be read in the server's zone.
  if (kind === 'dateTime' && INSTANT.test(value)) return new Date(Date.parse(value) + CHINA_OFFSET_MS);
  return value;
}

const isTyped = (value: CellInput | TypedCell): value is TypedCell => typeof value === 'object' && value !== null;

const columnLetter = (n: number) => {
  let letters = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return letters;
};

export function newWorkbook(title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function addPrintableSheet(workbook: ExcelJS.Workbook, spec: PrintableSheet): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  const width = spec.columns.length;
  const last = columnLetter(width);
  spec.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
  });

  const title = sheet.getRow(1);
  title.getCell(1).value = spec.title;
  title.font = { ...SHEET_FONT, size: 16, bold: true };
  title.height = 28;
  const subtitle = sheet.getRow(2);
  subtitle.getCell(1).value = [
    `单位：${spec.org}`,
    ...(spec.period ? [`统计期间：${spec.period}`] : []),
    ...(spec.facts ?? []),
    `导出日期：${chinaDate(spec.exportedAt)}`,
  ].join('　　');
  subtitle.font = { ...SHEET_FONT, size: 10 };
  if (width > 1) {
    sheet.mergeCells(`A1:${last}1`);
    sheet.mergeCells(`A2:${last}2`);
  }
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  subtitle.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };

  const header = sheet.getRow(HEADER_ROW);
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { ...SHEET_FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = BORDER;
  });

  const writeRow = (values: Record<string, CellInput | TypedCell>, totals = false) => {
    const row = sheet.addRow([]);
    if (spec.rowHeight && !totals) row.height = spec.rowHeight;
    spec.columns.forEach((column, i) => {
      const given = values[column.key];
      const kind = isTyped(given) ? given.kind : (column.kind ?? 'text');
      const cell = row.getCell(i + 1);
      cell.value = totals && given === undefined ? null : cellValue(kind, isTyped(given) ? given.value : given);
      const format = FORMATS[kind];
      if (format && typeof cell.value !== 'string') cell.numFmt = format;
      cell.font = { ...SHEET_FONT, size: 11, bold: totals };
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: kind === 'text' };
    });
    return row;
  };
  for (const values of spec.rows) writeRow(values);

  const summed = spec.columns.filter((c) => c.total);
  if (summed.length) {
    const totals: Record<string, CellInput> = { [spec.columns[0].key]: spec.totalsLabel ?? '合计' };
    for (const column of summed)
      totals[column.key] = spec.rows.reduce((sum, row) => {
        const given = row[column.key];
        const value = isTyped(given) ? given.value : given;
        return sum + (typeof value === 'number' ? value : 0);
      }, 0);
    writeRow(totals, true);
  }

  if (spec.footer?.length) {
    sheet.addRow([]);
    for (const line of spec.footer) {
      const row = sheet.addRow([line]);
      row.font = { ...SHEET_FONT, size: 11 };
      if (width > 1) sheet.mergeCells(`A${row.number}:${last}${row.number}`);
    }
  }
  return sheet;
}
