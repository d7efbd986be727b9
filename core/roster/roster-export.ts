import { PARTY_STATUS_LABELS as STATUS_LABELS, type PartyStatus } from '../../contracts/common';
import { ROSTER_COLUMNS } from './import/types';
import { PROFILE_COLUMNS } from './import/profile';
import { inPinyinOrder } from '../shared/pinyin-order';
import { addPrintableSheet, newWorkbook, workbookBytes, type CellKind } from '../shared/printable-sheet';

const KINDS: Partial<Record<string, CellKind>> = { joinedAt: 'date', fullAt: 'date', birthDate: 'date' };

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
  /** The profile columns the import reads back (性别 … 党员分类, categories joined by 、). */
  gender: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  education: string | null;
  workUnit: string | null;
  categories: string;
}

/**
 * An org's roster, printable and re-importable: the header is the template's (a title above it
 * is found by the import), the 党小组 and the phone (masked or not) tell same-name members apart.
 */
export async function buildRosterExport(org: string, exportedAt: Date, members: ExportMember[]): Promise<Buffer> {
  const title = `${org} 党员花名册`;
  const workbook = newWorkbook(title);
  addPrintableSheet(workbook, {
    name: '花名册',
    title,
    org,
    exportedAt,
    columns: [
      ...ROSTER_COLUMNS.map((c) => ({ ...c, kind: KINDS[c.key] })),
      { header: '所在支部', key: 'branch', width: 16 },
      { header: '状态', key: 'status', width: 8 },
      { header: '党龄', key: 'partyYears', width: 8, kind: 'integer' },
      ...PROFILE_COLUMNS.map((c) => ({
        header: c.header,
        key: c.key,
        width: c.key === 'workUnit' ? 20 : c.key === 'categories' ? 16 : 10,
        kind: KINDS[c.key],
      })),
    ],
    rows: inPinyinOrder(members, (m) => m.name).map((m) => ({ ...m, partyStatus: STATUS_LABELS[m.partyStatus] })),
  });
  return workbookBytes(workbook);
}
