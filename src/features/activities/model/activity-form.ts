/**
 * The secretary's activity form: its values, checks with the limits of contracts/labels/activity.ts, and the
 * conversion to and from the `activity.create` / `activity.update` input. Times are entered and
 * sent in China time (+08:00). Pure: no Taro.
 */
import type { ActivityDetail, ActivityKind } from '@contracts';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH, reasonMessages } from '@contracts/labels/common';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  GRACE_MAX_MINUTES,
  NO_EXPECTED_MEMBERS,
  NOTES_MAX_LENGTH,
  PLACE_NAME_MAX_LENGTH,
  PLACE_NAME_REQUIRED,
  RADIUS_MAX,
  RADIUS_MIN,
  TITLE_MAX_LENGTH,
  TITLE_MIN_LENGTH,
  TITLE_TOO_LONG,
  TITLE_TOO_SHORT,
} from '@contracts/labels/activity';
import { addDays, chinaDateTime, chinaIso, toChinaIso } from '@/utils/dates';
import type { FieldErrors } from '@/utils/validation';

export const ACTIVITY_KIND_OPTIONS: ReadonlyArray<{ value: ActivityKind; label: string }> = ACTIVITY_KINDS.map(
  (value) => ({ value, label: ACTIVITY_KIND_LABELS[value] }),
);

/** The server's defaults (core/activities/window.ts). */
export const DEFAULT_OPENS_BEFORE_MIN = 30;
export const DEFAULT_CLOSES_AFTER_MIN = 30;
export const DEFAULT_GRACE_MIN = 5;
export const DEFAULT_RADIUS_M = 300;

export interface ActivityFormValues {
  kind: ActivityKind | '';
  title: string;
  /** `YYYY-MM-DD` (China). */
  date: string;
  /** `HH:mm` (China). */
  startTime: string;
  endTime: string;
  /** `YYYY-MM-DD` for an activity that ends on a later day; '' = the same day. */
  endDate: string;
  hasPlace: boolean;
  placeName: string;
  lat: string;
  lng: string;
  radius: string;
  notes: string;
  /** Sign-in opens this many minutes before the start. */
  opensBefore: string;
  /** Sign-in closes this many minutes after the start. */
  closesAfter: string;
  graceMinutes: string;
  /** Everyone in the org is expected (the server's default). */
  allExpected: boolean;
  expectedMemberIds: string[];
}

export type ActivityFormField = keyof ActivityFormValues & string;

const MINUTE = 60_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const INT_RE = /^\d+$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** A new activity: the next whole hour today (tomorrow 09:00 when that is late), one hour long. */
export function defaultActivityForm(now: Date = new Date()): ActivityFormValues {
  const { date: today, time } = chinaDateTime(now.toISOString());
  const next = Number(time.slice(0, 2)) + 1;
  const late = next > 21;
  const startHour = late ? 9 : next;
  return {
    kind: '',
    title: '',
    date: late ? addDays(today, 1) : today,
    startTime: `${pad(startHour)}:00`,
    endTime: `${pad(startHour + 1)}:00`,
    endDate: '',
    hasPlace: false,
    placeName: '',
    lat: '',
    lng: '',
    radius: String(DEFAULT_RADIUS_M),
    notes: '',
    opensBefore: String(DEFAULT_OPENS_BEFORE_MIN),
    closesAfter: String(DEFAULT_CLOSES_AFTER_MIN),
    graceMinutes: String(DEFAULT_GRACE_MIN),
    allExpected: true,
    expectedMemberIds: [],
  };
}

/**
 * The form for an existing activity. `orgMemberIds` are the org's active members: when the
 * expected list is exactly them, the form says 全体党员.
 */
