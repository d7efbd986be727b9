import iconv from 'iconv-lite';
import type { CellValue, Table, TableRow } from './table';

/** C0 controls other than tab, line feed and carriage return, or an undecodable byte: never in a text file. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) return true;
  }
  return false;
}

/**
 * The file's text: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode 文本"), else
 * GB18030, a superset of GBK (Excel on Chinese Windows saves CSV so). Null when it is no text.
 */
export function decodeText(content: Buffer): string | null {
  let text: string;
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) text = content.toString('utf8', 3);
  else if (content[0] === 0xff && content[1] === 0xfe) text = iconv.decode(content.subarray(2), 'utf16le');
  else if (content[0] === 0xfe && content[1] === 0xff) text = iconv.decode(content.subarray(2), 'utf16be');
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      text = iconv.decode(content, 'gb18030');
    }
  }
  if (hasControl(text)) return null;
  // A web page saved as .xls by some systems: not a table this reader knows.
  if (/^\s*</.test(text)) return null;
  return text;
}

/** The delimiter of the first lines: comma, tab (Excel's text export) or semicolon, whichever occurs most. */
function delimiterOf(text: string): string {
  const head = text.slice(0, 4096);
  const counts = [',', '\t', ';'].map((d) => [d, head.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** RFC 4180 CSV: quoted cells may hold delimiters, quotes ("") and line breaks. Stops past `maxRows` rows with values. */
export function parseCsv(text: string, maxRows: number): TableRow[] | null {
  const delimiter = delimiterOf(text);
  const rows: TableRow[] = [];
  let cells: CellValue[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = (): boolean => {
    endCell();
    if (cells.some((c) => typeof c === 'string' && c.trim() !== '')) rows.push({ row, cells });
    cells = [];
    row++;
    return rows.length <= maxRows;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (!endRow()) return null;
    } else cell += ch;
  }
  if ((cell !== '' || cells.length) && !endRow()) return null;
  return rows;
}

export function readCsv(content: Buffer, maxRows: number): Table {
  const text = content.length ? decodeText(content) : null;
  if (text === null) return { ok: false, reason: 'unreadable' };
  const rows = parseCsv(text, maxRows);
  if (!rows) return { ok: false, reason: 'too-many-rows' };
  if (!rows.length) return { ok: false, reason: 'unreadable' };
  return { ok: true, sheets: [{ name: 'CSV', rows }] };
}
