/**
 * 发展党员步骤设置, for the committee admin: the committee's step list and time rules as a form, in
 * plain Chinese. Pure: no Taro.
 * - a draft from the loaded list (or the default 25 steps), whose steps may be renamed or removed
 *   (not a step the system acts on: the first, the marked ones, the 预备期's) and whose rules'
 *   intervals and words may be edited; a removed step takes the rules that name it with it;
 * - its checks (mirroring `develop.setSteps`), the `config` it saves, the changes in words for the
 *   confirm dialog, and where a server INVALID_INPUT `field` (`config.rules.2.min`) belongs on the form.
 */
import {
  DEFAULT_DEVELOP_RULES,
  DEFAULT_DEVELOP_STEPS,
  DEVELOP_STAGE_NAMES,
  DEVELOP_STAGES,
  type DevelopConfig,
  type DevelopRule,
  type DevelopStage,
  type DevelopStepDef,
  type Interval,
} from '@contracts/labels/develop';

export const INTERVAL_KINDS = ['min', 'due', 'max'] as const;
export type IntervalKind = (typeof INTERVAL_KINDS)[number];

/** What each interval of a rule means, as the form labels it. */
export const INTERVAL_LABELS: Readonly<Record<IntervalKind, string>> = {
  min: '最短间隔（早于此不能记录）',
  due: '应完成期限（超过即提示超期）',
  max: '最长期限（晚于此不能记录）',
};

/** The contract's limits (`developConfigSchema`). */
export const LIMITS = { months: 120, days: 3650, nameMin: 2, nameMax: 30, textMin: 2, textMax: 60, steps: 3 } as const;

export interface IntervalDraft {
  months: string;
  days: string;
}

export interface StepDraft extends DevelopStepDef {
  removed: boolean;
}

export interface RuleDraft {
  step: string;
  after: string;
  min: IntervalDraft;
  due: IntervalDraft;
  max: IntervalDraft;
  probation?: boolean;
  text: string;
  /** The admin typed the words themselves: a changed interval no longer rewrites them. */
  textEdited: boolean;
}

export interface StepsDraft {
  steps: StepDraft[];
  rules: RuleDraft[];
}

/** Errors by form key: `step.<code>.name`, `rule.<i>` (the rule as a whole), `rule.<i>.<min|due|max|text>`, `form`. */
export type StepsErrors = Partial<Record<string, string>>;

export const stepErrorKey = (code: string) => `step.${code}.name`;
export const ruleErrorKey = (index: number, field?: IntervalKind | 'text') =>
  field ? `rule.${index}.${field}` : `rule.${index}`;
export const FORM_ERROR = 'form';

const STAGE_MARKS = ['', '①', '②', '③', '④', '⑤'];

/** What the system does on a marked step, and why it stays. */
const MARK_REASONS: Readonly<Record<string, string>> = {
  joinDate: '其日期记为入党日期',
  admit: '记录后登记为预备党员',
  full: '记录后转为正式党员',
  contacts: '在此记录培养联系人',
  sponsors: '在此记录入党介绍人',
};

const intervalDraft = (interval: Interval | undefined): IntervalDraft => ({
  months: interval?.months ? String(interval.months) : '',
  days: interval?.days ? String(interval.days) : '',
});

export function toDraft(config: DevelopConfig): StepsDraft {
  return {
    steps: config.steps.map((s) => ({ ...s, removed: false })),
    rules: config.rules.map((r) => ({
      step: r.step,
      after: r.after,
      min: intervalDraft(r.min),
      due: intervalDraft(r.due),
      max: intervalDraft(r.max),
      ...(r.probation ? { probation: true } : {}),
      text: r.text,
      textEdited: false,
    })),
  };
}

export const DEFAULT_CONFIG: DevelopConfig = { steps: [...DEFAULT_DEVELOP_STEPS], rules: [...DEFAULT_DEVELOP_RULES] };

/** The default 25 steps and rules, as a draft. */
export const defaultDraft = (): StepsDraft => toDraft(DEFAULT_CONFIG);

/**
 * Why a step cannot be removed, or null: the first (建立档案 records it), a step the system acts on
 * (its `mark`: 入党日期, 预备党员, 转正, 培养联系人, 入党介绍人 …), the 预备期's step.
 */
export function lockReason(draft: StepsDraft, code: string): string | null {
  const index = draft.steps.findIndex((s) => s.code === code);
  const step = draft.steps[index];
  if (!step) return null;
  if (index === 0) return '建立档案时记录';
  if (step.mark) return MARK_REASONS[step.mark] ?? '系统据此办理';
  if (draft.rules.some((r) => r.probation && r.step === code)) return '预备期规则的步骤';
  return null;
}

const kept = (draft: StepsDraft) => new Set(draft.steps.filter((s) => !s.removed).map((s) => s.code));

