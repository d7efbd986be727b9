import ExcelJS from 'exceljs';
import { dateSchema, nameSchema, phoneSchema, type PartyStatus } from '../../contracts/common';
import { checkXlsx } from '../shared/xlsx-bounds';

/** The roster's Excel layout, shared by the template, the import and the export. */
export const ROSTER_COLUMNS = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '手机号', key: 'phone', width: 16 },
  { header: '党员身份', key: 'partyStatus', width: 12 },
  { header: '入党日期', key: 'joinedAt', width: 14 },
  { header: '转正日期', key: 'fullAt', width: 14 },
  { header: '党小组', key: 'group', width: 14 },
] as const;

const STATUS_LABELS: Record<PartyStatus, string> = { full: '正式党员', probationary: '预备党员' };
const STATUS_BY_LABEL: Record<string, PartyStatus> = {
  正式党员: 'full',
  正式: 'full',
  预备党员: 'probationary',
  预备: 'probationary',
};
/** Members in one import: about a committee's worth, and one transaction's. */
export const MAX_IMPORT_ROWS = 1000;
/** What an import's workbook may inflate to: a 1,000-row roster is well under 1 MB; room for styles and a logo. */
export const MAX_INFLATED_BYTES = 20 * 1024 * 1024;
/** Row problems an answer lists (the count is always given): enough to fix a file, never megabytes. */
export const MAX_LISTED_ISSUES = 100;

const BOUND_MESSAGES = {
  unreadable: '无法读取文件，请使用 .xlsx 格式的花名册模板',
  'too-large': `文件解压后过大：不能超过 ${MAX_INFLATED_BYTES / (1024 * 1024)} MB，请使用花名册模板`,
  'too-many-rows': `行数过多：最多 ${MAX_IMPORT_ROWS} 行`,
} as const;

export interface RosterRow {
  row: number;
  name: string;
  phone: string;
  partyStatus: PartyStatus;
  joinedAt: string;
  fullAt: string | null;
  group: string | null;
}

export interface ParsedRoster {
  rows: RosterRow[];
  issues: RowIssue[];
}

export interface RowIssue {
  row: number;
  field: string;
  message: string;
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ ...c }));
  sheet.addRow({
    name: '张三',
    phone: '13800001234',
    partyStatus: '正式党员',
    joinedAt: '2010-07-01',
    fullAt: '2011-07-01',
    group: '',
  });
  sheet.getColumn('phone').numFmt = '@';
  styleHeader(sheet);
  const notes = workbook.addWorksheet('填写说明');
  notes.addRows([
    ['第一行为表头，请勿修改；示例行可删除。'],
    ['党员身份填“正式党员”或“预备党员”。'],
    ['日期格式为 2010-07-01；预备党员的转正日期留空。'],
    ['党小组填写本支部已有党小组的名称，可留空。'],
    ['姓名与手机号都相同的记录会被更新，其余新建；任何一行有误时整个文件不会导入。'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
  }
  return String(value).trim();
}

/** Accepts 2010-07-01, 2010/7/1, 2010.7.1 and 2010年7月1日. */
function normaliseDate(text: string): string {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!match) return text;
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}

