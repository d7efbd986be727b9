import dayjs from 'dayjs';
import type {
  DevelopCategory,
  DevelopConfig,
  DevelopRule,
  DevelopStage,
  DevelopStepView,
  Interval,
  StepStatus,
} from '../../contracts/develop';
import type { PersonRef } from '../../contracts/roster';
import {
  DEFAULT_STEP_ALIASES,
  PEOPLE_STEP_CODES,
  PEOPLE_STEP_MARKS,
  REQUIRED_STEP_MARKS,
  type PeopleStepMark,
} from '../../contracts/labels/develop';

/**
 * The 发展党员 step rules as plain functions over a file: the steps in order, each dated no earlier
 * than the one before, no earlier than its `min` rules allow and no later than its `max`; past `due`
 * the step is overdue (on the board) or was late (in the file). Dates are `YYYY-MM-DD`, China time.
 */

export interface StepRecord {
  step: string;
  at: string;
  note: string | null;
  /** The openid that recorded it. */
  by: string;
  recordedAt: string;
  /** The 培养联系人 or 入党介绍人 named with the step (absent on records made before they were asked). */
  people?: PersonRef[];
}

export interface Extension {
  months: number;
  at: string;
  note: string;
  by: string;
}

export interface FileState {
  config: DevelopConfig;
  records: StepRecord[];
  extension: Extension | null;
}

export function addInterval(date: string, interval: Interval, extraMonths = 0): string {
  return dayjs(`${date}T00:00:00Z`)
    .add((interval.months ?? 0) + extraMonths, 'month')
    .add(interval.days ?? 0, 'day')
    .format('YYYY-MM-DD');
}

