import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  noInput,
  pageSchema,
  pageSizeSchema,
  reasonSchema,
  type CountedPage,
  type FileLink,
  type Page,
} from './common';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  type CadenceKind,
  type CadencePeriod,
  RECORD_DECISIONS_MAX_LENGTH,
  RECORD_PERSON_MAX_LENGTH,
  RECORD_SUMMARY_MAX_LENGTH,
  RECORD_TOPICS_MAX_LENGTH,
  VOTE_COUNT_MAX,
  FEW_EXPECTED_NO_POINTS,
  GRACE_MAX_MINUTES,
  MIN_EXPECTED_FOR_POINTS,
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
} from './labels/activity';
import type { CandidateStatus } from './labels/common';
import { periodSchema, type Period } from './points';

export { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, FEW_EXPECTED_NO_POINTS, MIN_EXPECTED_FOR_POINTS };
export const activityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof activityKindSchema>;

/** Where a member stands for one activity. `expected`: not signed in yet (open) — `absent` once closed. */
export type AttendanceStatus = 'present' | 'late' | 'leave' | 'exempt' | 'absent' | 'expected';
export type LeaveStatus = 'pending' | 'approved' | 'rejected';
/** Derived from the clock and the stored state. */
export type ActivityPhase = 'upcoming' | 'signing' | 'running' | 'ended' | 'closed' | 'cancelled';

const isoTime = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), '时间格式应为 ISO 8601');
const titleSchema = z.string().trim().min(TITLE_MIN_LENGTH, TITLE_TOO_SHORT).max(TITLE_MAX_LENGTH, TITLE_TOO_LONG);
const latSchema = z.number().min(-90).max(90);
const lngSchema = z.number().min(-180).max(180);
/** Coordinates are GCJ-02, as WeChat's `getLocation({ type: 'gcj02' })` and `chooseLocation` give them. */
export const placeSchema = z
  .object({
    name: z.string().trim().min(1, PLACE_NAME_REQUIRED).max(PLACE_NAME_MAX_LENGTH),
    lat: latSchema,
    lng: lngSchema,
    radius: z
      .number()
      .int()
      .min(RADIUS_MIN, `签到范围至少 ${RADIUS_MIN} 米`)
      .max(RADIUS_MAX, `签到范围最多 ${RADIUS_MAX} 米`),
  })
  .strict();
export type Place = z.infer<typeof placeSchema>;
/** A token as found in the code's URL: `<activityId>.<step>.<mac>` (the member's own card: `m.<memberId>.<step>.<mac>`). */
/** How the sign-in page was reached (see `activitySchemas.checkin`). */
const checkinEntrySchema = z.discriminatedUnion('via', [
  z.object({ via: z.literal('scan') }).strict(),
  z.object({ via: z.literal('launch'), scene: z.number().int().min(1000).max(9999) }).strict(),
]);
export type CheckinEntry = z.infer<typeof checkinEntrySchema>;

