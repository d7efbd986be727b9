import { nameSchema } from '../../../contracts/common';
import { findHeader, headerOf, type Column, type HeaderRow, type ImportField } from './header';
import { PROFILE_COLUMNS, readProfile } from './profile';
import {
  cellText,
  normaliseName,
  plain,
  readDate,
  readOnTheWayStatus,
  readPartyStatus,
  readPhone,
  type DateReading,
} from './normalise';
import { isBlank, type CellValue, type Sheet } from './table';
import {
  HEADER_SEARCH_ROWS,
  MAX_IMPORT_ROWS,
  ROSTER_COLUMNS,
  SAMPLE_ROW,
  type ParsedRoster,
  type RosterField,
  type RosterRow,
  type RowIssue,
} from './types';

/** Lines under (or amid) the table that are no member: totals, signatures, dates, notes. */
const FOOTER =
  /^(?:合计|总计|小计|共计|填表人|填报人|审核人|制表人|负责人|联系人|经办人|审批人|签字|签名|盖章|填报日期|填表日期|制表日期|审核日期|日期[:：]|注[:：]|说明[:：]|备注[:：])/;

/** A row of someone on the way to membership: 发展党员 puts them on the roster, step by step. */
const ON_THE_WAY_REFUSAL = (column: string, text: string) =>
  `${column}「${text}」：入党申请人、入党积极分子和发展对象不通过花名册导入，请在“发展党员”中建档；花名册导入只登记正式党员和预备党员`;

const TEMPLATE_HEADER = ROSTER_COLUMNS.map((c) => c.header).join('、');
const EXAMPLE_DATE = { joinedAt: '2010-07-01', fullAt: '2011-07-01' } as const;

export const fileIssue = (message: string): ParsedRoster => ({
  rows: [],
  issues: [{ row: 0, field: 'file', message }],
});

const quote = (texts: string[]) =>
  texts
    .filter((t) => t !== '')
    .slice(0, 12)
    .join('、');

/** Why no header was taken: the nearest row and what it lacks, or what the first row holds. */
function headerIssue(sheets: Sheet[], near: HeaderRow | null): ParsedRoster {
  if (near) {
    const missing = near.missing.map((f) => `「${headerOf(f)}」`).join('');
    return {
      rows: [],
      issues: [
        {
          row: near.row,
          field: 'header',
          message: `表头缺少${missing}列；表头应有 ${TEMPLATE_HEADER} 等列，第 ${near.row} 行是「${quote(near.texts)}」`,
        },
      ],
    };
  }
  const first = sheets.find((s) => s.rows.length)?.rows[0];
  const found = first ? `，第 ${first.row} 行是「${quote(Array.from(first.cells, (c) => cellText(c ?? null)))}」` : '';
  return {
    rows: [],
    issues: [
      {
        row: first?.row ?? 1,
        field: 'header',
        message: `前 ${HEADER_SEARCH_ROWS} 行中没有找到表头：表头应有 ${TEMPLATE_HEADER} 等列${found}`,
      },
    ],
  };
}

interface RowReader {
  row: number;
  cell(field: ImportField): CellValue;
  column(field: ImportField): string;
}

function dateIssue(reader: RowReader, field: 'joinedAt' | 'fullAt', reading: DateReading, warnings: RowIssue[]) {
  const column = reader.column(field);
  const raw = cellText(reader.cell(field));
  if (reading.kind === 'invalid') return `${column}「${raw}」不是有效日期，应如 ${EXAMPLE_DATE[field]}`;
  if (reading.kind === 'date' && reading.monthOnly)
    warnings.push({
      row: reader.row,
      field: headerOf(field),
      message: `${column}「${raw}」只有年月，按 ${reading.date} 导入`,
      column,
      value: raw,
    });
  return null;
}

