import type { CoveragePoint, EmployerItem, EmployerKind } from '../../contracts/roster';
import {
  EMPLOYER_KIND_LABEL,
  EMPLOYER_LIST_LABEL,
  EMPLOYER_NAME_MAX,
  EMPLOYER_SUGGESTION_LABEL,
} from '../../contracts/labels/roster';
import { cellText, headerKey, plain } from './import/normalise';
import { readTable, type Sheet, type TableFailure } from './import/table';
import { HEADER_SEARCH_ROWS, MAX_IMPORT_ROWS } from './import/types';
import { normaliseEmployer } from './employers';
import { addPrintableSheet, newWorkbook, workbookBytes } from '../shared/printable-sheet';

/** The register's columns and the names they go by, the template's first. */
const REGISTER_ALIASES = {
  name: ['单位名称', '组织名称', '企业名称', '名称', '单位'],
  kind: ['类型', '组织类型', '单位类型', '类别'],
  address: ['地址', '单位地址', '注册地址', '经营地址'],
  staff: ['从业人员数', '从业人员', '职工人数', '员工人数', '从业人数'],
  hasOrganisation: ['是否已建党组织', '已建党组织', '是否建立党组织', '党组织', '是否建有党组织'],
} as const;

type RegisterField = keyof typeof REGISTER_ALIASES;

const HEADERS: Record<RegisterField, string> = {
  name: '单位名称',
  kind: '类型',
  address: '地址',
  staff: '从业人员数',
  hasOrganisation: '是否已建党组织',
};

const FIELD_OF = new Map<string, RegisterField>(
  (Object.entries(REGISTER_ALIASES) as Array<[RegisterField, readonly string[]]>).flatMap(([field, names]) =>
    names.map((name) => [name, field] as const),
  ),
);

const FILE_MESSAGES: Record<TableFailure, string> = {
  unreadable: '无法读取文件，请使用 .xlsx 或 .csv 文件',
  xls: '这是旧版 .xls 文件（或设置了密码的文件），无法直接读取：请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
  ods: '这是 .ods 文件，无法直接读取：请在 WPS 或 LibreOffice 中另存为 .xlsx 后再导入',
  'too-large': '文件过大，请只保留两新组织名册',
  'too-many-rows': `行数过多：最多 ${MAX_IMPORT_ROWS} 行`,
};

const KIND_BY_LABEL: Record<string, EmployerKind> = {
  企业: 'enterprise',
  非公企业: 'enterprise',
  非公有制企业: 'enterprise',
  社会组织: 'social',
};

const YES = new Set(['是', '已建', '有', 'Y', 'YES', '√']);
const NO = new Set(['否', '未建', '无', 'N', 'NO', '×']);

export interface RegisterRow {
  row: number;
  name: string;
  /** Absent: the file has no such column (an update keeps what the register had). */
  kind?: EmployerKind | null;
  address?: string | null;
  staff?: number | null;
  hasOrganisation?: boolean;
}

export interface RegisterIssue {
  row: number;
  column: string;
  message: string;
}

export type ParsedRegister =
  { ok: true; rows: RegisterRow[]; errors: RegisterIssue[] } | { ok: false; message: string };

interface Header {
  sheet: number;
  at: number;
  columns: Partial<Record<RegisterField, { index: number; header: string }>>;
}

/** The register's header: in the first rows of any sheet, the row naming 单位名称 and the most other register columns. */
function findRegisterHeader(sheets: Sheet[]): Header | null {
  let found: Header | null = null;
  let score = 0;
  sheets.forEach((sheet, s) => {
    for (let at = 0; at < sheet.rows.length && sheet.rows[at].row <= HEADER_SEARCH_ROWS; at++) {
      const columns: Header['columns'] = {};
      Array.from(sheet.rows[at].cells, (c) => cellText(c ?? null)).forEach((text, index) => {
        const field = FIELD_OF.get(headerKey(text));
        if (field && !columns[field]) columns[field] = { index, header: text };
      });
      const count = Object.keys(columns).length;
      if (columns.name && count > score) {
        found = { sheet: s, at, columns };
        score = count;
      }
    }
  });
  return found;
}

