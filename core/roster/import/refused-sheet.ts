import ExcelJS from 'exceljs';
import type { ParsedRoster, RowIssue } from './types';

/**
 * The refused rows of an import as a workbook to fix and import again: the file's own header and
 * cells (as text, so that nothing is reformatted), each row's problems in a last column, and the
 * row it had in the original file.
 */
export async function buildRefusedRows(
  source: NonNullable<ParsedRoster['source']>,
  issues: readonly RowIssue[],
): Promise<Buffer> {
  const byRow = new Map<number, string[]>();
  for (const issue of issues) if (issue.row > 0) byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue.message]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('未导入的行');
  const header = [...source.header, '原文件行号', '错误说明'];
  sheet.addRow(header);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const { row, cells } of source.rows) {
    const problems = byRow.get(row);
    if (!problems) continue;
    const added = sheet.addRow([...cells, row, problems.join('；')]);
    added.getCell(header.length).font = { color: { argb: 'FFC8161D' } };
  }
  source.header.forEach((_, i) => {
    sheet.getColumn(i + 1).numFmt = '@';
    sheet.getColumn(i + 1).width = 14;
  });
  sheet.getColumn(header.length).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