/** Reads one member's row: the member, or every problem of the row at once. */
function readRow(
  reader: RowReader,
  seenPhones: Map<string, number>,
  warnings: RowIssue[],
): { member: RosterRow | null; issues: RowIssue[] } {
  const { row } = reader;
  const issues: RowIssue[] = [];
  const raw = (field: RosterField) => cellText(reader.cell(field));
  const fail = (field: RosterField, message: string) =>
    issues.push({ row, field: headerOf(field), message, column: reader.column(field), value: raw(field) });

  const name = normaliseName(raw('name'));
  const nameResult = nameSchema.safeParse(name);
  if (!name) fail('name', `${reader.column('name')}为空，请填写党员姓名`);
  else if (!nameResult.success)
    fail('name', `${reader.column('name')}「${raw('name')}」有误：${nameResult.error.issues[0].message}`);

  const phone = readPhone(reader.cell('phone'));
  const phoneColumn = reader.column('phone');
  if (phone.kind === 'empty' || phone.kind === 'landline') {
    // A member without a mobile (many retired members): found by name in the branch, or created.
  } else if (phone.kind === 'invalid')
    fail('phone', `${phoneColumn}「${raw('phone')}」不是 11 位手机号或固定电话，应如 13912345678 或 0571-88886666`);
  else if (phone.kind === 'masked') {
    // Resolved against the branch's roster by the import (the same name holding a number shown so).
  } else {
    const earlier = seenPhones.get(phone.phone);
    if (earlier !== undefined) fail('phone', `${phoneColumn}「${phone.phone}」与第 ${earlier} 行的手机号重复`);
    else seenPhones.set(phone.phone, row);
    if (phone.others.length)
      warnings.push({
        row,
        field: headerOf('phone'),
        message: `${phoneColumn}「${raw('phone')}」有多个号码，导入手机号 ${phone.phone}`,
        column: phoneColumn,
        value: raw('phone'),
      });
  }

  const statusText = raw('partyStatus');
  const partyStatus = readPartyStatus(reader.cell('partyStatus'));
  // Someone on the way has no 入党日期 to give: only the refusal is said, not the dates' problems.
  if (readOnTheWayStatus(reader.cell('partyStatus'))) {
    fail('partyStatus', ON_THE_WAY_REFUSAL(reader.column('partyStatus'), statusText));
    return { member: null, issues };
  }
  if (!partyStatus)
    fail(
      'partyStatus',
      `${reader.column('partyStatus')}${statusText ? `「${statusText}」` : '为空'}，应为 正式党员 或 预备党员（也可写 中共党员、中共预备党员）`,
    );

  const joined = readDate(reader.cell('joinedAt'));
  if (joined.kind === 'empty') fail('joinedAt', `${reader.column('joinedAt')}为空，应如 ${EXAMPLE_DATE.joinedAt}`);
  const joinedProblem = dateIssue(reader, 'joinedAt', joined, warnings);
  if (joinedProblem) fail('joinedAt', joinedProblem);

  const full = readDate(reader.cell('fullAt'));
  const fullProblem = dateIssue(reader, 'fullAt', full, warnings);
  if (fullProblem) fail('fullAt', fullProblem);
  else if (partyStatus === 'full' && full.kind === 'empty')
    fail('fullAt', `正式党员请填写${reader.column('fullAt')}，应如 ${EXAMPLE_DATE.fullAt}`);
  else if (partyStatus === 'probationary' && full.kind !== 'empty')
    fail('fullAt', `预备党员的${reader.column('fullAt')}应留空，填的是「${raw('fullAt')}」`);
  else if (joined.kind === 'date' && full.kind === 'date' && full.date < joined.date)
    fail('fullAt', `${reader.column('fullAt')} ${full.date} 早于${reader.column('joinedAt')} ${joined.date}`);

  if (issues.length || !partyStatus || phone.kind === 'invalid' || joined.kind !== 'date')
    return { member: null, issues };
  const group = plain(raw('group')).replace(/\s+/g, ' ').trim();
  const { profile, skipped } = readProfile(reader.cell, reader.column);
  for (const s of skipped)
    warnings.push({
      row,
      field: headerOf(s.field),
      message: s.message,
      column: reader.column(s.field),
      value: cellText(reader.cell(s.field)),
    });
  return {
    member: {
      row,
      name: nameResult.data as string,
      ...(phone.kind === 'masked'
        ? { phone: phone.masked, phoneMasked: true }
        : { phone: phone.kind === 'mobile' ? phone.phone : null }),
      ...(phone.kind === 'landline' ? { landline: phone.number } : {}),
      ...(phone.kind === 'mobile' && phone.landline ? { landline: phone.landline } : {}),
      partyStatus,
      joinedAt: joined.date,
      fullAt: full.kind === 'date' ? full.date : null,
      group: group || null,
      ...(Object.keys(profile).length ? { profile } : {}),
    },
    issues,
  };
}