/** Reads and validates every row; returns the rows, or every problem found (row numbers as Excel shows them). */
export async function parseRoster(content: Buffer): Promise<ParsedRoster> {
  // Bounded before exceljs expands anything: inflated size and rows (the header is one more row).
  const bounds = await checkXlsx(content, { inflatedBytes: MAX_INFLATED_BYTES, rows: MAX_IMPORT_ROWS + 1 });
  if (!bounds.ok) return { rows: [], issues: [{ row: 0, field: 'file', message: BOUND_MESSAGES[bounds.reason] }] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { rows: [], issues: [{ row: 0, field: 'file', message: '无法读取文件，请使用 .xlsx 格式的花名册模板' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], issues: [{ row: 0, field: 'file', message: '文件中没有工作表' }] };
  const headers = ROSTER_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value));
  const missing = ROSTER_COLUMNS.filter((c, i) => headers[i] !== c.header).map((c) => c.header);
  if (missing.length)
    return {
      rows: [],
      issues: [{ row: 1, field: 'header', message: `表头应为：${ROSTER_COLUMNS.map((c) => c.header).join('、')}` }],
    };

  const rows: RosterRow[] = [];
  const issues: RowIssue[] = [];
  const seenPhones = new Map<string, number>();
  let dataRows = 0;
  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    if (rowNumber === 1) return;
    const text = ROSTER_COLUMNS.map((_, i) => cellText(excelRow.getCell(i + 1).value));
    if (text.every((t) => t === '')) return;
    dataRows++;
    const [name, phone, statusLabel, joinedRaw, fullRaw, group] = text;
    const rowIssues: RowIssue[] = [];
    const check = (field: string, ok: boolean, message: string) => {
      if (!ok) rowIssues.push({ row: rowNumber, field, message });
    };
    const nameResult = nameSchema.safeParse(name);
    check('姓名', nameResult.success, nameResult.success ? '' : nameResult.error.issues[0].message);
    check('手机号', phoneSchema.safeParse(phone).success, '手机号应为 11 位数字');
    const partyStatus = STATUS_BY_LABEL[statusLabel];
    check('党员身份', partyStatus !== undefined, '党员身份应为“正式党员”或“预备党员”');
    const joinedAt = normaliseDate(joinedRaw);
    check('入党日期', dateSchema.safeParse(joinedAt).success, '入党日期格式应为 2010-07-01');
    const fullAt = fullRaw ? normaliseDate(fullRaw) : null;
    if (partyStatus === 'full')
      check(
        '转正日期',
        fullAt !== null && dateSchema.safeParse(fullAt).success,
        '正式党员请填写转正日期，格式 2011-07-01',
      );
    if (partyStatus === 'probationary') check('转正日期', fullAt === null, '预备党员的转正日期应留空');
    // Only two valid dates can be compared: an unreadable 入党日期 is reported on its own.
    const bothDates = fullAt !== null && dateSchema.safeParse(fullAt).success && dateSchema.safeParse(joinedAt).success;
    if (bothDates && (fullAt as string) < joinedAt) check('转正日期', false, '转正日期不能早于入党日期');
    const earlier = seenPhones.get(phone);
    check('手机号', earlier === undefined, `与第 ${earlier} 行的手机号重复`);
    seenPhones.set(phone, rowNumber);
    if (rowIssues.length) issues.push(...rowIssues);
    else
      rows.push({
        row: rowNumber,
        name: nameResult.data as string,
        phone,
        partyStatus,
        joinedAt,
        fullAt,
        group: group || null,
      });
  });
  if (rows.length + issues.length === 0) issues.push({ row: 0, field: 'file', message: '文件中没有党员数据' });
  if (dataRows > MAX_IMPORT_ROWS)
    return { rows: [], issues: [{ row: 0, field: 'file', message: BOUND_MESSAGES['too-many-rows'] }] };
  return { rows, issues };
}

export interface ExportMember {
  name: string;
  phone: string;
  partyStatus: PartyStatus;
  joinedAt: string | null;
  fullAt: string | null;
  group: string | null;
  branch: string;
  status: string;
  partyYears: number | null;
}

export async function buildRosterExport(title: string, members: ExportMember[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.columns = [
    ...ROSTER_COLUMNS.map((c) => ({ ...c })),
    { header: '所在支部', key: 'branch', width: 16 },
    { header: '状态', key: 'status', width: 10 },
    { header: '党龄', key: 'partyYears', width: 8 },
  ];
  for (const m of members)
    sheet.addRow({
      ...m,
      partyStatus: STATUS_LABELS[m.partyStatus],
      fullAt: m.fullAt ?? '',
      group: m.group ?? '',
      partyYears: m.partyYears ?? '',
    });
  styleHeader(sheet);
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
