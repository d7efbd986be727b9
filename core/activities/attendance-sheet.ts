import { ATTENDANCE_LABELS } from './attendance-labels';
import type { AttendanceItem, AttendanceStatus } from '../../contracts/activity';
import { inPinyinOrder } from '../shared/pinyin-order';
import { addPrintableSheet, newWorkbook, workbookBytes, type TypedCell } from '../shared/printable-sheet';
import { SAME_NAME_HEADER } from '../shared/same-name';
import { PARTY_STATUS_LABELS } from '../../contracts/labels/common';
import { GUEST_TAG } from '../../contracts/labels/participation';

/** The 身份 column: 党员, or the status of someone on the way (a guest: `入党申请人（列席）`). */
export const identityOf = (item: Pick<AttendanceItem, 'partyStatus' | 'guest'>): string =>
  item.partyStatus ? `${PARTY_STATUS_LABELS[item.partyStatus]}${item.guest ? `（${GUEST_TAG}）` : ''}` : '党员';

const METHOD_LABELS = { self: '扫码', organiser: '组织者扫码', manual: '补签' } as const;

export interface AttendanceHeading {
  /** The branch or group holding the activity. */
  org: string;
  exportedAt: Date;
}

export interface ActivitySheetInfo {
  title: string;
  /** ISO instants. */
  startAt: string;
  endAt: string;
  /** Closed: who did not sign in is absent. Otherwise still open: they have not signed in yet. */
  closed: boolean;
}

/** `2026-11-23 10:10–11:40` (`… – 2026-11-24 09:00` across days) in China's time, dashed as in the app. */
export function timeSpan(startAt: string, endAt: string): string {
  const wall = (at: string) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16);
  const [start, end] = [wall(startAt), wall(endAt)];
  return start.slice(0, 10) === end.slice(0, 10) ? `${start}–${end.slice(11)}` : `${start} – ${end}`;
}

export const minutesBetween = (startAt: string, endAt: string) =>
  Math.round((Date.parse(endAt) - Date.parse(startAt)) / 60_000);

/**
 * One activity's 签到表: a row per expected member in pinyin order with room to sign, then the
 * counts. While the activity is open, who has not signed in is 未签到, not 缺席.
 */
export async function buildActivityAttendance(
  heading: AttendanceHeading,
  activity: ActivitySheetInfo,
  items: Array<AttendanceItem & { tag: string }>,
  summary: Array<[string, number | string | TypedCell]>,
): Promise<Buffer> {
  const title = `${activity.title} 签到表`;
  const workbook = newWorkbook(title);
  const base = {
    ...heading,
    title,
    facts: [`活动时间：${timeSpan(activity.startAt, activity.endAt)}`, ...(activity.closed ? [] : ['（活动未结束）'])],
  };
  addPrintableSheet(workbook, {
    ...base,
    name: '签到明细',
    columns: [
      { header: '序号', key: 'no', width: 6, kind: 'integer' },
      { header: '姓名', key: 'name', width: 10 },
      { header: SAME_NAME_HEADER, key: 'tag', width: 18 },
      { header: '身份', key: 'identity', width: 14 },
      { header: '状态', key: 'status', width: 8 },
      { header: '签到时间', key: 'at', width: 17, kind: 'dateTime' },
      { header: '方式', key: 'method', width: 11 },
      { header: '备注', key: 'note', width: 24 },
      { header: '签名', key: 'signature', width: 16 },
    ],
    rows: inPinyinOrder(items, (item) => item.name).map((item, i) => ({
      no: i + 1,
      name: item.name,
      tag: item.tag,
      identity: identityOf(item),
      status: ATTENDANCE_LABELS[item.status],
      at: item.at,
      method: item.method ? METHOD_LABELS[item.method] : '',
      note: item.note ?? '',
      signature: '',
    })),
    rowHeight: 24,
    footer: ['组织者签字：　　　　　　　　　　　　记录人签字：'],
  });
  addPrintableSheet(workbook, {
    ...base,
    name: '汇总',
    columns: [
      { header: '项目', key: 'label', width: 16 },
      { header: '数值', key: 'value', width: 30, kind: 'integer' },
    ],
    rows: summary.map(([label, value]) => ({ label, value })),
  });
  return workbookBytes(workbook);
}

export interface PeriodActivityColumn {
  title: string;
  /** ISO instant. */
  startAt: string;
  /** Still open: its attendance is not final and counts in no rate. */
  inProgress: boolean;
  /** 0 … 1; null when no rate (in progress, or nobody due). */
  rate: number | null;
}

export interface PeriodMemberRow {
  name: string;
  tag: string;
  /** 党员 (the default), or the status of someone on the way (identityOf). */
  identity?: string;
  statuses: Array<AttendanceStatus | null>;
  rate: number | null;
}

/** An org's attendance over a period: a member per row (pinyin order), an activity per column, and each rate. */
export async function buildPeriodAttendance(
  heading: AttendanceHeading & { period: string },
  activities: PeriodActivityColumn[],
  members: PeriodMemberRow[],
): Promise<Buffer> {
  const title = `${heading.org} ${heading.period} 出勤统计`;
  const workbook = newWorkbook(title);
  const dayOf = (at: string) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(5, 10);
  const rows: Array<Record<string, string | number | null | TypedCell>> = inPinyinOrder(members, (m) => m.name).map(
    (member) => {
      const row: Record<string, string | number | null | TypedCell> = {
        name: member.name,
        tag: member.tag,
        identity: member.identity ?? '党员',
        rate: member.rate,
      };
      member.statuses.forEach((status, i) => (row[`a${i}`] = status ? ATTENDANCE_LABELS[status] : '—'));
      return row;
    },
  );
  const rates: Record<string, string | TypedCell> = { name: '活动出勤率', rate: { kind: 'text', value: null } };
  activities.forEach((a, i) => (rates[`a${i}`] = a.inProgress ? '未结束' : { kind: 'percent', value: a.rate }));
  addPrintableSheet(workbook, {
    ...heading,
    title,
    name: '出勤统计',
    columns: [
      { header: '姓名', key: 'name', width: 10 },
      { header: SAME_NAME_HEADER, key: 'tag', width: 18 },
      { header: '身份', key: 'identity', width: 12 },
      ...activities.map((a, i) => ({
        header: `${dayOf(a.startAt)} ${a.title}${a.inProgress ? '（未结束）' : ''}`,
        key: `a${i}`,
        width: 14,
      })),
      { header: '出勤率', key: 'rate', width: 9, kind: 'percent' },
    ],
    rows: [...rows, rates],
    footer: [
      ...(activities.some((a) => a.inProgress) ? ['未结束的活动尚未确定缺席，不计入出勤率。'] : []),
      ...(members.some((m) => (m.identity ?? '党员') !== '党员')
        ? ['活动出勤率只计党员；入党积极分子等的出勤率只计其应到的活动，列席不计。']
        : []),
    ],
  });
  return workbookBytes(workbook);
}
