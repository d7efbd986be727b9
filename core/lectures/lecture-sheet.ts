import ExcelJS from 'exceljs';

export interface LectureSheetRow {
  name: string;
  /** `0%` … `100%`: how much of the lecture is covered. */
  progress: string;
  /** 完成 or 未完成. */
  completed: string;
  quiz: string;
  watchedAt: string;
}

/**
 * One lecture's progress across an org: a row per member, then the counts. Watch time only
 * decides completion (国办 2026 规范: no 学习时长 as a basis of assessment), so no column holds it.
 */
export async function buildLectureStats(
  title: string,
  rows: LectureSheetRow[],
  summary: Array<[string, string | number]>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  const sheet = workbook.addWorksheet('学习情况');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '学习进度', key: 'progress', width: 10 },
    { header: '是否完成', key: 'completed', width: 10 },
    { header: '测验', key: 'quiz', width: 10 },
    { header: '最近学习', key: 'watchedAt', width: 18 },
  ];
  for (const row of rows) sheet.addRow(row);
  const totals = workbook.addWorksheet('汇总');
  totals.columns = [
    { header: '项目', key: 'label', width: 16 },
    { header: '数值', key: 'value', width: 30 },
  ];
  for (const [label, value] of summary) totals.addRow({ label, value });
  for (const ws of [sheet, totals]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
