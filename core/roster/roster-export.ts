import {
  isPartyMember,
  PARTY_STATUSES,
  PARTY_STATUS_LABELS as STATUS_LABELS,
  type PartyStatus,
} from '../../contracts/common';
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
 * What a roster of these 党员身份 is called (left out: everyone): 党员花名册 for the Party members,
 * 发展对象名册, 入党积极分子名册 …; the whole roster, when it holds people on the way, says so.
 */
export function rosterKind(statuses: readonly PartyStatus[] | undefined, anyOnTheWay: boolean): string {
  const chosen = PARTY_STATUSES.filter((s) => !statuses || statuses.includes(s));
  if (chosen.length === PARTY_STATUSES.length) return anyOnTheWay ? '花名册（含入党积极分子等）' : '党员花名册';
  const both = chosen.includes('full') && chosen.includes('probationary');
  if (both && chosen.length === 2) return '党员花名册';
  const names = both
    ? ['党员', ...chosen.filter((s) => !isPartyMember(s)).map((s) => STATUS_LABELS[s])]
    : chosen.map((s) => STATUS_LABELS[s]);
  return `${names.join('、')}名册`;
}

/**
 * An org's roster, printable and re-importable: the header is the template's (a title above it
 * is found by the import), the 党小组 and the phone (masked or not) tell same-name members apart.
 * `kind` names what it holds (`rosterKind`).
 */
export async function buildRosterExport(
  org: string,
  exportedAt: Date,
  members: ExportMember[],
  kind = '党员花名册',
): Promise<Buffer> {
  const title = `${org} ${kind}`;
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
