import { inflateRaw } from 'node:zlib';
import { promisify } from 'node:util';

const inflate = promisify(inflateRaw);

/**
 * Bounds an .xlsx before a spreadsheet library expands it: a 300 KB file can inflate to
 * hundreds of megabytes (a zip bomb), and a sheet can hold far more rows than any roster.
 * Reads the zip's central directory, inflates every entry itself (asynchronously, never past
 * the size the directory declares) and counts the first sheet's rows that hold a value.
 */
export interface XlsxLimits {
  /** All entries together, inflated. */
  inflatedBytes: number;
  /** Rows holding at least one value in the first sheet, header included. */
  rows: number;
}

export type XlsxVerdict = { ok: true } | { ok: false; reason: 'unreadable' | 'too-large' | 'too-many-rows' };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const MAX_ENTRIES = 2000;

function centralDirectory(zip: Buffer): Entry[] | null {
  // The end-of-central-directory record: in the last 22 + 65,535 bytes (its comment may be that long).
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES || offset === 0xffffffff) return null;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) return null;
    const nameLength = zip.readUInt16LE(offset + 28);
    const entry: Entry = {
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    };
    // ZIP64 sizes (0xffffffff) mean gigabytes: no roster.
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return null;
    entries.push(entry);
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

/** An entry's bytes, inflated to at most its declared size (a larger output is refused by zlib). */
async function contentOf(zip: Buffer, entry: Entry): Promise<Buffer | null> {
  const local = entry.localOffset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) return null;
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return null;
  if (entry.method === 0) return entry.size === data.length ? data : null;
  if (entry.method !== 8) return null;
  if (entry.size === 0) return Buffer.alloc(0);
  const inflated = await inflate(data, { maxOutputLength: entry.size });
  return inflated.length === entry.size ? inflated : null;
}

/** The first sheet's part name, from the workbook and its relationships (null when unclear). */
function firstSheetPart(files: Map<string, Buffer>): string | null {
  const workbook = files.get('xl/workbook.xml')?.toString('utf8');
  const rels = files.get('xl/_rels/workbook.xml.rels')?.toString('utf8');
  const id = workbook && /<(?:\w+:)?sheet\b[^>]*?\b\w+:id="([^"]+)"/.exec(workbook)?.[1];
  if (!id || !rels) return null;
  for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    if (/\bId="([^"]+)"/.exec(tag)?.[1] !== id) continue;
    const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
    if (!target) return null;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return null;
}

/** Rows that hold a value (`<v>`, an inline string): formatted empty rows do not count. */
export function rowsWithValues(sheetXml: string): number {
  let rows = 0;
  for (const match of sheetXml.matchAll(/<(?:\w+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g))
    if (match[1] && /<(?:\w+:)?(?:v|is)\b/.test(match[1])) rows++;
  return rows;
}

export async function checkXlsx(zip: Buffer, limits: XlsxLimits): Promise<XlsxVerdict> {
  const entries = zip.length >= 22 ? centralDirectory(zip) : null;
  if (!entries) return { ok: false, reason: 'unreadable' };
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > limits.inflatedBytes) return { ok: false, reason: 'too-large' };
  const files = new Map<string, Buffer>();
  for (const entry of entries) {
    let content: Buffer | null;
    try {
      content = await contentOf(zip, entry);
    } catch (error) {
      // Inflating past the declared size: the directory lies (a bomb). Otherwise corrupt data.
      const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      return { ok: false, reason: tooLarge ? 'too-large' : 'unreadable' };
    }
    if (!content) return { ok: false, reason: 'unreadable' };
    files.set(entry.name, content);
  }
  const first = firstSheetPart(files);
  const sheets =
    first && files.has(first) ? [first] : [...files.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  for (const sheet of sheets)
    if (rowsWithValues((files.get(sheet) as Buffer).toString('utf8')) > limits.rows)
      return { ok: false, reason: 'too-many-rows' };
  return { ok: true };
}