/**
 * The members of a table: the header found in any sheet, the rows under it read one by one.
 * Skipped without a word: empty rows (a 序号 alone is empty), the header repeated (a printed
 * roster's every page), totals and signature lines. Skipped with a warning: the template's example.
 */
export function readRoster(sheets: Sheet[]): ParsedRoster {
  const header = findHeader(sheets);
  if (!header || header.missing.length) return headerIssue(sheets, header);
  const { columns } = header;
  const emptyColumn: Column = { index: -1, header: '' };
  const rows: RosterRow[] = [];
  const issues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const seenPhones = new Map<string, number>();
  const source: NonNullable<ParsedRoster['source']> = {
    header: header.texts,
    rows: [],
  };
  let members = 0;
  let samples = 0;
  for (const { row, cells } of sheets[header.sheet].rows.slice(header.at + 1)) {
    const column = (field: ImportField) => columns[field] ?? emptyColumn;
    const cell = (field: ImportField): CellValue => cells[column(field).index] ?? null;
    const fields = ROSTER_COLUMNS.map((c) => cell(c.key));
    if (fields.every(isBlank)) continue;
    const first = plain(cellText(cells.find((c) => !isBlank(c ?? null)) ?? null)).replace(/\s+/g, '');
    if (FOOTER.test(first)) continue;
    if (cellText(cell('name')).replace(/\s+/g, '') === column('name').header.replace(/\s+/g, '')) continue;
    const phone = readPhone(cell('phone'));
    if (
      (phone.kind === 'mobile' && phone.phone === SAMPLE_ROW.phone) ||
      normaliseName(cellText(cell('name'))).includes('示例')
    ) {
      samples++;
      warnings.push({
        row,
        field: 'file',
        message: `「${cellText(cell('name'))} ${cellText(cell('phone'))}」是模板的示例行，不会导入`,
      });
      continue;
    }
    members++;
    if (members > MAX_IMPORT_ROWS) return fileIssue(`行数过多：最多 ${MAX_IMPORT_ROWS} 行`);
    const reader: RowReader = {
      row,
      cell,
      column: (field) => column(field).header.trim() || headerOf(field),
    };
    source.rows.push({ row, cells: header.texts.map((_, i) => cellText(cells[i] ?? null)) });
    const read = readRow(reader, seenPhones, warnings);
    if (read.member) rows.push(read.member);
    issues.push(...read.issues);
  }
  if (rows.length + issues.length === 0)
    issues.push({
      row: 0,
      field: 'file',
      message: samples ? '文件中没有党员数据（模板的示例行不会导入）' : '文件中没有党员数据',
    });
  const recognizedColumns = [...ROSTER_COLUMNS, ...PROFILE_COLUMNS].flatMap((c) =>
    columns[c.key] ? [columns[c.key]?.header ?? c.header] : [],
  );
  const columnNames = Object.fromEntries(
    Object.entries(columns).map(([field, column]) => [field, column.header.trim() || headerOf(field as ImportField)]),
  );
  return { rows, issues, warnings, ignoredColumns: header.ignored, recognizedColumns, columnNames, source };
}
