/**
 * 发展党员: the five stages and the default 25 steps with their time rules, as the committee's
 * configuration starts (a committee may replace them: `develop.setSteps`). Zod-free: the app shows them.
 */

export const DEVELOP_STAGES = [1, 2, 3, 4, 5] as const;
export type DevelopStage = (typeof DEVELOP_STAGES)[number];

export const DEVELOP_STAGE_NAMES: Readonly<Record<DevelopStage, string>> = {
  1: '入党申请',
  2: '入党积极分子的确定和培养教育',
  3: '发展对象的确定和考察',
  4: '预备党员的接收',
  5: '预备党员的教育考察和转正',
};

/** Who takes a step: the branch, or the 上级党委 (the branch secretary records its decision's date). */
export const STEP_ACTORS = ['branch', 'committee'] as const;
export type StepActor = (typeof STEP_ACTORS)[number];

/**
 * What recording a step does beyond the file: `joinDate` is the 支部大会 whose date becomes 入党日期;
 * `admit` makes the person a 预备党员 on the roster; `full` makes them a 正式党员 with 转正日期. A list
 * has each of these exactly once. `contacts` (指定培养联系人) and `sponsors` (确定入党介绍人) take the
 * people named with the step onto the roster entry; a list has each at most once, and a list saved
 * before they existed falls back to the default steps' codes (`PEOPLE_STEP_CODES`).
 */
export const REQUIRED_STEP_MARKS = ['joinDate', 'admit', 'full'] as const;
export const PEOPLE_STEP_MARKS = ['contacts', 'sponsors'] as const;
export const STEP_MARKS = [...REQUIRED_STEP_MARKS, ...PEOPLE_STEP_MARKS] as const;
export type StepMark = (typeof STEP_MARKS)[number];
export type PeopleStepMark = (typeof PEOPLE_STEP_MARKS)[number];

/** The default steps that name people, for a list saved without the marks. */
export const PEOPLE_STEP_CODES: Readonly<Record<PeopleStepMark, string>> = {
  contacts: 'assignContact',
  sponsors: 'assignIntroducers',
};

/**
 * How many people each such step names, and who they must be when picked from the roster:
 * 《中国共产党发展党员工作细则》 — 一至两名正式党员作培养联系人 (第十三条); 两名正式党员作入党介绍人
 * (第十七条，《党章》第五条). A name typed in (someone not on the roster) is taken as given.
 */
export const PEOPLE_STEP_RULES: Readonly<
  Record<PeopleStepMark, { min: number; max: number; label: string; scope: 'branch' | 'committee' }>
> = {
  contacts: { min: 1, max: 2, label: '培养联系人', scope: 'branch' },
  sponsors: { min: 2, max: 2, label: '入党介绍人', scope: 'committee' },
};

export interface DevelopStepDef {
  /** Unique within the list: how files and rules name the step. */
  code: string;
  name: string;
  stage: DevelopStage;
  by: StepActor;
  mark?: StepMark;
}

/** A span of calendar months and days. */
export interface Interval {
  months?: number;
  days?: number;
}

/**
 * A time rule between two steps of the list: `step` no earlier than `min` after `after` (refused),
 * no later than `max` (refused), and flagged overdue past `due`. `probation`: the 预备期, which an
 * extension (`develop.extendProbation`) lengthens.
 */
export interface DevelopRule {
  step: string;
  after: string;
  min?: Interval;
  due?: Interval;
  max?: Interval;
  probation?: boolean;
  /** The rule in Chinese, as a refusal names it. */
  text: string;
}

export interface DevelopConfig {
  steps: DevelopStepDef[];
  rules: DevelopRule[];
}

