import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  PARTY_STATUSES,
  noInput,
  pageSchema,
  pageSizeSchema,
  reasonSchema,
  type CountedPage,
  type FileLink,
  type Page,
} from './common';
import {
  MAX_BASE_SCORE,
  MAX_CAP,
  MAX_OBJECTION_DAYS,
  MAX_RECORD_MEMBERS,
  MAX_RULE_VALUE,
  OBJECTION_STATUSES,
  PERIODS,
  RANKING_VISIBILITIES,
  RECORD_NO_MEMBERS,
  RECORD_TOO_MANY_MEMBERS,
  RULE_VALUE_ZERO,
} from './labels/points';
import { CADENCE_PERIODS, type CadencePeriod } from './labels/activity';

export const periodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof periodSchema>;
export const objectionStatusSchema = z.enum(OBJECTION_STATUSES);
export type ObjectionStatus = z.infer<typeof objectionStatusSchema>;
/** See RANKING_VISIBILITIES (labels/points.ts). */
export const rankingVisibilitySchema = z.enum(RANKING_VISIBILITIES);
export type RankingVisibility = z.infer<typeof rankingVisibilitySchema>;
export const ruleCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, '积分项目代码格式不正确');

/**
 * Whom a ranking or an export covers: some 党员身份 (`['full', 'probationary']` for 党员, `['activist']`
 * for 入党积极分子 …), at least one, each once; absent: everyone on the roster.
 */
export const statusesSchema = z
  .array(z.enum(PARTY_STATUSES))
  .min(1, '请至少选择一种身份；不筛选时请不传 statuses')
  .refine((list) => new Set(list).size === list.length, '身份不能重复');

