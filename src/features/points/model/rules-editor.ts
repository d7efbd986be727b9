/**
 * The committee admin's points pages (党委积分, 积分规则). Pure: no Taro.
 * - the rules form: a draft from the loaded rules, its checks (mirroring `points.updateRules`),
 *   the minimal `updateRules` payload, a summary of the changes for the confirm dialog, and where
 *   a server INVALID_INPUT `field` (`items.3.value`) belongs on the form;
 * - the branch ranking's figures (人均, 参与率) and the 核对积分 report.
 */
import type { ActionInput, MeOutput, Period, PointsOutputs, PointsSettings, RuleItem } from '@contracts';
import {
  MAX_BASE_SCORE,
  MAX_CAP,
  MAX_OBJECTION_DAYS,
  MAX_RULE_VALUE,
  quarterName,
  RULE_VALUE_ZERO,
} from '@contracts/labels/points';
import { barPercent, signed } from './points';

/** Whether the caller administers a committee (the rules and the branch ranking are theirs). */
export function isAdmin(me: Pick<MeOutput, 'roles'> | null | undefined): boolean {
  return !!me && me.roles.some((r) => r.role === 'admin');
}

export type RuleSet = PointsOutputs['rules'];
export type RulesPayload = ActionInput<'points', 'updateRules'>;
export type RankingVisibility = PointsSettings['rankingVisibility'];

/** One rule as the form holds it: the value as a positive magnitude (deductions are entered without their sign). */
export interface RuleDraft {
  code: string;
  amount: string;
  /** Empty: no cap. */
  cap: string;
  capPeriod: Period;
  active: boolean;
  /** Whether it applies to 入党申请人, 入党积极分子 and 发展对象 too (RuleItem.candidates). */
  candidates: boolean;
}

export interface SettingsDraft {
  baseScore: string;
  rankingVisibility: RankingVisibility;
  objectionDays: string;
  /** How often each branch must hold a 党课 (activity.cadence). */
  lectureCadence: Period;
}

export interface RulesDraft {
  rules: RuleDraft[];
  settings: SettingsDraft;
}

/** Errors by form key: `rules.<code>.amount`, `rules.<code>.cap`, `settings.<name>`. */
export type RulesErrors = Partial<Record<string, string>>;

export const ruleErrorKey = (code: string, field: 'amount' | 'cap') => `rules.${code}.${field}`;
export const settingsErrorKey = (name: keyof SettingsDraft) => `settings.${name}`;

export const VISIBILITY_OPTIONS: ReadonlyArray<{ value: RankingVisibility; label: string }> = [
  { value: 'self', label: '仅本人名次' },
  { value: 'off', label: '关闭排名' },
];

export const CAP_PERIOD_OPTIONS: ReadonlyArray<{ value: Period; label: string }> = [
  { value: 'month', label: '每月' },
  { value: 'quarter', label: '每季度' },
  { value: 'year', label: '每年' },
];

const PERIOD_UNIT: Record<Period, string> = { month: '月', quarter: '季度', year: '年' };

/** The switch that applies a rule to the people on the way to membership, and what a change to it reads as. */
export const CANDIDATES_LABEL = '适用于入党申请人、积极分子和发展对象';
const CANDIDATES_ON = '改为也适用于入党申请人、积极分子和发展对象';
const CANDIDATES_OFF = '改为不适用于入党申请人、积极分子和发展对象';

/** 党课 at least once a month, quarter (the default) or year: the committee's schedule (支部工作条例 "按期"). */
export const LECTURE_CADENCE_OPTIONS: ReadonlyArray<{ value: Period; label: string }> = [
  { value: 'month', label: '每月' },
  { value: 'quarter', label: '每季度' },
  { value: 'year', label: '每年' },
];
const cadenceLabel = (p: Period) => LECTURE_CADENCE_OPTIONS.find((o) => o.value === p)?.label ?? p;

export { MAX_BASE_SCORE, MAX_CAP, MAX_OBJECTION_DAYS, MAX_RULE_VALUE };

/** `8 分/月`, or `不设上限`. */
export function capText(cap: number | null | undefined, capPeriod: Period | undefined): string {
  if (!cap) return '不设上限';
  return `${cap} 分/${PERIOD_UNIT[capPeriod ?? 'month']}`;
}

const visibilityLabel = (v: RankingVisibility) => VISIBILITY_OPTIONS.find((o) => o.value === v)?.label ?? v;

