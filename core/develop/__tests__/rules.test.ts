import { DEFAULT_DEVELOP_RULES, DEFAULT_DEVELOP_STEPS, type DevelopConfig } from '../../../contracts/develop';
import {
  addInterval,
  categoryOf,
  configProblem,
  isOverdue,
  nextStep,
  refusal,
  resolveStep,
  stageOf,
  stepViews,
  type FileState,
  type StepRecord,
} from '../rules';

/** The step rules as pure functions: order, dates, min/max/due intervals, the 预备期 and its extension. */

const CONFIG: DevelopConfig = { steps: [...DEFAULT_DEVELOP_STEPS], rules: [...DEFAULT_DEVELOP_RULES] };
const CODES = CONFIG.steps.map((s) => s.code);

const rec = (step: string, at: string): StepRecord => ({ step, at, note: null, by: 'demo-secretary', recordedAt: at });

/** A file with the steps up to (not including) `upTo` recorded on the given dates (default: day after day). */
function fileUpTo(upTo: string, dates: Record<string, string> = {}, months = 0): FileState {
  const records: StepRecord[] = [];
  let last = '2024-01-02';
  for (const code of CODES.slice(0, CODES.indexOf(upTo))) {
    last = dates[code] ?? last;
    records.push(rec(code, last));
  }
  return {
    config: CONFIG,
    records,
    extension: months ? { months, at: dates.admissionApproval ?? last, note: '支部大会决定延长', by: 'x' } : null,
  };
}

const TODAY = '2026-11-23';

