import type ExcelJS from 'exceljs';
import type { MeetingRecordView } from '../../contracts/activity';
import { chinaDate } from '../shared/china-time';
import { newWorkbook, SHEET_FONT, workbookBytes } from '../shared/printable-sheet';
import { timeSpan } from './attendance-sheet';

/**
 * The 会议记录 as one printable A4 page (portrait) for the branch's file: the meeting, who chaired
 * and who recorded it, attendance by name, for a 支部党员大会 the quorum and the vote, the topics,
 * the summary and the decisions, and room for the two signatures. Long texts wrap; each row is
 * made tall enough for its text, since neither Excel nor LibreOffice sizes rows of wrapped text.
 */

const LABEL_WIDTH = 14;
const VALUE_WIDTH = 72;
const LINE_HEIGHT = 15;
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Lines a text takes in the value column: a CJK character is about two of Excel's width units. */
export function linesFor(text: string, width = VALUE_WIDTH): number {
  return text.split('\n').reduce((lines, paragraph) => {
    const units = [...paragraph].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
    return lines + Math.max(1, Math.ceil(units / (width - 2)));
  }, 0);
}

const names = (list: string[]) => (list.length ? list.join('、') : '无');

/** The label/value rows of the record, in the order printed. */
export function recordRows(view: MeetingRecordView): Array<[string, string]> {
  const { activity, record, attendance: a, quorum } = view;
  const rows: Array<[string, string]> = [
    ['会议名称', activity.title],
    ['会议类型', activity.kindLabel],
    ['会议时间', timeSpan(activity.startAt, activity.endAt)],
    ['会议地点', activity.place?.name ?? ''],
    ['主持人', record?.host ?? ''],
    ['记录人', record?.recorder ?? ''],
    [
      '出席情况',
      `应到 ${a.expected} 人，出席 ${a.present.length} 人，迟到 ${a.late.length} 人，请假 ${a.leave.length} 人，` +
        `${a.exempt.length ? `免参加 ${a.exempt.length} 人，` : ''}缺席 ${a.absent.length} 人`,
    ],
    ['出席人员', names(a.present)],
    ['迟到人员', names(a.late)],
    ['请假人员', names(a.leave)],
    ...(a.exempt.length ? [['免参加人员', names(a.exempt)] as [string, string]] : []),
    ['缺席人员', names(a.absent)],
    // People on the way who came: 列席, not in the counts above.
    ...(a.observers?.length ? [['列席人员', names(a.observers)] as [string, string]] : []),
  ];
  if (quorum)
    rows.push([
      '法定人数',
      `有表决权的正式党员 ${quorum.voters} 人，到会 ${quorum.present} 人，` +
        (quorum.reached ? '超过半数，符合开会人数要求' : '未超过半数，不足开会人数'),
    ]);
  rows.push(['议题', record?.topics ?? ''], ['内容摘要', record?.summary ?? ''], ['决议', record?.decisions ?? '无']);
  const vote = record?.vote;
  if (vote && quorum)
    rows.push([
      '表决结果',
      `赞成 ${vote.for} 票，反对 ${vote.against} 票，弃权 ${vote.abstain} 票；` +
        `赞成票${view.passed ? '超过' : '未超过'}有表决权党员（${quorum.voters} 人）的半数，${view.passed ? '通过' : '未通过'}`,
    ]);
  return rows;
}

export async function buildMeetingRecord(view: MeetingRecordView, exportedAt: Date): Promise<Buffer> {
  const title = `${view.activity.title} 会议记录`;
  const workbook = newWorkbook(title);
  const sheet = workbook.addWorksheet('会议记录', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.getColumn(1).width = LABEL_WIDTH;
  sheet.getColumn(2).width = VALUE_WIDTH;

  const head = sheet.addRow([title]);
  head.font = { ...SHEET_FONT, size: 16, bold: true };
  head.height = 30;
  head.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells('A1:B1');
  const sub = sheet.addRow([[`单位：${view.activity.orgName}`, `导出日期：${chinaDate(exportedAt)}`].join('　　')]);
  sub.font = { ...SHEET_FONT, size: 10 };
  sheet.mergeCells('A2:B2');

  for (const [label, value] of recordRows(view)) {
    const row = sheet.addRow([label, value]);
    row.height = Math.max(22, linesFor(value) * LINE_HEIGHT + 6);
    const [labelCell, valueCell] = [row.getCell(1), row.getCell(2)];
    labelCell.font = { ...SHEET_FONT, size: 11, bold: true };
    labelCell.alignment = { horizontal: 'center', vertical: 'middle' };
    labelCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    valueCell.font = { ...SHEET_FONT, size: 11 };
    valueCell.alignment = { vertical: 'top', wrapText: true };
    labelCell.border = BORDER;
    valueCell.border = BORDER;
  }
  sheet.addRow([]);
  const signatures = sheet.addRow(['主持人签字：　　　　　　　　　　　　记录人签字：']);
  signatures.font = { ...SHEET_FONT, size: 11 };
  signatures.height = 28;
  sheet.mergeCells(`A${signatures.number}:B${signatures.number}`);
  return workbookBytes(workbook);
}
