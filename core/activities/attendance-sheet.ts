import ExcelJS from 'exceljs';
import { ATTENDANCE_LABELS } from './attendance-labels';
import type { AttendanceItem, AttendanceStatus } from '../../contracts/activity';

const METHOD_LABELS = { self: '扫码', organiser: '组织者扫码', manual: '补签' } as const;

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5F6F7' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** One activity's attendance: a row per expected member, then the counts. */
export async function buildActivityAttendance(
  title: string,
  items: Array<AttendanceItem & { atText: string }>,
  summary: Array<[string, string | number]>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  const sheet = workbook.addWorksheet('签到明细');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '状态', key: 'status', width: 10 },
    { header: '签到时间', key: 'at', width: 18 },
    { header: '方式', key: 'method', width: 12 },
    { header: '备注', key: 'note', width: 30 },
  ];
  for (const item of items)
    sheet.addRow({
      name: item.name,
      status: ATTENDANCE_LABELS[item.status],
      at: item.atText,
      method: item.method ? METHOD_LABELS[item.method] : '',
      note: item.note ?? '',
    });
  styleHeader(sheet);
  const totals = workbook.addWorksheet('汇总');
  totals.columns = [
    { header: '项目', key: 'label', width: 16 },
    { header: '数值', key: 'value', width: 16 },
  ];
  for (const [label, value] of summary) totals.addRow({ label, value });
  styleHeader(totals);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface PeriodActivityColumn {
  title: string;
  date: string;
  rate: string;
}

/** An org's attendance over a period: a member per row, an activity per column, and each member's rate. */
export async function buildPeriodAttendance(
  title: string,
  activities: PeriodActivityColumn[],
  members: Array<{ name: string; statuses: Array<AttendanceStatus | null>; rate: string }>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  const sheet = workbook.addWorksheet('出勤统计');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 12 },
    ...activities.map((a, i) => ({ header: `${a.date} ${a.title}`, key: `a${i}`, width: 18 })),
    { header: '出勤率', key: 'rate', width: 10 },
  ];
  for (const member of members) {
    const row: Record<string, string> = { name: member.name, rate: member.rate };
    member.statuses.forEach((status, i) => (row[`a${i}`] = status ? ATTENDANCE_LABELS[status] : '—'));
    sheet.addRow(row);
  }
  const rates: Record<string, string> = { name: '活动出勤率', rate: '' };
  activities.forEach((a, i) => (rates[`a${i}`] = a.rate));
  sheet.addRow(rates).font = { bold: true };
  styleHeader(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