export const DEFAULT_DEVELOP_STEPS: readonly DevelopStepDef[] = [
  { code: 'apply', name: '递交入党申请书', stage: 1, by: 'branch' },
  { code: 'talk', name: '党组织派人谈话', stage: 1, by: 'branch' },
  { code: 'recommend', name: '推荐和确定入党积极分子', stage: 2, by: 'branch' },
  { code: 'activistFiling', name: '入党积极分子报上级党委备案', stage: 2, by: 'committee' },
  { code: 'assignContact', name: '指定培养联系人', stage: 2, by: 'branch', mark: 'contacts' },
  { code: 'cultivate', name: '培养教育考察', stage: 2, by: 'branch' },
  { code: 'confirmCandidate', name: '确定发展对象', stage: 3, by: 'branch' },
  { code: 'candidateFiling', name: '发展对象报上级党委备案', stage: 3, by: 'committee' },
  { code: 'assignIntroducers', name: '确定入党介绍人', stage: 3, by: 'branch', mark: 'sponsors' },
  { code: 'politicalReview', name: '进行政治审查', stage: 3, by: 'branch' },
  { code: 'training', name: '开展集中培训', stage: 3, by: 'branch' },
  { code: 'branchCommitteeReview', name: '支部委员会审查', stage: 4, by: 'branch' },
  { code: 'preReview', name: '上级党委预审', stage: 4, by: 'committee' },
  { code: 'volunteerForm', name: '填写入党志愿书', stage: 4, by: 'branch' },
  { code: 'admissionVote', name: '支部大会讨论接收预备党员', stage: 4, by: 'branch', mark: 'joinDate' },
  { code: 'committeeTalk', name: '上级党委派人谈话', stage: 4, by: 'committee' },
  { code: 'admissionApproval', name: '上级党委审批接收', stage: 4, by: 'committee', mark: 'admit' },
  { code: 'upperFiling', name: '再上一级党委组织部门备案', stage: 4, by: 'committee' },
  { code: 'assignGroup', name: '编入党支部和党小组', stage: 5, by: 'branch' },
  { code: 'oath', name: '入党宣誓', stage: 5, by: 'branch' },
  { code: 'probation', name: '继续教育考察（预备期满）', stage: 5, by: 'branch' },
  { code: 'applyFull', name: '提出转正申请', stage: 5, by: 'branch' },
  { code: 'fullVote', name: '支部大会讨论转正', stage: 5, by: 'branch' },
  { code: 'fullApproval', name: '上级党委审批转正', stage: 5, by: 'committee', mark: 'full' },
  { code: 'archive', name: '材料归档', stage: 5, by: 'branch' },
];

export const DEFAULT_DEVELOP_RULES: readonly DevelopRule[] = [
  { step: 'talk', after: 'apply', due: { months: 1 }, text: '收到入党申请书后一个月内派人谈话' },
  { step: 'cultivate', after: 'recommend', min: { months: 12 }, text: '入党积极分子培养教育考察一年以上' },
  {
    step: 'training',
    after: 'confirmCandidate',
    min: { days: 3 },
    text: '发展对象集中培训不少于3天（或不少于24学时）',
  },
  {
    step: 'admissionApproval',
    after: 'admissionVote',
    due: { months: 3 },
    max: { months: 6 },
    text: '上级党委在支部大会通过后三个月内审批，最长不超过六个月',
  },
  {
    step: 'probation',
    after: 'admissionVote',
    min: { months: 12 },
    probation: true,
    text: '预备期为一年，自支部大会通过之日算起',
  },
  { step: 'fullApproval', after: 'fullVote', due: { months: 3 }, text: '上级党委在支部大会通过转正后三个月内审批' },
];

/**
 * The default steps' short names, as the 25 steps are usually listed (`派人谈话`, `支部大会讨论`): a
 * step may be named by them. Some name a step of two stages (`备案`, `上级党委审批`): they mean the next one.
 */
export const DEFAULT_STEP_ALIASES: Readonly<Record<string, readonly string[]>> = {
  apply: ['递交申请', '递交入党申请'],
  talk: ['派人谈话'],
  recommend: ['推荐确定', '推荐和确定入党积极分子'],
  activistFiling: ['上级党委备案', '备案'],
  assignContact: ['指定培养联系人'],
  cultivate: ['培养教育考察'],
  confirmCandidate: ['确定', '确定为发展对象'],
  candidateFiling: ['备案', '上级党委备案'],
  assignIntroducers: ['确定入党介绍人'],
  politicalReview: ['政治审查'],
  training: ['集中培训'],
  branchCommitteeReview: ['支委会审查'],
  preReview: ['上级党委预审'],
  volunteerForm: ['填写入党志愿书'],
  admissionVote: ['支部大会讨论'],
  committeeTalk: ['上级党委派人谈话'],
  admissionApproval: ['上级党委审批'],
  upperFiling: ['再上一级党委备案'],
  assignGroup: ['编入党支部和党小组'],
  oath: ['入党宣誓'],
  probation: ['继续教育考察'],
  applyFull: ['提出转正申请'],
  fullVote: ['支部大会讨论'],
  fullApproval: ['上级党委审批'],
  archive: ['材料归档'],
};

/** 预备期 may be extended once, by 6 to 12 months. */
export const PROBATION_EXTENSION_MONTHS = { min: 6, max: 12 } as const;

/** Where a person in the pipeline stands, from the steps recorded (the roster's 党员身份 begins at `probationary`). */
export const DEVELOP_CATEGORIES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;
export type DevelopCategory = (typeof DEVELOP_CATEGORIES)[number];
export const DEVELOP_CATEGORY_LABELS: Readonly<Record<DevelopCategory, string>> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
};

/** A step's state in a person's file. */
export const STEP_STATUSES = ['done', 'late', 'next', 'overdue', 'todo'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const STEP_STATUS_LABELS: Readonly<Record<StepStatus, string>> = {
  done: '已完成',
  late: '已完成（超期）',
  next: '待办',
  overdue: '已超期',
  todo: '未开始',
};
