import { z } from 'zod';
import {
  dateSchema,
  fileIdSchema,
  idSchema,
  nameSchema,
  noInput,
  orgKindSchema,
  pageSchema,
  pageSizeSchema,
  membershipSchema,
  reasonSchema,
  phoneSchema,
  roleSchema,
  type CountedPage,
  type FileLink,
  type Page,
  type OrgKind,
  type PartyStatus,
  type Role,
} from './common';
import { PARTY_STATUSES, PARTY_STATUS_LABELS } from './labels/common';
import {
  DEACTIVATION_REASONS,
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  SETUP_DEFAULT_BRANCH,
  WORK_UNIT_MAX,
  type EMPLOYER_KINDS,
  EMPLOYER_LISTS,
  EMPLOYER_NAME_MAX,
} from './labels/roster';
import { PERIODS } from './labels/points';

export { DEACTIVATION_REASONS, SETUP_DEFAULT_BRANCH };
export const memberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export type Gender = (typeof GENDERS)[number];
export type Ethnicity = (typeof ETHNICITIES)[number];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

const isCalendarDay = (s: string) => {
  const at = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().startsWith(s);
};
/** A value `check` accepts, or `message`: zod's own type messages are generic and name no field. */
const typed = <T>(check: (v: unknown) => v is T, message: string) => z.custom<T>(check, { message });
const isText = (v: unknown): v is string => typeof v === 'string';
/** Only the shape: the pipe that follows checks each category (callers' input type stays the categories). */
const isCategoryList = (v: unknown): v is MemberCategory[] => Array.isArray(v);
/** One of a fixed list, refused with `message` (naming the field and what is expected). */
const oneOf = <T extends readonly string[]>(values: T, message: string) =>
  z.custom<T[number]>((v) => typeof v === 'string' && values.includes(v), { message });
const categorySchema = oneOf(MEMBER_CATEGORIES, `党员分类应为：${MEMBER_CATEGORIES.join('、')}`);
const BIRTH_DATE_FORMAT = '出生日期应为 YYYY-MM-DD 格式的日期';
const isList = (v: unknown): v is PartyStatus[] => Array.isArray(v);
const STATUS_CHOICES = PARTY_STATUSES.map((s) => `${s}（${PARTY_STATUS_LABELS[s]}）`).join('、');

/**
 * Which people of the roster a list or an export holds, by 党员身份: some of 正式党员, 预备党员 and the
 * people on the way (发展对象, 入党积极分子, 入党申请人), each once. Left out: everyone.
 */
export const partyStatusesSchema = typed(isList, '身份类别应为列表，如 ["candidate"]').pipe(
  z
    .array(oneOf(PARTY_STATUSES, `身份类别应为：${STATUS_CHOICES}`))
    .min(1, '请至少选择一种身份类别，或不传以列出全部')
    .max(PARTY_STATUSES.length, '身份类别过多')
    .refine((list) => new Set(list).size === list.length, '身份类别不能重复'),
);

/**
 * The optional roster fields a committee keeps (性别, 出生日期, 民族, 学历, 工作单位, 党员分类); never a
 * 身份证号. null clears a field, [] the categories. 出生日期 is checked against today and 入党日期 on the server.
 */
const profileFields = {
  gender: oneOf(GENDERS, '性别应为“男”或“女”').nullable().optional(),
  birthDate: typed(isText, BIRTH_DATE_FORMAT)
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, BIRTH_DATE_FORMAT)
        .refine(isCalendarDay, '出生日期不是有效日期')
        .refine((s) => s >= '1900-01-01', '出生日期不能早于 1900 年'),
    )
    .nullable()
    .optional(),
  ethnicity: oneOf(ETHNICITIES, '民族应为 56 个民族之一，如“汉族”').nullable().optional(),
  education: oneOf(EDUCATION_LEVELS, `学历应为：${EDUCATION_LEVELS.join('、')}`)
    .nullable()
    .optional(),
  /** Blank reads as null. */
  workUnit: typed(isText, '工作单位应为文字')
    .pipe(
      z
        .string()
        .trim()
        .max(WORK_UNIT_MAX, `工作单位最多 ${WORK_UNIT_MAX} 个字`)
        // eslint-disable-next-line no-control-regex
        .regex(/^[^\u0000-\u001f\u007f]*$/, '工作单位不能包含换行或控制字符')
        .transform((s) => s || null),
    )
    .nullable()
    .optional(),
  categories: typed(isCategoryList, '党员分类应为列表')
    .pipe(
      z
        .array(categorySchema)
        .max(MEMBER_CATEGORIES.length, '党员分类过多')
        .refine((list) => new Set(list).size === list.length, '党员分类不能重复'),
    )
    .optional(),
};