export const pointsSchemas = {
  rules: noInput,
  record: z
    .object({
      memberIds: z.array(idSchema).min(1, RECORD_NO_MEMBERS).max(MAX_RECORD_MEMBERS, RECORD_TOO_MANY_MEMBERS),
      rule: ruleCodeSchema,
      reason: reasonSchema,
      /** Chosen by the client once per submission: a retried request records nothing twice. */
      requestId: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{8,64}$/)
        .optional(),
    })
    .strict(),
  reverse: z.object({ entryId: z.string().trim().min(1).max(160), reason: reasonSchema }).strict(),
  mine: z.object({ page: pageSchema, pageSize: pageSizeSchema }).strict().optional(),
  ranking: z
    .object({ orgId: idSchema, period: periodSchema, date: dateSchema.optional(), statuses: statusesSchema.optional() })
    .strict(),
  entries: z
    .object({
      orgId: idSchema,
      memberId: idSchema.optional(),
      /** Part of the member's name (as the entry recorded it). */
      memberName: z.string().trim().min(1, '请输入姓名').max(20, '姓名最多 20 个字').optional(),
      /** One 积分项目 (a reversal counts under its original's item). */
      rule: ruleCodeSchema.optional(),
      /** China-time calendar dates, both included. */
      from: dateSchema.optional(),
      to: dateSchema.optional(),
      page: pageSchema,
      pageSize: pageSizeSchema,
    })
    .strict()
    .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '结束日期不能早于开始日期', path: ['to'] }),
  export: z
    .object({ orgId: idSchema, period: periodSchema, date: dateSchema.optional(), statuses: statusesSchema.optional() })
    .strict(),
  /** 季度赛马: the committee's branches compared by average points per member and by participation. */
  branchRanking: z.object({ period: periodSchema, date: dateSchema.optional() }).strict(),
  verify: noInput,
  rebuild: noInput,
  /** A member objects to one of their own entries, within the posting window. */
  object: z.object({ entryId: z.string().trim().min(1).max(160), reason: reasonSchema }).strict(),
  objections: z.object({ orgId: idSchema, status: objectionStatusSchema.optional() }).strict(),
  /** Upholding an objection reverses the entry; dismissing keeps it. Either way with a reason. */
  resolveObjection: z
    .object({ id: z.string().trim().min(1).max(200), decision: z.enum(['uphold', 'dismiss']), reason: reasonSchema })
    .strict(),
  /**
   * Admin (自我加分 review): bonus entries whose beneficiary also organised, recorded, published or
   * approved their cause, within the caller's committee subtree, newest first.
   */
  selfAwards: z.object({ page: pageSchema, pageSize: pageSizeSchema }).strict().optional(),
  /** Admin: change a committee's rule values, caps and activity, and its scoring settings. */
  updateRules: z
    .object({
      items: z
        .array(
          z
            .object({
              code: ruleCodeSchema,
              value: z
                .number()
                .int()
                .min(-MAX_RULE_VALUE)
                .max(MAX_RULE_VALUE)
                .refine((v) => v !== 0, RULE_VALUE_ZERO),
              cap: z.number().int().min(1).max(MAX_CAP).nullable().optional(),
              capPeriod: periodSchema.optional(),
              active: z.boolean().optional(),
              /** Whether it applies to 入党申请人, 入党积极分子 and 发展对象 (see RuleItem.candidates). */
              candidates: z.boolean().optional(),
            })
            .strict(),
        )
        .max(50)
        .optional(),
      settings: z
        .object({
          baseScore: z.number().int().min(0).max(MAX_BASE_SCORE).optional(),
          floor: z.number().int().min(0).max(100).optional(),
          /** Star bands on the annual score; one must start at 0 (不合格 or the lowest band). */
          starBands: z
            .array(
              z
                .object({
                  min: z.number().int().min(0).max(1000),
                  stars: z.number().int().min(0).max(5),
                  label: z.string().trim().min(2).max(10),
                })
                .strict(),
            )
            .min(2)
            .max(6)
            .refine((bands) => bands.some((band) => band.min === 0), '需要一档从 0 分开始')
            .refine((bands) => new Set(bands.map((band) => band.min)).size === bands.length, '各档起点不能重复')
            .optional(),
          rankingVisibility: rankingVisibilitySchema.optional(),
          objectionDays: z.number().int().min(0).max(MAX_OBJECTION_DAYS).optional(),
          /** How often each branch must hold a 党课 (activity.cadence). */
          lectureCadence: z.enum(CADENCE_PERIODS).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
} as const;

export interface RuleItem {
  code: string;
  name: string;
  kind: 'bonus' | 'deduction';
  /** Signed points per award: positive for a bonus, negative for a deduction. */
  value: number;
  /** At most this many points (in absolute value) per `capPeriod`, when set. */
  cap?: number;
  capPeriod?: Period;
  /** Awarded by the system (sign-in, lectures, 亮身份, absences); otherwise recorded by hand. */
  auto: boolean;
  active: boolean;
  /**
   * Whether it applies to people on the way to membership (入党申请人, 入党积极分子, 发展对象) as well
   * as to Party members: the committee decides. When it does not, the system posts nothing for them
   * and a secretary may not record it for them.
   */
  candidates: boolean;
}

export interface StarBand {
  min: number;
  stars: number;
  label: string;
}

export interface PointsSettings {
  baseScore: number;
  floor: number;
  /** Ordered by `min` descending: the first band whose `min` the score reaches. */
  starBands: StarBand[];
  /** What members see of rankings: their own position, or none (学习强国 dropped public personal rankings too). */
  rankingVisibility: RankingVisibility;
  objectionDays: number;
  /** The committee's 党课 schedule for activity.cadence; absent on rule sets saved before it existed (quarterly). */
  lectureCadence?: CadencePeriod;
}

export interface LedgerEntryView {
  id: string;
  memberId: string;
  memberName: string;
  rule: string;
  ruleName: string;
  value: number;
  reason: string;
  at: string;
  source: string;
  recordedBy: string | null;
  /** The entry this one reverses, if it is a reversal. */
  reverses: string | null;
  /** Whether a reversal of this entry exists. */
  reversed: boolean;
  /**
   * Whether the caller may reverse (冲正) it now, by `reverse`'s own rules: not a reversal, not
   * reversed yet, within the caller's `points.write`, not their own, its holder within their reach.
   */
  reversible: boolean;
}

/** One of the member's own entries (`points.mine`). */
export interface MyPointsEntry {
  id: string;
  rule: string;
  ruleName: string;
  value: number;
  reason: string;
  at: string;
  reverses: string | null;
  /** Until when the member may object (异议), if they still may. */
  objectableUntil: string | null;
  objection: { status: ObjectionStatus; resolution: string | null } | null;
}

export interface RankingItem {
  memberId: string;
  name: string;
  bonus: number;
  deduction: number;
  net: number;
  /** Dense rank: equal nets share a rank, the next rank follows on. */
  rank: number;
  /** How many members share this rank (1: nobody else); ties are shown as ties (并列). */
  tied: number;
}

export interface PointsOutputs {
  rules: { items: RuleItem[]; settings: PointsSettings };
  record: { entries: Array<{ id: string; memberId: string; value: number; capped: boolean }> };
  reverse: { entry: { id: string; value: number } };
  mine: {
    score: number;
    stars: number;
    starLabel: string;
    totals: { month: number; quarter: number; year: number };
    /** This year's net by month, January to the current month (积分's trend chart). */
    months: Array<{ month: number; net: number }>;
    /** Null when the branch has turned member rankings off. */
    rank: number | null;
    rankOf: number;
    /** The member's entries, newest first, a page at a time. */
    entries: Page<MyPointsEntry>;
  };
  ranking: {
    period: string;
    /** `full`: the management view (staff only); otherwise the branch's member setting. */
    visibility: 'full' | RankingVisibility;
    /** Every member for staff; always empty for a member. */
    items: RankingItem[];
    /** The caller's own line, when they are a member of the branch (null when rankings are off). */
    me: RankingItem | null;
  };
  entries: Page<LedgerEntryView>;
  export: FileLink;
  branchRanking: { period: string; items: BranchRankingItem[] };
  verify: {
    consistent: boolean;
    entries: number;
    differences: Array<{ totals: string; field: string; expected: number; actual: number }>;
  };
  rebuild: { entries: number; totals: number };
  object: { id: string; status: 'open' };
  objections: { items: ObjectionView[] };
  resolveObjection: { id: string; status: 'upheld' | 'dismissed'; reversal: string | null };
  updateRules: { items: RuleItem[]; settings: PointsSettings };
  selfAwards: CountedPage<SelfAwardItem>;
}

/** How the beneficiary of an entry was also behind its cause. */
export type SelfAwardRole = 'organised' | 'recorded' | 'published' | 'approved';

export interface SelfAwardItem {
  entryId: string;
  memberId: string;
  memberName: string;
  branchId: string;
  branchName: string;
  ruleName: string;
  value: number;
  reason: string;
  at: string;
  /** Whether the entry has since been reversed. */
  reversed: boolean;
  role: SelfAwardRole;
  /** The role in words: 本人组织的活动, 本人记录, 本人发布的课程, 本人审核通过的亮身份. */
  roleLabel: string;
  /**
   * The cause, to open: the activity, the lecture, or (an entry recorded by hand, a declaration
   * approved) the member, whose page lists their entries and history.
   */
  cause: { kind: 'activity' | 'lecture' | 'member'; id: string; title: string };
}

export interface BranchRankingItem {
  orgId: string;
  name: string;
  /** Active members now. */
  members: number;
  bonus: number;
  deduction: number;
  net: number;
  /** Net points per member, to two decimals: the ranking key. */
  average: number;
  /** Members who earned a bonus in the branch in the period. */
  participants: number;
  /** participants / members, 0 … 1, to three decimals. */
  participation: number;
  /** Dense rank by average. */
  rank: number;
}

export interface ObjectionView {
  id: string;
  entryId: string;
  memberId: string;
  memberName: string;
  ruleName: string;
  value: number;
  entryReason: string;
  entryAt: string;
  reason: string;
  status: ObjectionStatus;
  resolution: string | null;
  at: string;
  /** The caller recorded the disputed entry by hand, so another secretary or the committee admin decides. */
  recordedByCaller: boolean;
  /**
   * Whether the caller may decide it (成立/不成立) now: it is open, they may write points for the
   * branch, it is neither their own objection nor an entry they recorded, and they rank above the member.
   */
  canDecide: boolean;
}
