import type { PartyStatus } from '../../../contracts/common';
import type { MemberProfile } from '../../../contracts/roster';

/** The roster's Excel layout, shared by the template, the import and the export. */
export const ROSTER_COLUMNS = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '手机号', key: 'phone', width: 16 },
  { header: '党员身份', key: 'partyStatus', width: 12 },
  { header: '入党日期', key: 'joinedAt', width: 14 },
  { header: '转正日期', key: 'fullAt', width: 14 },
  { header: '党小组', key: 'group', width: 14 },
] as const;

export type RosterField = (typeof ROSTER_COLUMNS)[number]['key'];

/** Members in one import: about a committee's worth, and one transaction's. */
export const MAX_IMPORT_ROWS = 1000;
/** What an import's workbook may inflate to (and a CSV file may weigh): a 1,000-row roster is well under 1 MB. */
export const MAX_INFLATED_BYTES = 20 * 1024 * 1024;
/** Row problems an answer lists (the count is always given): enough to fix a file, never megabytes. */
export const MAX_LISTED_ISSUES = 100;
/** The header is looked for in this many rows at the top of each sheet (a title, a 填报单位 line, blank lines). */
export const HEADER_SEARCH_ROWS = 10;
/** Lines a sheet may hold besides the header and the members (title, notes, totals, signatures). */
export const MAX_EXTRA_ROWS = 50;

/** The template's example member: never imported, whatever its name says. */
export const SAMPLE_ROW = { name: '张三（示例）', phone: '13800001234' } as const;

export interface RosterRow {
  row: number;
  name: string;
  /**
   * 11 digits, or as masked in an export (139****5678) when `phoneMasked`: the import finds the
   * member it stands for; null for a member without a mobile (found by name in the branch).
   */
  phone: string | null;
  phoneMasked?: boolean;
  /** A fixed-line number given instead of (or besides) the mobile. */
  landline?: string;
  /** Set by the import for a row without a mobile: the branch's member of that name it stands for. */
  matchedId?: string;
  partyStatus: PartyStatus;
  joinedAt: string;
  fullAt: string | null;
  group: string | null;
  /** The optional columns read (性别, 出生日期 …); a field absent here keeps what the roster has. */
  profile?: Partial<MemberProfile>;
}

/**
 * One problem (or warning) with one cell, row numbers as Excel shows them; row 0 is the file as a
 * whole. `field` is the roster column (姓名, 手机号 …); the message names the column as the file
 * calls it, the value found and what is expected, and is shown after "第 N 行".
 */
export interface RowIssue {
  row: number;
  field: string;
  message: string;
  /** The column as the file names it, and the cell's text (empty for the file as a whole). */
  column?: string;
  value?: string;
}

export interface ParsedRoster {
  rows: RosterRow[];
  issues: RowIssue[];
  /** Rows imported with a guess (a month without a day, two phone numbers) or skipped (the template's example). */
  warnings?: RowIssue[];
  /** Header texts of the columns that are not imported (序号, 性别, 身份证号 …). */
  ignoredColumns?: string[];
  /** Header texts of the columns imported, as the file names them. */
  recognizedColumns?: string[];
  /** Each roster field's column as the file names it (联系电话 for 手机号 …). */
  columnNames?: Partial<Record<string, string>>;
  /** The header row and each member row's cells as text, by row: what a refused row is written back with. */
  source?: { header: string[]; rows: Array<{ row: number; cells: string[] }> };
}