/** A fixed-line number: 0571-88886666, 88886666, with an extension 0571-88886666-123. */
export const landlineSchema = z
  .string()
  .trim()
  .regex(/^(?:0\d{2,3}-?)?[2-9]\d{6,7}(?:-\d{1,6})?$/, '固定电话格式应如 0571-88886666');

const memberFields = {
  name: nameSchema,
  /** The mobile; null or left out for a member without one (uniqueness applies to mobiles). */
  phone: phoneSchema.nullable().optional(),
  landline: landlineSchema.nullable().optional(),
  partyStatus: membershipSchema,
  joinedAt: dateSchema,
  fullAt: dateSchema.nullable().optional(),
};

const ratingYearSchema = z
  .number({ message: '年度应为四位年份' })
  .int('年度应为四位年份')
  .min(2000, '年度应为四位年份')
  .max(2100, '年度应为四位年份');
const ratingWeightSchema = z
  .number({ message: '权重应为 0 到 100 的整数' })
  .int('权重应为 0 到 100 的整数')
  .min(0, '权重应为 0 到 100 的整数')
  .max(100, '权重应为 0 到 100 的整数');
const ratingScoreSchema = z
  .number({ message: '分数线应为 0 到 100 的整数' })
  .int('分数线应为 0 到 100 的整数')
  .min(0, '分数线应为 0 到 100 的整数')
  .max(100, '分数线应为 0 到 100 的整数');

