import ExcelJS from 'exceljs';
import type { RuleItem } from '../../contracts/points';

export interface PointsExportMember {
  name: string;
  /** Net points per rule code in the period. */
  byRule: Record<string, number>;
  bonus: number;
  deduction: number;
  net: number;
  rank: number;
}

export interface PointsExportEntry {
  at: string;
  name: string;
  ruleName: string;
  value: number;
  reason: string;
  note: string;
}

const ENTRY_COLUMNS = [
  { header: '时间', key: 'at', width: 18 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '积分项目', key: 'ruleName', width: 16 },
  { header: '分值', key: 'value', width: 8 },
  { header: '原因', key: 'reason', width: 40 },
  { header: '备注', key: 'note', width: 16 },
];

/** A branch's points for a period: 积分汇总 (a column per rule) and 积分明细 (every entry). */
export async function buildPointsExport(
  title: string,
  rules: RuleItem[],
  members: PointsExportMember[],
  entries: PointsExportEntry[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  const totals = workbook.addWorksheet('积分汇总');
  totals.columns = [
    { header: '排名', key: 'rank', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    ...rules.map((rule) => ({
      header: rule.name,
      key: `rule:${rule.code}`,
      width: Math.max(10, rule.name.length * 2 + 2),
    })),
    { header: '加分', key: 'bonus', width: 8 },
    { header: '扣分', key: 'deduction', width: 8 },
    { header: '净分', key: 'net', width: 8 },
  ];
  for (const member of members)
    totals.addRow({
      rank: member.rank,
      name: member.name,
      ...Object.fromEntries(rules.map((rule) => [`rule:${rule.code}`, member.byRule[rule.code] ?? 0])),
      bonus: member.bonus,
      deduction: member.deduction,
      net: member.net,
    });
  const details = workbook.addWorksheet('积分明细');
  details.columns = ENTRY_COLUMNS;
  for (const entry of entries) details.addRow(entry);
  for (const sheet of [totals, details]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