/** Whether a rule stays: both its steps are kept. */
export const ruleKept = (draft: StepsDraft, rule: Pick<RuleDraft, 'step' | 'after'>) => {
  const codes = kept(draft);
  return codes.has(rule.step) && codes.has(rule.after);
};

/** The rules (their words) that removing `code` takes with it. */
export const rulesRemovedWith = (draft: StepsDraft, code: string): string[] =>
  draft.rules.filter((r) => (r.step === code || r.after === code) && ruleKept(draft, r)).map((r) => r.text);

export function renameStep(draft: StepsDraft, code: string, name: string): StepsDraft {
  return { ...draft, steps: draft.steps.map((s) => (s.code === code ? { ...s, name } : s)) };
}

/** Removes (or, with `removed` false, keeps again) a step; a locked step stays. */
export function removeStep(draft: StepsDraft, code: string, removed = true): StepsDraft {
  if (removed && lockReason(draft, code)) return draft;
  return { ...draft, steps: draft.steps.map((s) => (s.code === code ? { ...s, removed } : s)) };
}

/** A number typed into a field: digits only (a full-width digit is read too), or NaN; empty is 0. */
function count(raw: string): number {
  const t = raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!t) return 0;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

const isEmpty = (d: IntervalDraft) => !d.months.trim() && !d.days.trim();

/** The interval a draft says, or undefined when both parts are empty (NaN parts when malformed). */
function intervalOf(d: IntervalDraft): Interval | undefined {
  if (isEmpty(d)) return undefined;
  const months = count(d.months);
  const days = count(d.days);
  return { ...(months ? { months } : {}), ...(days ? { days } : {}) };
}

/** `12 个月`, `1 个月 15 天`, `3 天`. */
export function intervalText(interval: Interval | undefined): string {
  if (!interval) return '';
  const parts = [interval.months ? `${interval.months} 个月` : '', interval.days ? `${interval.days} 天` : ''];
  return parts.filter(Boolean).join(' ');
}

/** The rule's intervals in words: `至少 12 个月`, `3 个月内完成，最长不超过 6 个月`. */
export function intervalsText(rule: Pick<DevelopRule, 'min' | 'due' | 'max'>): string {
  const parts: string[] = [];
  if (rule.min) parts.push(`至少 ${intervalText(rule.min)}`);
  if (rule.due) parts.push(`${intervalText(rule.due)}内完成`);
  if (rule.max) parts.push(`${rule.due ? '最长不超过' : '最迟'} ${intervalText(rule.max)}${rule.due ? '' : '内完成'}`);
  return parts.join('，');
}

const ruleOf = (d: RuleDraft): Pick<DevelopRule, 'min' | 'due' | 'max'> => ({
  min: intervalOf(d.min),
  due: intervalOf(d.due),
  max: intervalOf(d.max),
});

/**
 * A rule in plain Chinese for the form: `自「支部大会讨论接收预备党员」起：至少 12 个月（预备期，可延长一次）`.
 * `names` gives the steps' current names.
 */
export function describeRule(rule: RuleDraft, names: ReadonlyMap<string, string>): string {
  const after = names.get(rule.after) ?? rule.after;
  const said = intervalsText(ruleOf(rule));
  return `自「${after}」起：${said || '未填写期限'}${rule.probation ? '（预备期，可延长一次）' : ''}`;
}

/** The words a rule gets when its intervals change and the admin has not written their own. */
export function generatedText(rule: RuleDraft, names: ReadonlyMap<string, string>): string {
  const said = intervalsText(ruleOf(rule)).replace(/ /g, '');
  const full = `${names.get(rule.after) ?? rule.after}后${said}`;
  return full.length <= LIMITS.textMax ? full : said.slice(0, LIMITS.textMax);
}

const namesOf = (draft: StepsDraft) => new Map(draft.steps.map((s) => [s.code, s.name.trim()]));

export function setInterval(
  draft: StepsDraft,
  index: number,
  kind: IntervalKind,
  part: keyof IntervalDraft,
  value: string,
): StepsDraft {
  const rules = draft.rules.map((r, i) => {
    if (i !== index) return r;
    const changed = { ...r, [kind]: { ...r[kind], [part]: value } };
    return r.textEdited ? changed : { ...changed, text: generatedText(changed, namesOf(draft)) };
  });
  return { ...draft, rules };
}

export function setRuleText(draft: StepsDraft, index: number, text: string): StepsDraft {
  return { ...draft, rules: draft.rules.map((r, i) => (i === index ? { ...r, text, textEdited: true } : r)) };
}

/** Roughly in days, to compare a rule's intervals (a month as 30 days). */
const roughDays = (i: Interval | undefined) => (i ? (i.months ?? 0) * 30 + (i.days ?? 0) : null);