export const rosterSchemas = {
  /**
   * The org tree. Archived nodes are left out unless `archived`; `counts` adds each node's active
   * members where the caller may read the roster.
   */
  tree: z.object({ archived: z.boolean().optional(), counts: z.boolean().optional() }).strict().optional(),
  /**
   * 我的数据 (`identity.myData`) as an Excel workbook. Deployed in `sheets` with every Excel action
   * (contracts/deployment.ts), so that `identity`, called at every app start, stays light.
   */
  exportMyData: noInput,
  listMembers: z
    .object({
      orgId: idSchema,
      query: z.string().trim().max(20).optional(),
      status: z.enum(['active', 'inactive', 'all']).default('active'),
      /** Only the members marked with this 党员分类. */
      category: categorySchema.optional(),
      /** Only these 党员身份 (the roster page's 党员 / 发展对象 / 入党积极分子 / 入党申请人). */
      statuses: partyStatusesSchema.optional(),
      /** Also count the matching people by 党员身份, whatever `statuses` picks (the page's chips). */
      countStatuses: z.boolean({ message: 'countStatuses 应为 true 或 false' }).optional(),
      page: pageSchema,
      pageSize: pageSizeSchema,
    })
    .strict(),
  getMember: z.object({ id: idSchema }).strict(),
  createMember: z.object({ orgId: idSchema, ...memberFields, ...profileFields }).strict(),
  updateMember: z
    .object({
      id: idSchema,
      name: nameSchema.optional(),
      /** null: the member has no mobile (any more). */
      phone: phoneSchema.nullable().optional(),
      landline: landlineSchema.nullable().optional(),
      partyStatus: membershipSchema.optional(),
      joinedAt: dateSchema.optional(),
      fullAt: dateSchema.nullable().optional(),
      /** A group of the member's branch, or null to leave the group. */
      groupId: idSchema.nullable().optional(),
      /** 免于参加组织生活 (年老体弱, 流动党员 elsewhere …): the reason, or null to lift it. */
      exemptReason: z.string().trim().min(2, '请填写免参加原因（至少 2 个字）').max(60).nullable().optional(),
      ...profileFields,
    })
    .strict(),
  deactivateMember: z
    .object({ id: idSchema, reason: z.enum(DEACTIVATION_REASONS), note: z.string().trim().max(200).optional() })
    .strict(),
  transferMember: z.object({ id: idSchema, toOrgId: idSchema, note: z.string().trim().max(200).optional() }).strict(),
  importTemplate: noInput,
  /** Reads an uploaded roster and says what importing it would do; changes nothing. */
  previewImport: z.object({ orgId: idSchema, fileID: fileIdSchema }).strict(),
  /**
   * Imports an uploaded roster. With `previewId` (from previewImport of the same file), only if
   * importing still does what the preview said; with `skipInvalid`, the valid rows when some are not.
   */
  importMembers: z
    .object({
      orgId: idSchema,
      fileID: fileIdSchema,
      previewId: idSchema.optional(),
      skipInvalid: z.boolean().optional(),
    })
    .strict(),
  /** The active roster of an org, or only the people of some 党员身份 (the title says which). */
  exportMembers: z.object({ orgId: idSchema, statuses: partyStatusesSchema.optional() }).strict(),
  createOrg: z
    .object({
      parentId: idSchema,
      name: z.string().trim().min(2).max(40),
      kind: orgKindSchema.exclude(['committee']),
    })
    .strict(),
  renameOrg: z.object({ id: idSchema, name: z.string().trim().min(2).max(40) }).strict(),
  /** A group to another branch of the same committee (its members go with it). */
  moveOrg: z.object({ id: idSchema, parentId: idSchema }).strict(),
  /** 撤销 a branch or group without active members or child nodes: hidden from pickers, kept for history. */
  archiveOrg: z.object({ id: idSchema }).strict(),
  /** 邀请入支部: the branch's invitation as a 小程序码 opening 亮身份 with the branch chosen. */
  inviteCode: z.object({ orgId: idSchema }).strict(),
  listRoles: z.object({ orgId: idSchema }).strict(),
  grantRole: z.object({ orgId: idSchema, memberId: idSchema, role: roleSchema }).strict(),
  revokeRole: z.object({ orgId: idSchema, memberId: idSchema, role: roleSchema }).strict(),
  auditLog: z
    .object({
      page: pageSchema,
      pageSize: pageSizeSchema,
      /** Entries by the account bound to this roster entry. */
      actorMemberId: idSchema.optional(),
      /** One kind of entry, e.g. `role.grant` (AUDIT_ACTION_LABEL lists them). */
      action: z
        .string()
        .trim()
        .regex(/^[a-z]+(\.[a-zA-Z]+){0,2}$/, '操作类型无效')
        .max(40)
        .optional(),
      /** China-time calendar dates, both included. */
      from: dateSchema.optional(),
      to: dateSchema.optional(),
    })
    .strict()
    .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '结束日期不能早于开始日期', path: ['to'] })
    .optional(),
  /** Whether this environment still has no committee (any signed-in caller may ask). */
  setupStatus: noInput,
  /**
   * The committee's overview of its branches in the month, quarter or year containing `date` (today):
   * a committee gives every branch under it, a branch itself. Needs roster.read there.
   */
  overview: z.object({ orgId: idSchema, period: z.enum(PERIODS), date: dateSchema.optional() }).strict(),
  /** 评星定级: the system's proposal for each branch of the committee for `year`, and any decision (committee admin). */
  ratingProposals: z.object({ committeeId: idSchema, year: ratingYearSchema }).strict(),
  /** The committee decides a branch's stars for `year`, with its reasons; posted (公示) before it is final. */
  decideRating: z
    .object({
      orgId: idSchema,
      year: ratingYearSchema,
      stars: z
        .number({ message: '星级应为 1 到 5 的整数' })
        .int('星级应为 1 到 5 的整数')
        .min(1, '星级应为 1 到 5 的整数')
        .max(5, '星级应为 1 到 5 的整数'),
      reason: reasonSchema,
    })
    .strict(),
  /** A branch's decided ratings, newest year first: its members and staff see them from the posting on. */
  ratings: z.object({ orgId: idSchema }).strict(),
  /** The committee's rating criteria: weights out of 100, the least score for 5 … 2 stars, the posting days. */
  setRatingCriteria: z
    .object({
      committeeId: idSchema,
      weights: z
        .object({
          cadence: ratingWeightSchema,
          attendance: ratingWeightSchema,
          study: ratingWeightSchema,
          declared: ratingWeightSchema,
        })
        .strict(),
      thresholds: z.tuple([ratingScoreSchema, ratingScoreSchema, ratingScoreSchema, ratingScoreSchema], {
        message: '星级分数线应为四个分数（五星、四星、三星、二星）',
      }),
      postingDays: z
        .number({ message: '公示天数应为 1 到 30 的整数' })
        .int('公示天数应为 1 到 30 的整数')
        .min(1, '公示天数应为 1 到 30 的整数')
        .max(30, '公示天数应为 1 到 30 的整数'),
    })
    .strict(),
  /** 两新组织: imports the committee's register (单位名称, 类型, 地址, 从业人员数, 是否已建党组织) from .xlsx or .csv. */
  importEmployers: z.object({ committeeId: idSchema, fileID: fileIdSchema }).strict(),
  /** The register with the members found in each organisation, the rules' suggestion and 组织覆盖率. */
  employers: z.object({ committeeId: idSchema }).strict(),
  /** Files an organisation into one of the committee's lists (null: none), with a note and its Party organisation. */
  fileEmployer: z
    .object({
      committeeId: idSchema,
      employer: z
        .string()
        .trim()
        .min(2, '单位名称至少 2 个字')
        .max(EMPLOYER_NAME_MAX, `单位名称不超过 ${EMPLOYER_NAME_MAX} 个字`),
      list: z.enum(EMPLOYER_LISTS, { message: '名单应为优先组建、重点攻坚或暂缓组建' }).nullable().optional(),
      note: z.string().trim().max(200, '备注不超过 200 个字').optional(),
      hasOrganisation: z.boolean({ message: '是否已建党组织应为是或否' }).optional(),
    })
    .strict(),
  exportEmployers: z.object({ committeeId: idSchema }).strict(),
  /**
   * 初始化: the first person creates the committee, their own roster entry and the admin role. The
   * party details of their entry are optional here (the 初始化 page asks for them).
   */
  setup: z
    .object({
      code: z.string().trim().min(1, '请填写初始化码').max(64, '初始化码不超过 64 位'),
      committeeName: z.string().trim().min(2, '党委名称至少 2 个字').max(40, '党委名称不超过 40 个字'),
      name: nameSchema,
      phone: phoneSchema,
      branchName: z.string().trim().min(2, '支部名称至少 2 个字').max(40, '支部名称不超过 40 个字').optional(),
      partyStatus: membershipSchema.optional(),
      joinedAt: dateSchema.optional(),
      fullAt: dateSchema.optional(),
      /** The admin's separate consent to processing their own Party membership, as 亮身份 asks it (kept with the audit entry). */
      consent: z
        .custom<true>((v) => v === true, { message: '请阅读敏感个人信息说明，并勾选单独同意后再提交' })
        .optional(),
    })
    .strict(),
} as const;