describe('the default configuration', () => {
  it('has 5 stages and 25 steps, and is itself valid', () => {
    expect(CONFIG.steps).toHaveLength(25);
    expect(new Set(CONFIG.steps.map((s) => s.stage))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(CONFIG.steps.map((s) => s.stage)).toEqual([
      1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5,
    ]);
    expect(configProblem(CONFIG)).toBeNull();
  });

  it('calendar intervals: a month from 31 January is the end of February', () => {
    expect(addInterval('2025-01-31', { months: 1 })).toBe('2025-02-28');
    expect(addInterval('2025-03-01', { months: 12 })).toBe('2026-03-01');
    expect(addInterval('2025-03-01', { months: 12 }, 6)).toBe('2026-09-01');
    expect(addInterval('2025-03-01', { days: 3 })).toBe('2025-03-04');
  });
});

describe('recording a step: too early, in time, too late', () => {
  type Row = [
    label: string,
    step: string,
    dates: Record<string, string>,
    at: string,
    months: number,
    refused: RegExp | null,
  ];
  const ROWS: Row[] = [
    // 培养教育考察: at least a year after 推荐确定入党积极分子
    [
      '考察 a day short of a year',
      'cultivate',
      { recommend: '2025-03-01' },
      '2026-02-28',
      0,
      /入党积极分子培养教育考察一年以上.*2026年3月1日/,
    ],
    ['考察 exactly a year', 'cultivate', { recommend: '2025-03-01' }, '2026-03-01', 0, null],
    ['考察 over a year', 'cultivate', { recommend: '2025-03-01' }, '2026-06-01', 0, null],
    // 集中培训: at least 3 days after 确定发展对象
    ['培训 2 days after', 'training', { confirmCandidate: '2026-04-01' }, '2026-04-03', 0, /集中培训不少于3天/],
    ['培训 3 days after', 'training', { confirmCandidate: '2026-04-01' }, '2026-04-04', 0, null],
    // 上级党委审批: at most 6 months after 支部大会讨论
    ['审批 within 3 months', 'admissionApproval', { admissionVote: '2026-01-10' }, '2026-04-10', 0, null],
    [
      '审批 late but within 6 months (allowed, flagged late)',
      'admissionApproval',
      { admissionVote: '2026-01-10' },
      '2026-07-10',
      0,
      null,
    ],
    [
      '审批 past 6 months',
      'admissionApproval',
      { admissionVote: '2026-01-10' },
      '2026-07-11',
      0,
      /最长不超过六个月.*2026年7月10日/,
    ],
    // 预备期: a year from 支部大会讨论, lengthened by an extension
    ['预备期 not yet a year', 'probation', { admissionVote: '2025-01-10' }, '2026-01-09', 0, /预备期为一年/],
    ['预备期 a year', 'probation', { admissionVote: '2025-01-10' }, '2026-01-10', 0, null],
    [
      '预备期 a year, but extended by 6 months',
      'probation',
      { admissionVote: '2025-01-10' },
      '2026-01-10',
      6,
      /预备期已延长 6 个月.*2026年7月10日/,
    ],
    [
      '预备期 a year and 6 months after an extension of 6',
      'probation',
      { admissionVote: '2025-01-10' },
      '2026-07-10',
      6,
      null,
    ],
    [
      '预备期 extended by 12: 18 months is too early',
      'probation',
      { admissionVote: '2024-01-10' },
      '2025-07-10',
      12,
      /2026年1月10日/,
    ],
    // order and dates
    [
      'a date before the previous step',
      'talk',
      { apply: '2026-03-05' },
      '2026-03-04',
      0,
      /不能早于上一步骤「递交入党申请书」/,
    ],
    ['a date after today', 'talk', { apply: '2026-11-20' }, '2026-11-24', 0, /不能晚于今天/],
    ['谈话 late (after a month) is recorded, flagged', 'talk', { apply: '2026-01-05' }, '2026-03-01', 0, null],
  ];

  it.each(ROWS)('%s', (_label, step, dates, at, months, refused) => {
    const file = fileUpTo(step, dates, months);
    const result = refusal(file, step, at, TODAY);
    if (refused) expect(result).toEqual({ field: 'at', message: expect.stringMatching(refused) });
    else expect(result).toBeNull();
  });

  it('only the next step may be recorded, once', () => {
    const file = fileUpTo('cultivate', { recommend: '2024-01-02' });
    expect(refusal(file, 'confirmCandidate', '2026-01-01', TODAY)?.message).toBe(
      '请先完成「培养教育考察」，再记录「确定发展对象」',
    );
    expect(refusal(file, 'talk', '2026-01-01', TODAY)?.message).toBe('「党组织派人谈话」已记录，不能重复记录');
    expect(refusal(file, 'nosuch', '2026-01-01', TODAY)).toEqual({ field: 'step', message: '没有步骤「nosuch」' });
  });
});

describe('a step named by its code, its name or its short name', () => {
  it.each<[string, string, string]>([
    ['a code', 'talk', 'talk'],
    ['a name of the list', '党组织派人谈话', 'talk'],
    ['a short name', '派人谈话', 'talk'],
    ['备案 while 积极分子: their filing', '备案', 'activistFiling'],
    ['支部大会讨论 before admission', '支部大会讨论', 'admissionVote'],
    ['an unknown name, as given', '面谈', '面谈'],
  ])('%s', (_label, given, code) => {
    expect(resolveStep(fileUpTo('talk'), given)).toBe(code);
  });

  it('a name two stages share means the next one to record', () => {
    expect(resolveStep(fileUpTo('candidateFiling'), '备案')).toBe('candidateFiling');
    expect(resolveStep(fileUpTo('fullVote'), '支部大会讨论')).toBe('fullVote');
    expect(resolveStep(fileUpTo('fullApproval'), '上级党委审批')).toBe('fullApproval');
  });
});

describe('overdue on the board, late in the file', () => {
  it.each<[string, string, Record<string, string>, string, boolean]>([
    ['谈话 pending, 30 days after the application', 'talk', { apply: '2026-10-24' }, '2026-11-23', false],
    ['谈话 pending, on the last day of the month', 'talk', { apply: '2026-10-23' }, '2026-11-23', false],
    ['谈话 pending, a month and a day', 'talk', { apply: '2026-10-22' }, '2026-11-23', true],
    ['审批 pending 3 months', 'admissionApproval', { admissionVote: '2026-08-23' }, '2026-11-23', false],
    ['审批 pending 3 months and a day', 'admissionApproval', { admissionVote: '2026-08-22' }, '2026-11-23', true],
    ['培养教育考察 has no deadline', 'cultivate', { recommend: '2020-01-01' }, '2026-11-23', false],
  ])('%s → overdue %s', (_label, step, dates, today, overdue) => {
    const file = fileUpTo(step, dates);
    expect(nextStep(file)?.code).toBe(step);
    expect(isOverdue(file, today)).toBe(overdue);
    expect(stepViews(file, today).find((s) => s.step === step)?.status).toBe(overdue ? 'overdue' : 'next');
  });

  it('a step recorded past its due date is shown as late; the due date of the next is given', () => {
    const file = fileUpTo('recommend', { apply: '2026-01-05', talk: '2026-03-01' });
    const views = stepViews(file, TODAY);
    expect(views[0]).toMatchObject({ step: 'apply', status: 'done', at: '2026-01-05' });
    expect(views[1]).toMatchObject({ step: 'talk', status: 'late', at: '2026-03-01' });
    expect(views[2]).toMatchObject({ step: 'recommend', status: 'next', earliest: '2026-03-01', due: null });
    expect(views[3]).toMatchObject({ status: 'todo', at: null });
  });
});

describe('stage and category', () => {
  it.each<[string, number, string]>([
    ['talk', 1, 'applicant'],
    ['recommend', 2, 'applicant'],
    ['assignContact', 2, 'activist'],
    ['training', 3, 'candidate'],
    ['admissionApproval', 4, 'candidate'],
    ['upperFiling', 4, 'probationary'],
    ['fullApproval', 5, 'probationary'],
    ['archive', 5, 'full'],
  ])('next step %s → stage %i, %s', (step, stage, category) => {
    const file = fileUpTo(step);
    expect(stageOf(file)).toBe(stage);
    expect(categoryOf(file)).toBe(category);
  });
});

describe('a committee’s own configuration is validated', () => {
  const base = (): DevelopConfig => structuredClone(CONFIG);
  it.each<[string, (c: DevelopConfig) => void, string, RegExp]>([
    [
      'a rule naming an unknown step',
      (c) => (c.rules[0].step = 'interview'),
      'rules.0.step',
      /不存在的步骤「interview」/,
    ],
    [
      'a rule counted from an unknown step',
      (c) => (c.rules[1].after = 'nosuch'),
      'rules.1.after',
      /不存在的步骤「nosuch」/,
    ],
    [
      'a rule counted from a later step',
      (c) => (c.rules[1].after = 'training'),
      'rules.1.after',
      /起算步骤应在其步骤之前/,
    ],
    [
      'a rule with no interval',
      (c) => (c.rules[0] = { step: 'talk', after: 'apply', text: '尽快谈话' }),
      'rules.0',
      /至少有/,
    ],
    ['two steps with one code', (c) => (c.steps[3].code = 'recommend'), 'steps.3.code', /重复/],
    ['stages out of order', (c) => (c.steps[1].stage = 3), 'steps.2.stage', /阶段早于前一步骤/],
    ['no 转正 step', (c) => delete c.steps[23].mark, 'steps', /转正的审批/],
    ['two 预备期 rules', (c) => c.rules.push({ ...c.rules[4] }), 'rules', /只能有一条预备期规则/],
  ])('%s → refused on %s', (_label, change, field, message) => {
    const config = base();
    change(config);
    expect(configProblem(config)).toEqual({ field, message: expect.stringMatching(message) });
  });

  it('a shorter list (21 steps) with its own rules is accepted', () => {
    const config = base();
    config.steps = config.steps.filter(
      (s) => !['activistFiling', 'candidateFiling', 'committeeTalk', 'upperFiling'].includes(s.code),
    );
    expect(config.steps).toHaveLength(21);
    expect(configProblem(config)).toBeNull();
  });
});