/** Bonus items, then deduction items, each in the server's order. */
export function groupRules(items: RuleItem[]): { bonus: RuleItem[]; deduction: RuleItem[] } {
  return {
    bonus: items.filter((r) => r.kind === 'bonus'),
    deduction: items.filter((r) => r.kind === 'deduction'),
  };
}

export function draftFromRules(set: RuleSet): RulesDraft {
  return {
    rules: set.items.map((r) => ({
      code: r.code,
      amount: String(Math.abs(r.value)),
      cap: r.cap ? String(r.cap) : '',
      capPeriod: r.capPeriod ?? 'month',
      active: r.active,
      candidates: r.candidates,
    })),
    settings: {
      baseScore: String(set.settings.baseScore),
      // Settings saved before `off` existed may say `full` or `top10`: the server treats both as `self`.
      rankingVisibility: set.settings.rankingVisibility === 'off' ? 'off' : 'self',
      objectionDays: String(set.settings.objectionDays),
      lectureCadence: set.settings.lectureCadence ?? 'quarter',
    },
  };
}

/** A whole number typed into a field, or NaN. */
function whole(raw: string): number {
  const t = raw.trim();
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

/**
 * The signed value a magnitude means for a rule of this kind, or NaN. A deduction may also be
 * typed with its minus sign (`-3`, `−3`); a bonus may not be negative.
 */
export function signedValue(amount: string, kind: RuleItem['kind']): number {
  const m = /^([-−]?)\s*(\d+)$/.exec(amount.trim());
  if (!m) return NaN;
  if (m[1] && kind === 'bonus') return NaN;
  const n = Number(m[2]);
  return kind === 'deduction' ? -n : n;
}

function amountError(amount: string, kind: RuleItem['kind']): string | undefined {
  const t = amount.trim();
  if (!t) return '请填写分值';
  if (kind === 'bonus' && /^[-−]/.test(t)) return '加分项的分值应为正数';
  const v = signedValue(t, kind);
  if (Number.isNaN(v)) return `分值应为 1–${MAX_RULE_VALUE} 的整数`;
  if (v === 0) return RULE_VALUE_ZERO;
  if (Math.abs(v) > MAX_RULE_VALUE) return `分值最多 ${MAX_RULE_VALUE} 分`;
  return undefined;
}

/** `points.updateRules`' input checks, with the contract's limits (and the server's sign check). */
export function validateRulesDraft(set: RuleSet, draft: RulesDraft): RulesErrors {
  const errors: RulesErrors = {};
  for (const d of draft.rules) {
    const rule = set.items.find((r) => r.code === d.code);
    if (!rule) continue;
    const amount = amountError(d.amount, rule.kind);
    if (amount) errors[ruleErrorKey(d.code, 'amount')] = amount;
    if (d.cap.trim()) {
      const cap = whole(d.cap);
      if (Number.isNaN(cap) || cap < 1 || cap > MAX_CAP)
        errors[ruleErrorKey(d.code, 'cap')] = `上限应为 1–${MAX_CAP} 的整数，不设上限请留空`;
    }
  }
  const base = whole(draft.settings.baseScore);
  if (Number.isNaN(base) || base > MAX_BASE_SCORE)
    errors[settingsErrorKey('baseScore')] = `基础分应为 0–${MAX_BASE_SCORE} 的整数`;
  const days = whole(draft.settings.objectionDays);
  if (Number.isNaN(days) || days > MAX_OBJECTION_DAYS)
    errors[settingsErrorKey('objectionDays')] = `异议期应为 0–${MAX_OBJECTION_DAYS} 天`;
  if (!VISIBILITY_OPTIONS.some((o) => o.value === draft.settings.rankingVisibility))
    errors[settingsErrorKey('rankingVisibility')] = '请选择成员可见的排名';
  return errors;
}

type ItemChange = NonNullable<RulesPayload['items']>[number];
type SettingsChange = NonNullable<RulesPayload['settings']>;

/**
 * The smallest `updateRules` input that turns `set` into `draft` (for a draft without errors):
 * only changed rules (each with its `value`, which the schema requires, and only the changed
 * cap, cap period and activity) and only changed settings. `{}` when nothing changed.
 */
export function rulesPayload(set: RuleSet, draft: RulesDraft): RulesPayload {
  const items: ItemChange[] = [];
  for (const d of draft.rules) {
    const rule = set.items.find((r) => r.code === d.code);
    if (!rule) continue;
    const value = signedValue(d.amount, rule.kind);
    const change: ItemChange = { code: rule.code, value };
    let changed = value !== rule.value;
    const cap = d.cap.trim() ? whole(d.cap) : null;
    const hadCap = rule.cap ?? null;
    if (cap !== hadCap) {
      change.cap = cap;
      changed = true;
    }
    if (cap !== null && d.capPeriod !== rule.capPeriod) {
      change.capPeriod = d.capPeriod;
      changed = true;
    }
    if (d.active !== rule.active) {
      change.active = d.active;
      changed = true;
    }
    if (d.candidates !== rule.candidates) {
      change.candidates = d.candidates;
      changed = true;
    }
    if (changed) items.push(change);
  }

  const settings: SettingsChange = {};
  const base = whole(draft.settings.baseScore);
  if (base !== set.settings.baseScore) settings.baseScore = base;
  if (draft.settings.rankingVisibility !== set.settings.rankingVisibility)
    settings.rankingVisibility = draft.settings.rankingVisibility;
  const days = whole(draft.settings.objectionDays);
  if (days !== set.settings.objectionDays) settings.objectionDays = days;
  if (draft.settings.lectureCadence !== (set.settings.lectureCadence ?? 'quarter'))
    settings.lectureCadence = draft.settings.lectureCadence;

  return {
    ...(items.length ? { items } : {}),
    ...(Object.keys(settings).length ? { settings } : {}),
  };
}

export function hasChanges(payload: RulesPayload): boolean {
  return !!payload.items?.length || !!(payload.settings && Object.keys(payload.settings).length);
}

/** How many rules and settings a payload changes (for the save bar). */
export function changeCount(payload: RulesPayload): number {
  return (payload.items?.length ?? 0) + Object.keys(payload.settings ?? {}).length;
}

/**
 * One line per changed rule or setting, for the confirm dialog:
 * `学习微党课：分值 +1 → +2，上限 8 分/月 → 10 分/季度`, `异议期：7 天 → 10 天`.
 */
export function describeChanges(set: RuleSet, payload: RulesPayload): string[] {
  const lines: string[] = [];
  for (const item of payload.items ?? []) {
    const rule = set.items.find((r) => r.code === item.code);
    if (!rule) continue;
    const parts: string[] = [];
    if (item.value !== rule.value) parts.push(`分值 ${signed(rule.value)} → ${signed(item.value)}`);
    if (item.cap !== undefined || item.capPeriod !== undefined) {
      const cap = item.cap === undefined ? rule.cap : (item.cap ?? undefined);
      const period = item.capPeriod ?? rule.capPeriod;
      parts.push(`上限 ${capText(rule.cap, rule.capPeriod)} → ${capText(cap, period)}`);
    }
    if (item.active !== undefined) parts.push(item.active ? '启用' : '停用');
    if (item.candidates !== undefined) parts.push(item.candidates ? CANDIDATES_ON : CANDIDATES_OFF);
    if (parts.length) lines.push(`${rule.name}：${parts.join('，')}`);
  }
  const s = payload.settings ?? {};
  if (s.baseScore !== undefined) lines.push(`基础分：${set.settings.baseScore} → ${s.baseScore}`);
  if (s.rankingVisibility !== undefined)
    lines.push(
      `成员可见的排名：${visibilityLabel(set.settings.rankingVisibility)} → ${visibilityLabel(s.rankingVisibility)}`,
    );
  if (s.objectionDays !== undefined) lines.push(`异议期：${set.settings.objectionDays} 天 → ${s.objectionDays} 天`);
  if (s.lectureCadence !== undefined)
    lines.push(
      `党课频次：${cadenceLabel(set.settings.lectureCadence ?? 'quarter')} → ${cadenceLabel(s.lectureCadence)}`,
    );
  return lines;
}

/**
 * The form key a server INVALID_INPUT `field` points at: `items.3.value` names the fourth item of
 * the payload that was sent, not the fourth rule. Undefined when it is not on the form.
 */
export function serverErrorKey(field: string | undefined, payload: RulesPayload): string | undefined {
  if (!field) return undefined;
  const item = /^items\.(\d+)(?:\.(\w+))?/.exec(field);
  if (item) {
    const code = payload.items?.[Number(item[1])]?.code;
    if (!code) return undefined;
    return ruleErrorKey(code, item[2] === 'cap' || item[2] === 'capPeriod' ? 'cap' : 'amount');
  }
  const setting = /^settings\.(baseScore|rankingVisibility|objectionDays|lectureCadence)\b/.exec(field);
  return setting ? settingsErrorKey(setting[1] as keyof SettingsDraft) : undefined;
}

const SETTING_LABELS: Record<keyof SettingsDraft, string> = {
  baseScore: '基础分',
  rankingVisibility: '成员可见的排名',
  objectionDays: '异议期',
  lectureCadence: '党课频次',
};

/** What a form key names, for a toast: `违纪违法`, `异议期`. */
export function errorKeyLabel(key: string, set: RuleSet): string {
  const rule = /^rules\.([^.]+)\./.exec(key);
  if (rule) return set.items.find((r) => r.code === rule[1])?.name ?? rule[1];
  const setting = /^settings\.(\w+)$/.exec(key);
  return (setting && SETTING_LABELS[setting[1] as keyof SettingsDraft]) || key;
}

/** A schema message arrives as `items.3.value：分值不能为 0`; on the field itself the path is noise. */
export function fieldMessage(message: string, field: string | undefined): string {
  const prefix = field ? `${field}：` : '';
  return prefix && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

// ——— 党委积分: the branch ranking and the verify report ———

/** Participation (0…1) in percent, to one decimal: `83.3%`, `100%`, `0%`. */
export function percentText(participation: number): string {
  return `${Math.round(participation * 1000) / 10}%`;
}

/** The participation bar's length in percent (at least 3 when anyone took part). */
export function participationBar(participation: number): number {
  return barPercent(participation, 1);
}

const MINUS = '\u2212';

/** Average points per member, signed, two decimals: `+2.50`, `−0.75`, `0`. */
export function averageText(average: number): string {
  const r = Math.round(average * 100) / 100;
  if (r === 0) return '0';
  return `${r > 0 ? '+' : MINUS}${Math.abs(r).toFixed(2)}`;
}

export type VerifyReport = PointsOutputs['verify'];
export type VerifyDifference = VerifyReport['differences'][number];

/** The server lists at most this many differences. */
export const MAX_LISTED_DIFFERENCES = 100;

const SUM_NAMES: Record<string, string> = {
  bonus: '加分',
  deduction: '扣分',
  net: '净分',
  count: '记录数',
  participants: '参与人数',
};

/** `全年净分`, `11月加分`, `第四季度参与人数`, `项目上限用量（lecture:2026-11）`. */
function fieldLabel(field: string): string {
  const [head, ...rest] = field.split('.');
  const last = rest[rest.length - 1] ?? '';
  if (head === 'total') return `全年${SUM_NAMES[last] ?? last}`;
  if (head === 'months' && rest.length === 2) return `${Number(rest[0])}月${SUM_NAMES[last] ?? last}`;
  if (head === 'quarters' && rest.length === 2) return `${quarterName(rest[0])}${SUM_NAMES[last] ?? last}`;
  if (head === 'ruleUse') return `项目上限用量（${rest.join('.')}）`;
  if (head === 'joined') return `参与标记（${rest.join('.')}）`;
  return field;
}

/**
 * One difference in words: `第二党支部 2026年 · 全年参与人数：应为 1，实为 5`. Totals ids are
 * `b:<branch>:<year>` and `m:<member>:<year>`; `names` gives branch names where known.
 */
export function differenceText(d: VerifyDifference, names: ReadonlyMap<string, string> = new Map()): string {
  const m = /^([bm]):(.+):(\d{4})$/.exec(d.totals);
  const who = m
    ? m[1] === 'b'
      ? `${names.get(m[2]) ?? `支部 ${m[2]}`} ${m[3]}年`
      : `党员 ${m[2]} ${m[3]}年`
    : d.totals;
  return `${who} · ${fieldLabel(d.field)}：应为 ${d.expected}，实为 ${d.actual}`;
}

/** The headline of a verify report. */
export function verifySummary(report: VerifyReport): string {
  if (report.consistent) return `一致：已核对 ${report.entries} 条积分记录`;
  const n = report.differences.length;
  const count = n >= MAX_LISTED_DIFFERENCES ? `至少 ${n}` : String(n);
  return `发现 ${count} 处不一致（已核对 ${report.entries} 条积分记录）`;
}
