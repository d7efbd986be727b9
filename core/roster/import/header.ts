import type { Sheet } from './table';
import { cellText, headerKey } from './normalise';
import { HEADER_SEARCH_ROWS, ROSTER_COLUMNS, type RosterField } from './types';
import { PROFILE_COLUMNS, type ProfileField } from './profile';

/** Every column the import reads: the roster's own, and the optional profile columns. */
export type ImportField = RosterField | ProfileField;

/** The names each column goes by in secretaries' own rosters, the template's first. */
export const COLUMN_ALIASES: Record<RosterField, readonly string[]> = {
  name: ['姓名', '党员姓名'],
  phone: ['手机号', '手机', '手机号码', '联系电话', '联系方式', '移动电话'],
  partyStatus: ['党员身份', '人员类别', '政治面貌', '党员类别'],
  joinedAt: ['入党日期', '入党时间', '入党年月'],
  fullAt: ['转正日期', '转正时间', '转正年月'],
  group: ['党小组', '所在党小组'],
};

/** Columns a roster must have; 党小组 may be left out (nobody is in a group then). */
export const REQUIRED: readonly RosterField[] = ['name', 'phone', 'partyStatus', 'joinedAt', 'fullAt'];

const ALL_ALIASES: Array<[ImportField, readonly string[]]> = [
  ...(Object.entries(COLUMN_ALIASES) as [RosterField, readonly string[]][]),
  ...PROFILE_COLUMNS.map((c): [ProfileField, readonly string[]] => [c.key, c.aliases]),
];

const FIELD_OF = new Map<string, { field: ImportField; rank: number }>(
  ALL_ALIASES.flatMap(([field, names]) => names.map((name, rank) => [name, { field, rank }] as const)),
);

export const headerOf = (field: ImportField): string =>
  ROSTER_COLUMNS.find((c) => c.key === field)?.header ?? PROFILE_COLUMNS.find((c) => c.key === field)?.header ?? field;

export interface Column {
  index: number;
  /** As the file writes it, for messages. */
  header: string;
}

export interface HeaderRow {
  sheet: number;
  /** Index into the sheet's rows. */
  at: number;
  row: number;
  columns: Partial<Record<ImportField, Column>>;
  ignored: string[];
  missing: RosterField[];
  texts: string[];
}

/** A row's roster columns: each field's best-ranked name (手机号 before 联系电话); every other header text is ignored. */
function readHeader(texts: string[]): Omit<HeaderRow, 'sheet' | 'at' | 'row'> {
  const best = new Map<ImportField, { index: number; rank: number }>();
  texts.forEach((text, index) => {
    const known = FIELD_OF.get(headerKey(text));
    const current = known && best.get(known.field);
    if (known && (!current || known.rank < current.rank)) best.set(known.field, { index, rank: known.rank });
  });
  const columns: Partial<Record<ImportField, Column>> = {};
  for (const [field, { index }] of best) columns[field] = { index, header: texts[index] };
  const used = new Set([...best.values()].map((b) => b.index));
  const ignored = texts.filter((text, index) => text !== '' && !used.has(index));
  return { columns, ignored, missing: REQUIRED.filter((f) => !best.has(f)), texts };
}

/**
 * The roster's header: in the first {@link HEADER_SEARCH_ROWS} rows of any sheet, the row that
 * names 姓名 and most other roster columns (the first such, sheets in order). Null when no row
 * names 姓名 and another roster column.
 */
export function findHeader(sheets: Sheet[]): HeaderRow | null {
  let found: HeaderRow | null = null;
  let foundScore = 0;
  sheets.forEach((sheet, s) => {
    for (let at = 0; at < sheet.rows.length && sheet.rows[at].row <= HEADER_SEARCH_ROWS; at++) {
      const { cells, row } = sheet.rows[at];
      const texts = Array.from(cells, (c) => cellText(c ?? null));
      const header = readHeader(texts);
      const score = Object.keys(header.columns).length;
      if (header.columns.name && score >= 2 && score > foundScore) {
        found = { sheet: s, at, row, ...header };
        foundScore = score;
      }
    }
  });
  return found;
}