export const formatDate = (date: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** Why a configuration cannot be used, or null: each problem names where it is. */
export function configProblem(config: DevelopConfig): { field: string; message: string } | null {
  const index = new Map<string, number>();
  for (const [i, step] of config.steps.entries()) {
    if (index.has(step.code)) return { field: `steps.${i}.code`, message: `步骤代码「${step.code}」重复` };
    index.set(step.code, i);
    const before = config.steps[i - 1];
    if (before && before.stage > step.stage)
      return { field: `steps.${i}.stage`, message: `步骤「${step.name}」的阶段早于前一步骤，步骤应按阶段顺序排列` };
  }
  for (const mark of REQUIRED_STEP_MARKS) {
    const marked = config.steps.filter((s) => s.mark === mark);
    if (marked.length !== 1) {
      const what = { joinDate: '讨论接收预备党员的支部大会', admit: '接收预备党员的审批', full: '转正的审批' }[mark];
      return { field: 'steps', message: `步骤中应有且只有一个「${what}」` };
    }
  }
  for (const mark of PEOPLE_STEP_MARKS)
    if (config.steps.filter((s) => s.mark === mark).length > 1) {
      const what = { contacts: '指定培养联系人', sponsors: '确定入党介绍人' }[mark];
      return { field: 'steps', message: `步骤中最多只能有一个「${what}」` };
    }
  const at = (mark: (typeof REQUIRED_STEP_MARKS)[number]) => config.steps.findIndex((s) => s.mark === mark);
  if (!(at('joinDate') <= at('admit') && at('admit') < at('full')))
    return { field: 'steps', message: '支部大会讨论接收、上级党委审批接收、审批转正应依次排列' };
  if (at('joinDate') === 0) return { field: 'steps', message: '第一个步骤应为递交入党申请' };
  let probation = 0;
  for (const [i, rule] of config.rules.entries()) {
    const step = index.get(rule.step);
    const after = index.get(rule.after);
    if (step === undefined) return { field: `rules.${i}.step`, message: `规则引用了不存在的步骤「${rule.step}」` };
    if (after === undefined) return { field: `rules.${i}.after`, message: `规则引用了不存在的步骤「${rule.after}」` };
    if (after >= step) return { field: `rules.${i}.after`, message: `规则「${rule.text}」的起算步骤应在其步骤之前` };
    if (!rule.min && !rule.due && !rule.max)
      return { field: `rules.${i}`, message: `规则「${rule.text}」应至少有最短、应办或最长期限之一` };
    if (rule.probation) {
      probation++;
      if (!rule.min) return { field: `rules.${i}.min`, message: '预备期规则应有最短期限' };
    }
  }
  if (probation > 1) return { field: 'rules', message: '只能有一条预备期规则' };
  return null;
}

const recordOf = (file: FileState, step: string) => file.records.find((r) => r.step === step) ?? null;

/** The extension's months on the 预备期 rule, 0 on any other. */
const extraMonths = (file: FileState, rule: DevelopRule) =>
  rule.probation && file.extension ? file.extension.months : 0;

/** The earliest date, the due date and the latest date the rules give `step`, from the steps recorded. */
export function window(
  file: FileState,
  step: string,
): {
  earliest: string | null;
  due: string | null;
  latest: string | null;
  rules: Array<{ rule: DevelopRule; from: string }>;
} {
  let earliest: string | null = null;
  let due: string | null = null;
  let latest: string | null = null;
  const rules: Array<{ rule: DevelopRule; from: string }> = [];
  for (const rule of file.config.rules) {
    if (rule.step !== step) continue;
    const from = recordOf(file, rule.after)?.at;
    if (!from) continue;
    rules.push({ rule, from });
    const extra = extraMonths(file, rule);
    if (rule.min) {
      const d = addInterval(from, rule.min, extra);
      if (!earliest || d > earliest) earliest = d;
    }
    for (const limit of [rule.due, rule.max]) {
      if (!limit) continue;
      const d = addInterval(from, limit, extra);
      if (!due || d < due) due = d;
    }
    if (rule.max) {
      const d = addInterval(from, rule.max, extra);
      if (!latest || d < latest) latest = d;
    }
  }
  const previous = file.records.at(-1)?.at ?? null;
  if (previous && (!earliest || previous > earliest)) earliest = previous;
  return { earliest, due, latest, rules };
}

/**
 * The code of the step `given` names: a code, a step's name, or a default step's short name; a name
 * several steps share means the next of them to record. `given` itself when it names none.
 */
export function resolveStep(file: FileState, given: string): string {
  const steps = file.config.steps;
  if (steps.some((s) => s.code === given)) return given;
  const names = (code: string, name: string) => [name, ...(DEFAULT_STEP_ALIASES[code] ?? [])];
  const matching = steps.filter((s) => names(s.code, s.name).includes(given));
  const done = new Set(file.records.map((r) => r.step));
  return (matching.find((s) => !done.has(s.code)) ?? matching[0])?.code ?? given;
}

/**
 * Which people a step names (培养联系人, 入党介绍人), or null: the step marked so, or, in a list with
 * no step so marked (one saved before the marks existed), the default step of that code.
 */
export function peopleMarkOf(config: DevelopConfig, code: string): PeopleStepMark | null {
  for (const mark of PEOPLE_STEP_MARKS) {
    const marked = config.steps.find((s) => s.mark === mark);
    if (marked ? marked.code === code : PEOPLE_STEP_CODES[mark] === code) return mark;
  }
  return null;
}

/** The step to record next, or null once every step is recorded. */
export function nextStep(file: FileState) {
  return file.config.steps[file.records.length] ?? null;
}

/**
 * Why `step` cannot be recorded on `at`, in Chinese (naming the rule it breaks), or null. Only the
 * next step may be recorded, on a date no later than today and no earlier than the one before.
 */
export function refusal(
  file: FileState,
  step: string,
  at: string,
  today: string,
): { field: 'step' | 'at'; message: string } | null {
  const next = nextStep(file);
  const def = file.config.steps.find((s) => s.code === step);
  const onStep = (message: string) => ({ field: 'step' as const, message });
  const onDate = (message: string) => ({ field: 'at' as const, message });
  if (!def) return onStep(`没有步骤「${step}」`);
  if (recordOf(file, step)) return onStep(`「${def.name}」已记录，不能重复记录`);
  if (!next) return onStep('发展党员的各个步骤已全部完成');
  if (next.code !== step) return onStep(`请先完成「${next.name}」，再记录「${def.name}」`);
  if (at > today) return onDate(`日期不能晚于今天（${formatDate(today)}）`);
  const previous = file.records.at(-1);
  if (previous && at < previous.at) {
    const name = file.config.steps.find((s) => s.code === previous.step)?.name ?? previous.step;
    return onDate(`「${def.name}」的日期不能早于上一步骤「${name}」（${formatDate(previous.at)}）`);
  }
  for (const { rule, from } of window(file, step).rules) {
    const extra = extraMonths(file, rule);
    const extended = extra ? `（预备期已延长 ${extra} 个月）` : '';
    if (rule.min && at < addInterval(from, rule.min, extra))
      return onDate(
        `不符合规则「${rule.text}」${extended}：最早可在${formatDate(addInterval(from, rule.min, extra))}记录`,
      );
    if (rule.max && at > addInterval(from, rule.max, extra))
      return onDate(`不符合规则「${rule.text}」：最迟应在${formatDate(addInterval(from, rule.max, extra))}前完成`);
  }
  return null;
}

/** The stage the file is in: that of its next step, or the last stage once complete. */
export function stageOf(file: FileState): DevelopStage {
  return (nextStep(file) ?? file.config.steps[file.config.steps.length - 1]).stage;
}

/** Where the person stands: 入党申请人 … 正式党员, from the steps recorded. */
export function categoryOf(file: FileState): DevelopCategory {
  const done = new Set(file.records.map((r) => r.step));
  const marked = (mark: 'admit' | 'full') => file.config.steps.some((s) => s.mark === mark && done.has(s.code));
  if (marked('full')) return 'full';
  if (marked('admit')) return 'probationary';
  const last = file.config.steps.find((s) => s.code === file.records.at(-1)?.step);
  const stage = last?.stage ?? 1;
  return stage >= 3 ? 'candidate' : stage === 2 ? 'activist' : 'applicant';
}

/** Whether the next step is past its due date. */
export function isOverdue(file: FileState, today: string): boolean {
  const next = nextStep(file);
  if (!next) return false;
  const { due } = window(file, next.code);
  return Boolean(due && today > due);
}

export function stepViews(file: FileState, today: string): DevelopStepView[] {
  const next = nextStep(file);
  return file.config.steps.map((def, i) => {
    const record = recordOf(file, def.code);
    let status: StepStatus = 'todo';
    let earliest: string | null = null;
    let due: string | null = null;
    if (record) {
      const before: FileState = { ...file, records: file.records.slice(0, i) };
      const limit = window(before, def.code).due;
      status = limit && record.at > limit ? 'late' : 'done';
    } else if (next?.code === def.code) {
      ({ earliest, due } = window(file, def.code));
      status = due && today > due ? 'overdue' : 'next';
    }
    return {
      step: def.code,
      name: def.name,
      stage: def.stage,
      by: def.by,
      at: record?.at ?? null,
      status,
      note: record?.note ?? null,
      people: record?.people ?? [],
      earliest,
      due,
    };
  });
}