export interface OrgNode {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  /** 已撤销: only when the tree was asked for archived nodes. */
  archived?: boolean;
  /** Active Party members (正式, 预备) in the node's subtree, when asked for and the caller may read its roster. */
  activeMembers?: number;
  /** With them, the active people on the way to membership (发展对象, 入党积极分子, 入党申请人). */
  activeOnTheWay?: number;
}

export interface RosterMember {
  id: string;
  name: string;
  /** Full for a secretary or officer of the member's scope; masked (138****1234) otherwise; null: no mobile. */
  phone: string | null;
  /** 固定电话, shown as the mobile is (masked outside the secretary's scope). */
  landline: string | null;
  partyStatus: PartyStatus;
  joinedAt: string | null;
  fullAt: string | null;
  orgId: string;
  orgName: string;
  groupId: string | null;
  status: MemberStatus;
  bound: boolean;
  /** 党龄: whole years since 转正日期 (China time); null for a 预备党员. */
  partyYears: number | null;
  /** 免于参加组织生活: why, or null. Closing an activity counts an exempt member as 免参加, not absent. */
  exemptReason: string | null;
}

export interface MemberHistoryEntry {
  at: string;
  action: 'created' | 'imported' | 'updated' | 'deactivated' | 'transferred' | 'bound';
  note: string;
}