/** A meeting record's text field, named in its messages (`请填写议题`, `议题最多 1000 个字`). */
const recordText = (what: string, max: number) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}最多 ${max} 个字`);
/** One count of a vote: a whole number from 0. */
const voteCount = (what: string) =>
  z
    .number()
    .int(`${what}票数应为整数`)
    .min(0, `${what}票数不能为负数`)
    .max(VOTE_COUNT_MAX, `${what}票数不能超过 ${VOTE_COUNT_MAX}`);
export const voteSchema = z
  .object({ for: voteCount('赞成'), against: voteCount('反对'), abstain: voteCount('弃权') })
  .strict();
export type VoteCounts = z.infer<typeof voteSchema>;

const tokenSchema = z
  .string()
  .trim()
  .min(1, '请扫描签到码')
  .max(200)
  .regex(/^[A-Za-z0-9._-]+$/, '签到码格式不正确');

const activityFields = {
  kind: activityKindSchema,
  title: titleSchema,
  startAt: isoTime,
  endAt: isoTime,
  place: placeSchema.nullable().optional(),
  notes: z.string().trim().max(NOTES_MAX_LENGTH).optional(),
  /** Default: 30 minutes before the start. */
  signInFrom: isoTime.optional(),
  /** Default: 30 minutes after the start. */
  signInUntil: isoTime.optional(),
  /** Minutes after the start before a sign-in counts as 迟到. Default 5. */
  graceMinutes: z.number().int().min(0).max(GRACE_MAX_MINUTES).optional(),
  /** Default: every active member of the org. */
  expectedMemberIds: z.array(idSchema).min(1, NO_EXPECTED_MEMBERS).max(5000).optional(),
};

export const activitySchemas = {
  create: z.object({ orgId: idSchema, ...activityFields }).strict(),
  update: z
    .object({
      id: idSchema,
      kind: activityKindSchema.optional(),
      title: titleSchema.optional(),
      startAt: isoTime.optional(),
      endAt: isoTime.optional(),
      place: placeSchema.nullable().optional(),
      notes: z.string().trim().max(NOTES_MAX_LENGTH).optional(),
      signInFrom: isoTime.optional(),
      signInUntil: isoTime.optional(),
      graceMinutes: z.number().int().min(0).max(GRACE_MAX_MINUTES).optional(),
      expectedMemberIds: activityFields.expectedMemberIds,
    })
    .strict(),
  cancel: z.object({ id: idSchema, reason: reasonSchema }).strict(),
  /** A secretary's list of the activities of an org (and its groups). */
  list: z
    .object({
      orgId: idSchema,
      scope: z.enum(['upcoming', 'past', 'all']).default('all'),
      page: pageSchema,
      pageSize: pageSizeSchema,
    })
    .strict(),
  /** A member's own activities: upcoming and past, with their status. */
  mine: z
    .object({ scope: z.enum(['upcoming', 'past']).default('upcoming'), page: pageSchema, pageSize: pageSizeSchema })
    .strict()
    .optional(),
  get: z.object({ id: idSchema }).strict(),
  /** The rotating sign-in code (secretary). */
  code: z.object({ id: idSchema }).strict(),
  /**
   * `entry`, as the mini-program reports it: scanned with its own camera scanner (`scan`), or
   * opened by WeChat (`launch`) in the entry `scene`. A browser sends none.
   */
  checkin: z
    .object({
      token: tokenSchema,
      location: z.object({ lat: latSchema, lng: lngSchema }).strict().optional(),
      entry: checkinEntrySchema.optional(),
    })
    .strict(),
  /** The organiser scans the personal code on a member's identity card. */
  scanMember: z.object({ id: idSchema, token: tokenSchema }).strict(),
  /** 补签 by hand, with a reason (audited). */
  manualCheckin: z.object({ id: idSchema, memberId: idSchema, reason: reasonSchema }).strict(),
  /** Undo a sign-in, with a reason (audited); its points are reversed. */
  undoCheckin: z.object({ id: idSchema, memberId: idSchema, reason: reasonSchema }).strict(),
  requestLeave: z.object({ id: idSchema, reason: reasonSchema }).strict(),
  /** The member withdraws their own pending leave request, before the activity starts. */
  withdrawLeave: z.object({ id: idSchema }).strict(),
  reviewLeave: z
    .object({
      id: idSchema,
      memberId: idSchema,
      decision: z.enum(['approve', 'reject']),
      note: z.string().trim().max(200).optional(),
    })
    .strict(),
  /** Leave requests of the activities in the caller's scope (for 审核). */
  leaves: z
    .object({ orgId: idSchema, status: z.enum(['pending', 'approved', 'rejected']).default('pending') })
    .strict(),
  close: z.object({ id: idSchema }).strict(),
  /** What closing now would do: refused before the start; otherwise how many would be marked absent. */
  closePreview: z.object({ id: idSchema }).strict(),
  attendance: z.object({ id: idSchema }).strict(),
  /** Live figures while the activity runs: counts and the three lists. */
  live: z.object({ id: idSchema }).strict(),
  /** 提醒未签到: a 消息 to each expected member not yet signed in, while signing in is open. */
  remind: z.object({ id: idSchema }).strict(),
  exportAttendance: z.object({ id: idSchema }).strict(),
  /** One org's attendance over a China-time period: a member × activity sheet with rates. */
  exportPeriod: z
    .object({
      orgId: idSchema,
      period: periodSchema,
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    })
    .strict(),
  /**
   * The 条例's cadence for one branch (docs/api.md, "Cadence"): this period's obligations and the
   * previous period's unmet ones, as of `date` (China time; default today).
   */
  cadence: z.object({ orgId: idSchema, date: dateSchema.optional() }).strict(),
  /** The meeting record of an activity, with its attendance by name (and the quorum of a 支部党员大会). */
  record: z.object({ id: idSchema }).strict(),
  /** Writes (or rewrites, audited) the record of an activity that was held. */
  saveRecord: z
    .object({
      id: idSchema,
      host: recordText('主持人', RECORD_PERSON_MAX_LENGTH),
      recorder: recordText('记录人', RECORD_PERSON_MAX_LENGTH),
      topics: recordText('议题', RECORD_TOPICS_MAX_LENGTH),
      summary: recordText('内容摘要', RECORD_SUMMARY_MAX_LENGTH),
      decisions: z
        .string()
        .trim()
        .max(RECORD_DECISIONS_MAX_LENGTH, `决议最多 ${RECORD_DECISIONS_MAX_LENGTH} 个字`)
        .optional(),
      vote: voteSchema.optional(),
    })
    .strict(),
  /** The record as a printable A4 page (Excel). */
  exportRecord: z.object({ id: idSchema }).strict(),
  /** The member's own rotating code, shown on the identity card for 组织者扫码. */
  myCode: noInput,
  /** Closes every activity that ended long enough ago (the timer trigger; admins may run it by hand). */
  closeDue: noInput,
};

export interface ActivityCounts {
  expected: number;
  present: number;
  late: number;
  leave: number;
  exempt: number;
  absent: number;
  /** Expected members not signed in yet (open) — equals `absent` once closed. */
  pending: number;
  /** (present + late) / (expected − exempt), 0–1; null when nobody is expected. */
  rate: number | null;
  /**
   * The counts above are the Party members' (正式 and 预备): the activity's rate, the branch's
   * figures and the cadence count them only. People on the way to membership on the list (发展对象,
   * 入党积极分子, 入党申请人) are counted here the same way over those the activity expects, with
   * `guests`: those welcome, not expected, who came (列席; in `present` or `late` too). Absent when
   * there are none.
   */
  onTheWay?: Omit<ActivityCounts, 'onTheWay'> & { guests: number };
}

export interface ActivityView {
  id: string;
  orgId: string;
  orgName: string;
  branchId: string;
  /** The branch's name (for a group's activity, the branch the group belongs to). */
  branchName: string;
  kind: ActivityKind;
  kindLabel: string;
  title: string;
  startAt: string;
  endAt: string;
  signInFrom: string;
  signInUntil: string;
  graceMinutes: number;
  place: Place | null;
  notes: string;
  rule: string;
  ruleName: string;
  /** What a sign-in earns (0 when the activity awards nothing). */
  points: number;
  /** False when the activity awards no points to anyone, `noPointsReason` saying why. */
  awardsPoints: boolean;
  noPointsReason: string | null;
  phase: ActivityPhase;
  /** Everyone the list expects, the people on the way it expects included (not the guests, 列席). */
  expectedCount: number;
  cancelReason: string | null;
  closedAt: string | null;
}

export interface ActivityDetail extends ActivityView {
  /** Only for those who manage the activity. */
  expectedMemberIds?: string[];
  counts?: ActivityCounts;
  canManage: boolean;
  /** The caller's own standing, when they are a member of it. */
  mine: MyActivityStatus | null;
}

export interface MyActivityStatus {
  expected: boolean;
  /** Someone on the way whom the activity's kind welcomes without expecting: may sign in, never absent. */
  welcome?: boolean;
  status: AttendanceStatus | null;
  at: string | null;
  leave: { status: LeaveStatus; reason: string; note: string | null } | null;
}

export interface MyActivityItem extends ActivityView {
  mine: MyActivityStatus;
}

export interface AttendanceItem {
  memberId: string;
  name: string;
  status: AttendanceStatus;
  at: string | null;
  /**
   * How the sign-in came about: the member scanned, the organiser scanned the member, or by hand.
   * Null for an organiser the close recorded present (its note says 组织者).
   */
  method: 'self' | 'organiser' | 'manual' | null;
  note: string | null;
  /** Someone on the way to membership (发展对象, 入党积极分子, 入党申请人); absent for a Party member. */
  partyStatus?: CandidateStatus;
  /** Welcome, not expected (列席): listed once signed in, never absent. */
  guest?: boolean;
}

export interface LeaveView {
  activityId: string;
  activityTitle: string;
  activityStartAt: string;
  memberId: string;
  name: string;
  reason: string;
  status: LeaveStatus;
  note: string | null;
  at: string;
}

export interface CheckinResult {
  status: 'present' | 'late';
  at: string;
  already: boolean;
  activityId: string;
  title: string;
  /** Points the sign-in earned (0 if the rule's cap was reached); on `already`, those of the first. */
  points: number;
  /**
   * An organiser's points wait for the close (and for someone else to have come). Optional: a
   * function deployed before this field existed does not send it.
   */
  pointsPending?: boolean;
  /** Why the sign-in earned no points, when that is the activity's doing (not a cap). */
  pointsNote?: string | null;
  memberName: string;
  /** The activity's start, to say how late a sign-in was. Optional: older functions do not send it. */
  startAt?: string;
}

/** `closePreview`: what closing the activity now would do. */
export interface ClosePreview {
  canClose: boolean;
  /** Why it cannot be closed now. */
  reason: string | null;
  /** Expected members who would be marked absent. */
  absent: number;
  /** Whether an absence costs the 无故缺席组织生活 deduction. */
  deducts: boolean;
  /** The organisers, recorded present on close. */
  organisers: string[];
}

/**
 * One obligation of the cadence. `period`: `2026-12` (a month), `2026-Q4` (a quarter), `2026` (a
 * year), in China time. `daysLeft`: whole days from the date asked about to the period's last day
 * (0 on that day); negative for an overdue period (days since it ended).
 */
export interface CadenceItem {
  kind: CadenceKind;
  kindLabel: string;
  /** How often the kind is due: month, quarter or year. */
  every: CadencePeriod;
  period: string;
  periodLabel: string;
  /** The period's last day, `YYYY-MM-DD`. */
  dueDate: string;
  /** Activities required (党小组会: one per 党小组 of the branch). */
  required: number;
  /** Activities of the kind held and closed with attendance (党小组会: the groups that held one). */
  held: number;
  status: 'done' | 'due' | 'overdue';
  daysLeft: number;
}

export interface CadenceView {
  orgId: string;
  orgName: string;
  /** The date the cadence is as of, `YYYY-MM-DD`. */
  date: string;
  /** Overdue first (longest overdue first), then due (fewest days left first), then done. */
  items: CadenceItem[];
  /** Days since the start of the branch's last held activity; null if it never held one. */
  silentDays: number | null;
  /** 静默: no activity held for 30 days (or none ever, once the branch is 30 days old). */
  silent: boolean;
}

/**
 * The Party members' 出席, 迟到, 请假, 免参加, 缺席 by name (pinyin order), as the sign-in and the close
 * fixed them; `expected` counts them.
 */
export interface RecordAttendance {
  expected: number;
  present: string[];
  late: string[];
  leave: string[];
  exempt: string[];
  absent: string[];
  /** 列席: the people on the way who came, each as `姓名（入党积极分子）`. Optional: older functions do not send it. */
  observers?: string[];
}

/** 支部党员大会: who may vote (正式党员, not 免参加), how many of them came, and whether that is more than half. */
export interface QuorumView {
  voters: number;
  present: number;
  reached: boolean;
}

export interface MeetingRecordFields {
  host: string;
  recorder: string;
  topics: string;
  summary: string;
  decisions: string | null;
  vote: VoteCounts | null;
}

export interface MeetingRecordView {
  activity: ActivityView;
  /** Null until someone saved one. */
  record: (MeetingRecordFields & { updatedAt: string; updatedByName: string | null }) | null;
  attendance: RecordAttendance;
  /** Only for a 支部党员大会. */
  quorum: QuorumView | null;
  /** Whether the vote passed (for more than half of the voters); null without a vote. */
  passed: boolean | null;
  /** The activity was held (ended or closed): a record may be written. */
  held: boolean;
  /** The caller may write the record. */
  canEdit: boolean;
}

export interface ActivityOutputs {
  create: { id: string };
  update: { id: string };
  cancel: { id: string; phase: 'cancelled' };
  list: CountedPage<ActivityView & { counts: ActivityCounts }>;
  mine: Page<MyActivityItem>;
  get: ActivityDetail;
  /**
   * `token` (at most 32 characters) is in `url` (a link QR code) and, where the environment makes
   * them, in `image`: a 小程序码 (PNG data URI) whose `scene` is the token; null otherwise.
   */
  code: { url: string; token: string; image: string | null; expiresAt: string; refreshAt: string; stepSeconds: number };
  checkin: CheckinResult;
  scanMember: CheckinResult;
  manualCheckin: { memberId: string; status: 'present' | 'late'; at: string };
  undoCheckin: { memberId: string; status: 'expected' | 'absent' };
  requestLeave: { status: LeaveStatus };
  withdrawLeave: { id: string; withdrawn: true };
  reviewLeave: { memberId: string; status: LeaveStatus };
  leaves: { items: LeaveView[] };
  close: { present: number; late: number; leave: number; exempt: number; absent: number };
  closePreview: ClosePreview;
  attendance: { items: AttendanceItem[]; counts: ActivityCounts };
  /** `notYet`: expected and not signed in; `notified`: those newly told (a second tap within 10 minutes tells nobody again). */
  remind: { notYet: number; notified: number };
  live: {
    counts: ActivityCounts;
    signedIn: AttendanceItem[];
    notYet: AttendanceItem[];
    onLeave: AttendanceItem[];
    phase: ActivityPhase;
  };
  exportAttendance: FileLink;
  exportPeriod: FileLink;
  cadence: CadenceView;
  record: MeetingRecordView;
  saveRecord: { id: string; quorum: boolean | null; passed: boolean | null };
  exportRecord: FileLink;
  myCode: { token: string; expiresAt: string; refreshAt: string; stepSeconds: number };
  /** `failed`: the activities that could not be closed (logged); the others are closed all the same. */
  closeDue: { closed: number; failed: string[] };
}

export type { Period };
