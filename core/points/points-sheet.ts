import type { RuleItem } from '../../contracts/points';
import { comparePinyin } from '../shared/pinyin-order';
import { addPrintableSheet, newWorkbook, workbookBytes, type PrintableColumn } from '../shared/printable-sheet';
import { SAME_NAME_HEADER } from '../shared/same-name';

export interface PointsExportMember {
  name: string;
  /** 党小组 and phone tail when another member on the sheet has the same name. */
  tag: string;
  /** Net points per rule code in the period. */
  byRule: Record<string, number>;
  bonus: number;
  /** Points deducted, as the totals keep them (a positive number): printed negative. */
  deduction: number;
  net: number;
  rank: number;
}

export interface PointsExportEntry {
  /** ISO instant. */
  at: string;
  name: string;
  tag: string;
  ruleName: string;
  value: number;
  reason: string;
  note: string;
}

export interface PointsExportHeading {
  org: string;
  /** Whom the sheet covers when not everyone (`党员`, `入党积极分子`; see categoryLabel); '' for everyone. */
  category?: string;
  /** The period's label, e.g. 2026年11月. */
  period: string;
  exportedAt: Date;
}

const ENTRY_COLUMNS: PrintableColumn[] = [
  { header: '时间', key: 'at', width: 17, kind: 'dateTime' },
  { header: '姓名', key: 'name', width: 10 },
  { header: SAME_NAME_HEADER, key: 'tag', width: 18 },
  { header: '积分项目', key: 'ruleName', width: 16 },
  { header: '分值', key: 'value', width: 8, kind: 'integer', total: true },
  { header: '原因', key: 'reason', width: 40 },
  { header: '备注', key: 'note', width: 10 },
];

/**
 * A branch's points for a period: 积分汇总 (a column per rule, by rank, names of one rank in pinyin
 * order) and 积分明细 (every entry by time). Deductions are negative wherever they appear.
 */
export async function buildPointsExport(
  heading: PointsExportHeading,
  rules: RuleItem[],
  members: PointsExportMember[],
  entries: PointsExportEntry[],
): Promise<Buffer> {
  const { category, ...printed } = heading;
  // Everyone: 党员积分汇总, as before; a category names itself (入党积极分子积分汇总).
  const who = category || '党员';
  const workbook = newWorkbook(`${heading.org}${category ? `（${category}）` : ''}积分-${heading.period}`);
  const ruleKey = (rule: RuleItem) => `rule:${rule.code}`;
  addPrintableSheet(workbook, {
    ...printed,
    name: '积分汇总',
    title: `${heading.org} ${who}积分汇总`,
    columns: [
      { header: '排名', key: 'rank', width: 6, kind: 'integer' },
      { header: '姓名', key: 'name', width: 10 },
      { header: SAME_NAME_HEADER, key: 'tag', width: 18 },
      ...rules.map((rule): PrintableColumn => ({
        header: rule.name,
        key: ruleKey(rule),
        width: Math.min(14, Math.max(8, rule.name.length * 2 + 1)),
        kind: 'integer',
        total: true,
      })),
      { header: '加分', key: 'bonus', width: 8, kind: 'integer', total: true },
      { header: '扣分', key: 'deduction', width: 8, kind: 'integer', total: true },
      { header: '净分', key: 'net', width: 8, kind: 'integer', total: true },
    ],
    rows: [...members]
      .sort((a, b) => a.rank - b.rank || comparePinyin(a.name, b.name))
      .map((member) => ({
        rank: member.rank,
        name: member.name,
        tag: member.tag,
        ...Object.fromEntries(rules.map((rule) => [ruleKey(rule), member.byRule[rule.code] ?? 0])),
        bonus: member.bonus,
        deduction: member.deduction ? -Math.abs(member.deduction) : 0,
        net: member.net,
      })),
    totalsLabel: '合计',
  });
  addPrintableSheet(workbook, {
    ...printed,
    name: '积分明细',
    title: `${heading.org} ${who}积分明细`,
    columns: ENTRY_COLUMNS,
    rows: [...entries].sort((a, b) => a.at.localeCompare(b.at) || comparePinyin(a.name, b.name)).map((e) => ({ ...e })),
    totalsLabel: '合计',
  });
  return workbookBytes(workbook);
}
