import ExcelJS from 'exceljs';
import type { MemoryFiles } from './harness';

/** The rows of every sheet of a workbook a function published, by sheet name (cells as exceljs reads them). */
export async function publishedSheets(files: MemoryFiles, fileID: string): Promise<Record<string, unknown[][]>> {
  const file = files.published.get(fileID);
  if (!file) throw new Error(`nothing published as ${fileID}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
  const result: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    result[sheet.name] = rows;
  }
  return result;
}