/** The register as rows; each malformed cell an issue (its row is left out). No 单位名称 column: nothing at all. */
export async function parseRegister(content: Buffer): Promise<ParsedRegister> {
  const table = await readTable(content);
  if (!table.ok) return { ok: false, message: FILE_MESSAGES[table.reason] };
  const header: Header | null = findRegisterHeader(table.sheets);
  if (!header) return { ok: false, message: '找不到“单位名称”列：请在表头写明单位名称' };
  const { columns } = header;
  const rows: RegisterRow[] = [];
  const errors: RegisterIssue[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, cells } of table.sheets[header.sheet].rows.slice(header.at + 1)) {
    const text = (field: RegisterField) => {
      const column = columns[field];
      if (!column) return '';
      const written = cellText(cells[column.index] ?? null);
      // The name as the register writes it (full-width brackets and all): compared normalised.
      return (field === 'name' ? written.replace(/[\u200b-\u200d\u2060\ufeff]/g, '') : plain(written)).trim();
    };
    const issues: RegisterIssue[] = [];
    const issue = (field: RegisterField, message: string) =>
      issues.push({ row, column: columns[field]?.header ?? HEADERS[field], message });
    const name = text('name').replace(/\s+/g, ' ');
    const rest = (['kind', 'address', 'staff', 'hasOrganisation'] as const).some((f) => text(f) !== '');
    if (!name) {
      // A line of notes or a total under the table has no name and nothing else we read.
      if (rest) issue('name', '单位名称不能为空');
      errors.push(...issues);
      continue;
    }
    if (/^(合计|总计|小计)/.test(name)) continue;
    if (name.length < 2 || name.length > EMPLOYER_NAME_MAX)
      issue('name', `单位名称应为 2 到 ${EMPLOYER_NAME_MAX} 个字`);
    const parsed: RegisterRow = { row, name };
    if (columns.kind) {
      const kindText = text('kind').replace(/\s+/g, '');
      parsed.kind = kindText ? (KIND_BY_LABEL[kindText] ?? null) : null;
      if (kindText && !parsed.kind) issue('kind', `类型「${kindText}」应为“企业”或“社会组织”`);
    }
    if (columns.address) {
      const address = text('address');
      if (address.length > 100) issue('address', '地址不超过 100 个字');
      parsed.address = address || null;
    }
    if (columns.staff) {
      const staffText = text('staff').replace(/[,，\s]|人$/g, '');
      if (!staffText) parsed.staff = null;
      else if (/^\d{1,7}$/.test(staffText)) parsed.staff = Number(staffText);
      else issue('staff', `从业人员数「${text('staff')}」应为 0 或正整数`);
    }
    if (columns.hasOrganisation) {
      const answer = text('hasOrganisation').replace(/\s+/g, '').toUpperCase();
      if (YES.has(answer)) parsed.hasOrganisation = true;
      else if (NO.has(answer) || !answer) parsed.hasOrganisation = false;
      else issue('hasOrganisation', `是否已建党组织「${text('hasOrganisation')}」应为“是”或“否”`);
    }
    const key = normaliseEmployer(name);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) issue('name', `与第 ${earlier} 行是同一个单位`);
    if (issues.length) {
      errors.push(...issues);
      continue;
    }
    firstRow.set(key, row);
    rows.push(parsed);
  }
  return { ok: true, rows, errors };
}

/** The register with the members found, the suggestion and list in Chinese; the coverage history on a second sheet. */
export async function buildEmployersExport(
  committee: string,
  exportedAt: Date,
  items: readonly EmployerItem[],
  coverage: number | null,
  history: readonly CoveragePoint[],
): Promise<Buffer> {
  const title = `${committee} 两新组织党建工作台账`;
  const workbook = newWorkbook(title);
  addPrintableSheet(workbook, {
    name: '两新组织',
    title,
    org: committee,
    facts: [`组织覆盖率：${coverage === null ? '—' : `${(coverage * 100).toFixed(1)}%`}`],
    exportedAt,
    columns: [
      { key: 'employer', header: '单位名称', width: 28 },
      { key: 'kind', header: '类型', width: 10 },
      { key: 'address', header: '地址', width: 24 },
      { key: 'staff', header: '从业人员数', width: 10, kind: 'integer' },
      { key: 'full', header: '正式党员', width: 10, kind: 'integer', total: true },
      { key: 'probationary', header: '预备党员', width: 10, kind: 'integer', total: true },
      { key: 'hasOrganisation', header: '已建党组织', width: 10 },
      { key: 'suggestion', header: '组建建议', width: 22 },
      { key: 'list', header: '名单', width: 10 },
      { key: 'note', header: '备注', width: 24 },
    ],
    rows: items.map((item) => ({
      employer: item.employer,
      kind: item.kind ? EMPLOYER_KIND_LABEL[item.kind] : '',
      address: item.address ?? '',
      staff: item.staff,
      full: item.full,
      probationary: item.probationary,
      hasOrganisation: item.hasOrganisation ? '是' : '否',
      suggestion: EMPLOYER_SUGGESTION_LABEL[item.suggestion],
      list: item.list ? EMPLOYER_LIST_LABEL[item.list] : '',
      note: item.note,
    })),
    totalsLabel: '合计',
  });
  addPrintableSheet(workbook, {
    name: '覆盖率',
    title: `${committee} 组织覆盖率（按月）`,
    org: committee,
    exportedAt,
    columns: [
      { key: 'month', header: '月份', width: 12 },
      { key: 'coverage', header: '组织覆盖率', width: 14, kind: 'percent' },
    ],
    rows: history.map((point) => ({ month: point.month, coverage: point.coverage })),
  });
  return workbookBytes(workbook);
}
