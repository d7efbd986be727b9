import ExcelJS from 'exceljs';
import { fileIssue, readRoster } from './import/rows';
import { PROFILE_COLUMNS } from './import/profile';
import { EDUCATION_LEVELS, MEMBER_CATEGORIES } from '../../contracts/labels/roster';
import { readTable, type TableFailure } from './import/table';
import { MAX_IMPORT_ROWS, MAX_INFLATED_BYTES, ROSTER_COLUMNS, SAMPLE_ROW, type ParsedRoster } from './import/types';

export {
  MAX_IMPORT_ROWS,
  MAX_INFLATED_BYTES,
  MAX_LISTED_ISSUES,
  ROSTER_COLUMNS,
  type ParsedRoster,
  type RosterRow,
  type RowIssue,
} from './import/types';

const FILE_MESSAGES: Record<TableFailure, string> = {
  unreadable: '无法读取文件，请使用 .xlsx 格式的花名册模板，或 .csv 文件',
  xls: '这是旧版 .xls 文件（或设置了密码的文件），无法直接读取：请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
  ods: '这是 .ods 文件，无法直接读取：请在 WPS 或 LibreOffice 中另存为 .xlsx 后再导入',
  'too-large': `文件解压后过大：不能超过 ${MAX_INFLATED_BYTES / (1024 * 1024)} MB，请使用花名册模板`,
  'too-many-rows': `行数过多：最多 ${MAX_IMPORT_ROWS} 行`,
};

function styleHeader(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.columns = [
    ...ROSTER_COLUMNS.map((c) => ({ ...c })),
    ...PROFILE_COLUMNS.map((c) => ({
      header: `${c.header}（选填）`,
      key: c.key,
      width: c.key === 'workUnit' ? 24 : 14,
    })),
  ];
  // The example row says what it is, and the import knows it by its number: it is never imported.
  const example = sheet.addRow({
    name: SAMPLE_ROW.name,
    phone: SAMPLE_ROW.phone,
    partyStatus: '正式党员',
    joinedAt: '2010-07-01',
    fullAt: '2011-07-01',
    group: '',
    gender: '男',
    birthDate: '1985-06-01',
    ethnicity: '汉族',
    education: '大学本科',
    workUnit: '示范街道办事处',
    categories: '',
  });
  example.font = { italic: true, color: { argb: 'FF808080' } };
  example.getCell('name').note = '示例行：导入时自动跳过，可删除，也可在其下方填写';
  sheet.getColumn('phone').numFmt = '@';
  styleHeader(sheet);
  const notes = workbook.addWorksheet('填写说明');
  notes.addRows([
    ['第一行为表头，请勿修改；示例行（手机号 13800001234）导入时自动跳过，可删除。'],
    ['党员身份填“正式党员”或“预备党员”（也可写“中共党员”“中共预备党员”）。'],
    ['日期格式为 2010-07-01；预备党员的转正日期留空。'],
    ['党小组填写本支部已有党小组的名称，可留空。'],
    [`标“选填”的列可留空，留空时保留花名册中已有的内容。学历填：${EDUCATION_LEVELS.join('、')}。`],
    [`党员分类可填一项或几项，用“、”分隔：${MEMBER_CATEGORIES.join('、')}。`],
    ['导入前会先预览：新增、更新、无变化和有误的行一目了然；确认后才会写入花名册，有误的行可下载修改后重新导入。'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Reads a roster file (.xlsx, or CSV in UTF-8 / GBK) and validates every row: the header is found
 * in any sheet, columns by name in any order. Returns the members, or every problem found (row
 * numbers as Excel shows them), with the warnings and the columns not imported.
 */
export async function parseRoster(content: Buffer): Promise<ParsedRoster> {
  const table = await readTable(content);
  if (!table.ok) return fileIssue(FILE_MESSAGES[table.reason]);
  if (!table.sheets.some((s) => s.rows.length)) return fileIssue('文件中没有工作表或数据');
  return readRoster(table.sheets);
}