function intervalError(d: IntervalDraft): string | undefined {
  if (isEmpty(d)) return undefined;
  const months = count(d.months);
  const days = count(d.days);
  if (Number.isNaN(months) || Number.isNaN(days)) return '请填写整数（月、天），不需要请留空';
  if (months > LIMITS.months) return `月数最多 ${LIMITS.months}`;
  if (days > LIMITS.days) return `天数最多 ${LIMITS.days}`;
  if (!months && !days) return '期限应大于 0，不需要请留空';
  return undefined;
}

/** `develop.setSteps`' checks on what the form can change, with the contract's limits. */
export function validateDraft(draft: StepsDraft): StepsErrors {
  const errors: StepsErrors = {};
  const seen = new Map<string, string>();
  for (const step of draft.steps) {
    if (step.removed) continue;
    const name = step.name.trim();
    const key = stepErrorKey(step.code);
    if (name.length < LIMITS.nameMin) errors[key] = `步骤名称至少 ${LIMITS.nameMin} 个字`;
    else if (name.length > LIMITS.nameMax) errors[key] = `步骤名称最多 ${LIMITS.nameMax} 个字`;
    else if (seen.has(name)) errors[key] = `与另一步骤同名，请改用不同的名称`;
    seen.set(name, step.code);
  }
  if (seen.size < LIMITS.steps) errors[FORM_ERROR] = `至少保留 ${LIMITS.steps} 个步骤`;
  draft.rules.forEach((rule, i) => {
    if (!ruleKept(draft, rule)) return;
    const text = rule.text.trim();
    if (text.length < LIMITS.textMin) errors[ruleErrorKey(i, 'text')] = `规则说明至少 ${LIMITS.textMin} 个字`;
    else if (text.length > LIMITS.textMax) errors[ruleErrorKey(i, 'text')] = `规则说明最多 ${LIMITS.textMax} 个字`;
    for (const kind of INTERVAL_KINDS) {
      const problem = intervalError(rule[kind]);
      if (problem) errors[ruleErrorKey(i, kind)] = problem;
    }
    if (INTERVAL_KINDS.some((kind) => errors[ruleErrorKey(i, kind)])) return;
    const { min, due, max } = ruleOf(rule);
    const [least, dueBy, most] = [roughDays(min), roughDays(due), roughDays(max)];
    if (!min && !due && !max) errors[ruleErrorKey(i)] = '请至少填写一个期限';
    else if (rule.probation && !min) errors[ruleErrorKey(i, 'min')] = '预备期规则应有最短间隔';
    else if (least !== null && dueBy !== null && dueBy < least)
      errors[ruleErrorKey(i, 'due')] = '应完成期限不能短于最短间隔';
    else if (most !== null && most < Math.max(least ?? 0, dueBy ?? 0))
      errors[ruleErrorKey(i, 'max')] = '最长期限不能短于最短间隔和应完成期限';
  });
  return errors;
}

/** What is saved: the kept steps and rules, and which draft rule each saved rule is (for server errors). */
export interface SavedConfig {
  config: DevelopConfig;
  /** `config.rules[i]` is `draft.rules[ruleIndex[i]]`. */
  ruleIndex: number[];
}

/** The `config` a draft without errors saves. */
export function toConfig(draft: StepsDraft): SavedConfig {
  const steps = draft.steps
    .filter((s) => !s.removed)
    .map(({ removed: _removed, ...s }) => ({ ...s, name: s.name.trim() }));
  const ruleIndex: number[] = [];
  const rules: DevelopRule[] = [];
  draft.rules.forEach((r, i) => {
    if (!ruleKept(draft, r)) return;
    ruleIndex.push(i);
    const { min, due, max } = ruleOf(r);
    rules.push({
      step: r.step,
      after: r.after,
      ...(min ? { min } : {}),
      ...(due ? { due } : {}),
      ...(max ? { max } : {}),
      ...(r.probation ? { probation: true } : {}),
      text: r.text.trim(),
    });
  });
  return { config: { steps, rules }, ruleIndex };
}

/** Whether two lists say the same (key order aside). */
export function sameConfig(a: DevelopConfig, b: DevelopConfig): boolean {
  const norm = (c: DevelopConfig) =>
    JSON.stringify({
      steps: c.steps.map((s) => [s.code, s.name, s.stage, s.by, s.mark ?? '']),
      rules: c.rules.map((r) => [
        r.step,
        r.after,
        intervalText(r.min),
        intervalText(r.due),
        intervalText(r.max),
        !!r.probation,
        r.text,
      ]),
    });
  return norm(a) === norm(b);
}

/**
 * One line per change from `base` to `next`, for the confirm dialog: `删除步骤「…」`, `「旧」改名为「新」`,
 * `规则「…」：1 个月内完成 → 15 天内完成`, `删除规则「…」`.
 */