export function activityToForm(a: ActivityDetail, orgMemberIds: string[]): ActivityFormValues {
  const start = chinaDateTime(a.startAt);
  const end = chinaDateTime(a.endAt);
  const startMs = Date.parse(a.startAt);
  const expected = a.expectedMemberIds ?? [];
  const all = new Set(orgMemberIds);
  const allExpected = expected.length === all.size && expected.every((id) => all.has(id));
  return {
    kind: a.kind,
    title: a.title,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    endDate: end.date === start.date ? '' : end.date,
    hasPlace: !!a.place,
    placeName: a.place?.name ?? '',
    lat: a.place ? String(a.place.lat) : '',
    lng: a.place ? String(a.place.lng) : '',
    radius: String(a.place?.radius ?? DEFAULT_RADIUS_M),
    notes: a.notes,
    opensBefore: String(Math.round((startMs - Date.parse(a.signInFrom)) / MINUTE)),
    closesAfter: String(Math.round((Date.parse(a.signInUntil) - startMs) / MINUTE)),
    graceMinutes: String(a.graceMinutes),
    allExpected,
    expectedMemberIds: allExpected ? [] : expected,
  };
}

const endDateOf = (v: ActivityFormValues) => v.endDate || v.date;

function intIn(raw: string, min: number, max: number): number | undefined {
  const s = raw.trim();
  if (!INT_RE.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

function numberIn(raw: string, min: number, max: number): number | undefined {
  const s = raw.trim();
  if (!s || Number.isNaN(Number(s))) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

function placeErrors(v: ActivityFormValues): FieldErrors<ActivityFormValues> {
  const errors: FieldErrors<ActivityFormValues> = {};
  if (!v.hasPlace) return errors;
  const name = v.placeName.trim();
  if (!name) errors.placeName = PLACE_NAME_REQUIRED;
  else if (name.length > PLACE_NAME_MAX_LENGTH) errors.placeName = `地点最多 ${PLACE_NAME_MAX_LENGTH} 个字`;
  if (numberIn(v.lat, -90, 90) === undefined) errors.lat = '请填写纬度（-90 到 90）';
  if (numberIn(v.lng, -180, 180) === undefined) errors.lng = '请填写经度（-180 到 180）';
  if (intIn(v.radius, RADIUS_MIN, RADIUS_MAX) === undefined)
    errors.radius = `签到范围应为 ${RADIUS_MIN}–${RADIUS_MAX} 米的整数`;
  return errors;
}

function windowErrors(v: ActivityFormValues, startMs: number, endMs: number): FieldErrors<ActivityFormValues> {
  const errors: FieldErrors<ActivityFormValues> = {};
  const before = intIn(v.opensBefore, 0, 24 * 60);
  const after = intIn(v.closesAfter, 0, 8 * 24 * 60);
  if (before === undefined) errors.opensBefore = '请填写 0–1440 之间的整数分钟';
  if (after === undefined) errors.closesAfter = '请填写整数分钟';
  if (intIn(v.graceMinutes, 0, GRACE_MAX_MINUTES) === undefined)
    errors.graceMinutes = `迟到宽限应为 0–${GRACE_MAX_MINUTES} 分钟`;
  if (before === undefined || after === undefined || Number.isNaN(startMs)) return errors;
  if (after <= -before) errors.closesAfter = '签到截止应晚于签到开始';
  else if (!Number.isNaN(endMs) && startMs + after * MINUTE > endMs + 120 * MINUTE)
    errors.closesAfter = '签到最晚在活动结束后 2 小时截止';
  return errors;
}

/** Problems with the form by field, in Chinese; empty when it can be sent. */
export function validateActivityForm(v: ActivityFormValues, now: Date = new Date()): FieldErrors<ActivityFormValues> {
  const errors: FieldErrors<ActivityFormValues> = {};
  if (!v.kind) errors.kind = '请选择活动类型';
  const title = v.title.trim();
  if (title.length < TITLE_MIN_LENGTH) errors.title = TITLE_TOO_SHORT;
  else if (title.length > TITLE_MAX_LENGTH) errors.title = TITLE_TOO_LONG;
  if (!DAY_RE.test(v.date)) errors.date = '请选择日期';
  if (!TIME_RE.test(v.startTime)) errors.startTime = '请选择开始时间';
  if (!TIME_RE.test(v.endTime)) errors.endTime = '请选择结束时间';
  if (v.endDate && !DAY_RE.test(v.endDate)) errors.endDate = '请选择结束日期';
  let startMs = NaN;
  let endMs = NaN;
  if (!errors.date && !errors.startTime && !errors.endTime && !errors.endDate) {
    startMs = Date.parse(chinaIso(v.date, v.startTime));
    endMs = Date.parse(chinaIso(endDateOf(v), v.endTime));
    if (endMs <= startMs) errors.endTime = '结束时间应晚于开始时间';
    else if (endMs - startMs > 7 * 24 * 60 * MINUTE) errors.endTime = '活动最长 7 天';
    if (startMs < now.getTime() - 7 * 24 * 60 * MINUTE) errors.date = '不能安排 7 天以前的活动';
    if (startMs > now.getTime() + 366 * 24 * 60 * MINUTE) errors.date = '只能安排一年以内的活动';
  }
  if (v.notes.trim().length > NOTES_MAX_LENGTH) errors.notes = `备注最多 ${NOTES_MAX_LENGTH} 个字`;
  if (!v.allExpected && v.expectedMemberIds.length === 0) errors.expectedMemberIds = NO_EXPECTED_MEMBERS;
  return { ...errors, ...placeErrors(v), ...windowErrors(v, startMs, endMs) };
}

/** The activity fields of `activity.create` / `activity.update` for a validated form. */
export function toActivityInput(v: ActivityFormValues, options: { sendMembers: boolean }) {
  const startAt = chinaIso(v.date, v.startTime);
  const startMs = Date.parse(startAt);
  return {
    kind: v.kind as ActivityKind,
    title: v.title.trim(),
    startAt,
    endAt: chinaIso(endDateOf(v), v.endTime),
    place: v.hasPlace
      ? { name: v.placeName.trim(), lat: Number(v.lat.trim()), lng: Number(v.lng.trim()), radius: Number(v.radius) }
      : null,
    notes: v.notes.trim(),
    signInFrom: toChinaIso(startMs - Number(v.opensBefore.trim()) * MINUTE),
    signInUntil: toChinaIso(startMs + Number(v.closesAfter.trim()) * MINUTE),
    graceMinutes: Number(v.graceMinutes.trim()),
    ...(options.sendMembers && !v.allExpected ? { expectedMemberIds: v.expectedMemberIds } : {}),
  };
}

const SERVER_FIELDS: Record<string, ActivityFormField> = {
  kind: 'kind',
  title: 'title',
  startAt: 'startTime',
  endAt: 'endTime',
  place: 'placeName',
  name: 'placeName',
  lat: 'lat',
  lng: 'lng',
  radius: 'radius',
  notes: 'notes',
  signInFrom: 'opensBefore',
  signInUntil: 'closesAfter',
  graceMinutes: 'graceMinutes',
  expectedMemberIds: 'expectedMemberIds',
};

/** The form field a server INVALID_INPUT `field` path points at (`place.lat` → `lat`), if any. */
export function activityFormField(path: string | undefined): ActivityFormField | undefined {
  if (!path) return undefined;
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  if (parts[0] === 'expectedMemberIds') return 'expectedMemberIds';
  return SERVER_FIELDS[parts[parts.length - 1] ?? ''];
}

/** A reason the secretary writes (补签, 撤销签到, 取消活动): the contract's reason rule (labels/common.ts). */
export function activityReasonError(reason: string, what = '原因'): string | undefined {
  const text = reason.trim();
  if (text.length < REASON_MIN_LENGTH) return reasonMessages(what).tooShort;
  if (text.length > REASON_MAX_LENGTH) return reasonMessages(what).tooLong;
  return undefined;
}

/** Whether missing this kind of activity without leave costs the 无故缺席组织生活 deduction (not 志愿服务). */
export const deductsAbsence = (kind: ActivityKind): boolean => kind !== 'volunteer';

/** What closing an activity does to those who have not signed in, for the confirmation. */
export function closeConsequence(kind: ActivityKind, notSignedIn: number): string {
  const who = notSignedIn > 0 ? `目前还有 ${notSignedIn} 人未签到。` : '应到人员都已签到或请假。';
  const rule = deductsAbsence(kind)
    ? '结束后出勤即确定：未签到且没有获批请假的人员记为缺席，并按「无故缺席组织生活」扣分；免参加组织生活的党员不计缺席。'
    : '结束后出勤即确定：未签到的人员记为缺席（志愿服务不扣分）。';
  return `${who}${rule}结束后仍可补签，补签会退回扣分。`;
}
