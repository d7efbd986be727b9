import { inPinyinOrder } from '../shared/pinyin-order';
import { addPrintableSheet, newWorkbook, workbookBytes, type TypedCell } from '../shared/printable-sheet';
import { SAME_NAME_HEADER } from '../shared/same-name';

export interface LectureSheetRow {
  name: string;
  /** 党小组 and phone tail when another member on the sheet has the same name. */
  tag: string;
  /** 0 … 100: how much of the lecture is covered. */
  progressPercent: number;
  started: boolean;
  completed: boolean;
  /** null: the lecture has no quiz. */
  quizPassed: boolean | null;
  /** ISO instant. */
  watchedAt: string | null;
  /** 党员 (the default), or the status of someone on the way (入党积极分子 …). */
  identity?: string;
}

export interface LectureSheetHeading {
  org: string;
  lecture: string;
  exportedAt: Date;
}

const NOT_STARTED = '未开始';

/** A member who never opened the lecture has neither failed it nor its quiz: they have not started. */
const completion = (row: LectureSheetRow) => (row.completed ? '完成' : row.started ? '未完成' : NOT_STARTED);
const quiz = (row: LectureSheetRow) =>
  row.quizPassed === null ? '—' : row.quizPassed ? '已通过' : row.started ? '未通过' : NOT_STARTED;

/**
 * One lecture's progress across an org: a row per member in pinyin order, then the counts. Watch
 * time only decides completion (国办 2026 规范: no 学习时长 as a basis of assessment), so no column holds it.
 */
export async function buildLectureStats(
  heading: LectureSheetHeading,
  rows: LectureSheetRow[],
  summary: Array<[string, number | TypedCell]>,
): Promise<Buffer> {
  const title = `${heading.org} ${heading.lecture} 学习情况`;
  const workbook = newWorkbook(title);
  const base = { org: heading.org, exportedAt: heading.exportedAt, title };
  addPrintableSheet(workbook, {
    ...base,
    name: '学习情况',
    columns: [
      { header: '姓名', key: 'name', width: 12 },
      { header: SAME_NAME_HEADER, key: 'tag', width: 18 },
      { header: '身份', key: 'identity', width: 12 },
      { header: '学习进度', key: 'progress', width: 10, kind: 'percent' },
      { header: '是否完成', key: 'completed', width: 10 },
      { header: '测验', key: 'quiz', width: 10 },
      { header: '最近学习', key: 'watchedAt', width: 17, kind: 'dateTime' },
    ],
    rows: inPinyinOrder(rows, (r) => r.name).map((row) => ({
      name: row.name,
      tag: row.tag,
      identity: row.identity ?? '党员',
      progress: row.progressPercent / 100,
      completed: completion(row),
      quiz: quiz(row),
      watchedAt: row.watchedAt,
    })),
  });
  addPrintableSheet(workbook, {
    ...base,
    name: '汇总',
    columns: [
      { header: '项目', key: 'label', width: 16 },
      { header: '数值', key: 'value', width: 40, kind: 'integer' },
    ],
    rows: [
      { label: '课程', value: { kind: 'text', value: heading.lecture } },
      ...summary.map(([label, value]) => ({ label, value })),
    ],
  });
  return workbookBytes(workbook);
}