export function describeChanges(base: DevelopConfig, next: DevelopConfig): string[] {
  const lines: string[] = [];
  const nextSteps = new Map(next.steps.map((s) => [s.code, s]));
  const baseSteps = new Map(base.steps.map((s) => [s.code, s]));
  for (const step of base.steps) {
    const now = nextSteps.get(step.code);
    if (!now) lines.push(`删除步骤「${step.name}」`);
    else if (now.name !== step.name) lines.push(`「${step.name}」改名为「${now.name}」`);
  }
  for (const step of next.steps) if (!baseSteps.has(step.code)) lines.push(`增加步骤「${step.name}」`);
  const ruleKey = (r: DevelopRule) => `${r.step}>${r.after}`;
  const nextRules = new Map(next.rules.map((r) => [ruleKey(r), r]));
  const baseRules = new Set(base.rules.map(ruleKey));
  for (const rule of base.rules) {
    const now = nextRules.get(ruleKey(rule));
    if (!now) {
      lines.push(`删除规则「${rule.text}」`);
      continue;
    }
    const before = intervalsText(rule);
    const after = intervalsText(now);
    if (before !== after) lines.push(`规则「${now.text}」：${before} → ${after}`);
    else if (now.text !== rule.text) lines.push(`规则说明「${rule.text}」改为「${now.text}」`);
  }
  for (const rule of next.rules) if (!baseRules.has(ruleKey(rule))) lines.push(`增加规则「${rule.text}」`);
  return lines;
}

/**
 * The form key a server INVALID_INPUT `field` points at: `config.steps.3.name` names the fourth step
 * saved, `config.rules.2.min` the third rule saved (not the third of the draft). `form` otherwise.
 */
export function serverErrorKey(field: string | undefined, saved: SavedConfig): string {
  const step = /^config\.steps\.(\d+)\b/.exec(field ?? '');
  if (step) {
    const code = saved.config.steps[Number(step[1])]?.code;
    return code ? stepErrorKey(code) : FORM_ERROR;
  }
  const rule = /^config\.rules\.(\d+)(?:\.(\w+))?/.exec(field ?? '');
  if (rule) {
    const index = saved.ruleIndex[Number(rule[1])];
    if (index === undefined) return FORM_ERROR;
    const part = rule[2];
    return part === 'min' || part === 'due' || part === 'max' || part === 'text'
      ? ruleErrorKey(index, part)
      : ruleErrorKey(index);
  }
  return FORM_ERROR;
}

/** A schema message arrives as `config.steps.3.name：步骤名称至少 2 个字`; on the field itself the path is noise. */
export function fieldMessage(message: string, field: string | undefined): string {
  const prefix = field ? `${field}：` : '';
  return prefix && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

export interface StageView {
  stage: DevelopStage;
  title: string;
  steps: Array<{
    step: StepDraft;
    /** Its place among the kept steps (1-based), null once removed. */
    number: number | null;
    lock: string | null;
    /** The rules that time this step, with their index in the draft. */
    rules: Array<{ rule: RuleDraft; index: number; kept: boolean; description: string }>;
  }>;
}

/** The draft by stage (① … ⑤) for the page: each step with its number, lock and rules. */
export function stagesOf(draft: StepsDraft): StageView[] {
  const names = namesOf(draft);
  let number = 0;
  const numbered = draft.steps.map((step) => ({ step, number: step.removed ? null : ++number }));
  return DEVELOP_STAGES.map((stage) => ({
    stage,
    title: `${STAGE_MARKS[stage]} ${DEVELOP_STAGE_NAMES[stage]}`,
    steps: numbered
      .filter(({ step }) => step.stage === stage)
      .map(({ step, number: n }) => ({
        step,
        number: n,
        lock: lockReason(draft, step.code),
        rules: draft.rules.flatMap((rule, index) =>
          rule.step === step.code
            ? [{ rule, index, kept: ruleKept(draft, rule), description: describeRule(rule, names) }]
            : [],
        ),
      })),
  })).filter((s) => s.steps.length > 0);
}

/** The summary over the list: `共 21 个步骤、6 条时间规则`. */
export function summaryText(draft: StepsDraft): string {
  const { config } = toConfig(draft);
  return `共 ${config.steps.length} 个步骤、${config.rules.length} 条时间规则`;
}

/** A form key's subject in words, for a toast: `步骤「入党宣誓」`, `规则「…」`. */
export function errorKeyLabel(key: string, draft: StepsDraft): string {
  const step = /^step\.([^.]+)\.name$/.exec(key);
  if (step) return `步骤「${draft.steps.find((s) => s.code === step[1])?.name ?? step[1]}」`;
  const rule = /^rule\.(\d+)/.exec(key);
  if (rule) return `规则「${draft.rules[Number(rule[1])]?.text ?? ''}」`;
  return '步骤设置';
}