/**
 * What the caller may do to one roster entry, decided on the server by the rules that decide the
 * changes themselves (scope, role precedence, no exemption of oneself): controls follow it.
 */
export interface MemberActionsAllowed {
  /** 编辑信息 (one's own entry included). */
  edit: boolean;
  /** Setting or lifting 免参加: never on one's own entry. */
  exempt: boolean;
  /** 调动 to another branch or group (the page still needs somewhere the caller may move them to). */
  transfer: boolean;
  /** 停用 / 转出: also takes someone who could revoke every role the member holds. */
  deactivate: boolean;
}

/** The optional fields of a roster entry (absent on older entries: read as null and []). */
/** A person named on someone's roster entry (培养联系人, 入党介绍人): a roster member where known. */
export interface PersonRef {
  memberId: string | null;
  name: string;
}

export interface MemberProfile {
  gender: Gender | null;
  /** 出生日期, `YYYY-MM-DD`. */
  birthDate: string | null;
  ethnicity: Ethnicity | null;
  education: EducationLevel | null;
  workUnit: string | null;
  categories: MemberCategory[];
}

/** getMember: only for callers who may read the member's roster entry (roster.read over their org). */
export interface RosterMemberDetail extends RosterMember, MemberProfile {
  /** 培养联系人 and 入党介绍人, as 发展党员 records them ([] for Party members and before they are named). */
  contacts: PersonRef[];
  sponsors: PersonRef[];
  history: MemberHistoryEntry[];
  inactiveReason: string | null;
  allowed: MemberActionsAllowed;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorName: string | null;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** One problem with one cell of an import, as the file has it (row 0: the file as a whole). */
export interface ImportIssue {
  row: number;
  /** The column as the file names it (手机号, 联系电话 …); empty for the file or a whole row. */
  column: string;
  /** The cell's text as found. */
  value: string;
  /** What is wrong and what is expected, in Chinese. */
  message: string;
}

/** What importing a file would do, row by row; nothing is changed until importMembers. */
export interface ImportPreview {
  /** Valid for 30 minutes, for this caller, branch and file: importMembers checks nothing changed since. */
  previewId: string;
  create: number;
  update: number;
  unchanged: number;
  /** Rows that would not be imported, each problem listed (the first 100; `errorCount` counts them all). */
  errors: ImportIssue[];
  errorCount: number;
  /** Rows imported with a guess (a month without a day, two numbers) or skipped (the template's example). */
  warnings: ImportIssue[];
  recognizedColumns: string[];
  ignoredColumns: string[];
  /** The members to create or update (the first 200), with the fields that change. */
  members: Array<{ row: number; name: string; action: 'create' | 'update'; changes: string[] }>;
  /** The refused rows with an error column, to fix and import again; null when every row is valid. */
  refusedRows: FileLink | null;
}

/** One branch in the committee's overview. Rates are shares 0…1 (three decimals), null with nothing to divide. */
export interface BranchOverview {
  orgId: string;
  name: string;
  /**
   * Active Party members now (正式, 预备): every figure below is about them. The people on the way
   * (发展对象, 入党积极分子, 入党申请人) take part too, but are counted apart (`onTheWay`) and in nothing else.
   */
  members: number;
  onTheWay: number;
  /** 亮身份 coverage: active members bound to a WeChat account through a reviewed declaration. */
  declaredRate: number | null;
  /** Signed in (present or late) ÷ expected (all but the exempt) over the period's closed activities. */
  attendanceRate: number | null;
  /** Active members who finished at least one lecture in the period ÷ active members. */
  studyRate: number | null;
  /**
   * The branch's 三会一课 as of `date` (activity.cadence counted): this period's obligations done and
   * due, the previous period's unmet ones overdue; days since its last held activity, and 静默.
   */
  cadence: { done: number; due: number; overdue: number; silentDays: number | null; silent: boolean };
  /** Net points per active member in the period (two decimals). */
  pointsAverage: number;
}

export type RatingMeasureName = 'cadence' | 'attendance' | 'study' | 'declared';

export interface RatingCriteriaView {
  weights: Record<RatingMeasureName, number>;
  /** The least score for 5, 4, 3 and 2 stars. */
  thresholds: [number, number, number, number];
  postingDays: number;
}

/** A committee's decision on a branch's stars. `posting` until `publicUntil` (公示), then `final`. */
export interface RatingDecision {
  orgId: string;
  name: string;
  year: number;
  stars: number;
  /** What the system proposed when the decision was made. */
  proposedStars: number;
  score: number;
  reason: string;
  decidedAt: string;
  publicUntil: string;
  status: 'posting' | 'final';
}

export interface RatingProposal {
  orgId: string;
  name: string;
  /** Shares 0…1 for the year (三会一课 met, attendance, study, 亮身份 coverage); null: nothing to count. */
  measures: Record<RatingMeasureName, number | null>;
  /** 0…100, one decimal. */
  score: number;
  proposedStars: number;
  /** One line per measure: its figure and what it earned. */
  reasons: string[];
  decision: RatingDecision | null;
}

export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
export type EmployerList = (typeof EMPLOYER_LISTS)[number];
export type EmployerSuggestion = 'single' | 'joint' | 'none';

/** A 两新 organisation of the committee's register, with the Party members found working there. */
export interface EmployerItem {
  employer: string;
  kind: EmployerKind | null;
  address: string | null;
  staff: number | null;
  /** Active roster members of the committee whose 工作单位 is this organisation, and pending declarations naming it. */
  full: number;
  probationary: number;
  /** A Party organisation of its own or a joint one. */
  hasOrganisation: boolean;
  suggestion: EmployerSuggestion;
  list: EmployerList | null;
  note: string;
}

/** 组织覆盖率 at the end of a month (the last snapshot written in it). */
export interface CoveragePoint {
  month: string;
  coverage: number | null;
}

export interface RosterOutputs {
  tree: { orgs: OrgNode[] };
  exportMyData: FileLink;
  /** `byStatus` with `countStatuses`: how many match each 党员身份 (the other filters applied). */
  listMembers: CountedPage<RosterMember> & { byStatus?: Record<PartyStatus, number> };
  getMember: RosterMemberDetail;
  createMember: { id: string };
  updateMember: { id: string };
  deactivateMember: { id: string; status: 'inactive' };
  transferMember: { id: string; orgId: string };
  importTemplate: FileLink;
  previewImport: ImportPreview;
  importMembers: { created: number; updated: number; unchanged: number; skipped: number };
  exportMembers: FileLink;
  createOrg: { id: string };
  renameOrg: { id: string };
  moveOrg: { id: string; parentId: string };
  archiveOrg: { id: string };
  /** `image`: a 小程序码 (PNG data URI), or null where the app shows a QR code of `path` instead. */
  inviteCode: { orgId: string; path: string; image: string | null };
  listRoles: { items: Array<{ orgId: string; memberId: string | null; name: string | null; role: Role }> };
  grantRole: { orgId: string; memberId: string; role: Role };
  revokeRole: { orgId: string; memberId: string; role: Role };
  auditLog: Page<AuditEntry>;
  setupStatus: { needed: boolean };
  overview: { period: string; items: BranchOverview[] };
  ratingProposals: { year: number; criteria: RatingCriteriaView; items: RatingProposal[] };
  decideRating: RatingDecision;
  ratings: { items: RatingDecision[] };
  setRatingCriteria: RatingCriteriaView;
  importEmployers: {
    created: number;
    updated: number;
    errors: Array<{ row: number; column: string; message: string }>;
  };
  /** `coverage`: organisations with a Party organisation ÷ organisations on the register (null: none on it). */
  employers: { items: EmployerItem[]; coverage: number | null; history: CoveragePoint[] };
  fileEmployer: EmployerItem;
  exportEmployers: FileLink;
  setup: { committeeId: string; branchId: string; memberId: string };
}
