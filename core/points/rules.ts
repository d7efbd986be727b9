import type { PartyStatus } from '../../contracts/common';
import { isPartyMember, PARTY_STATUS_LABELS } from '../../contracts/labels/common';
import type { PointsSettings, RuleItem } from '../../contracts/points';

/**
 * The default rule set: five bonus items and three deduction items. Values are signed.
 *
 * Every bonus the system posts by itself has a monthly cap, so that no one can raise a score
 * without limit by organising, signing in or watching: generous for a real branch's calendar
 * (支部党员大会 quarterly; 支委会, 党小组会 and 主题党日 monthly; 党课: at most 6–8 meetings a
 * month, so 8 × 2; about four volunteer activities, 4 × 3; eight lectures). 亮身份 needs none:
 * its entry is keyed by the member, so it is awarded once ever.
 *
 * `candidates`: 加减积分 was introduced for 入党积极分子 and 发展对象 too (the seed documents: "参加组织活动、
 * 参加志愿活动等5项加分内容和违纪违法、推诿任务等3项扣分事项"), so every item but 亮身份 applies to them.
 */
export const DEFAULT_RULES: RuleItem[] = [
  {
    code: 'org_life',
    name: '参加组织生活',
    kind: 'bonus',
    value: 2,
    cap: 16,
    capPeriod: 'month',
    auto: true,
    active: true,
    candidates: true,
  },
  {
    code: 'volunteer',
    name: '参加志愿服务',
    kind: 'bonus',
    value: 3,
    cap: 12,
    capPeriod: 'month',
    auto: false,
    active: true,
    candidates: true,
  },
  {
    code: 'lecture',
    name: '学习微党课',
    kind: 'bonus',
    value: 1,
    cap: 8,
    capPeriod: 'month',
    auto: true,
    active: true,
    candidates: true,
  },
  // 亮身份 is a Party member's: the people on the way hold no identity card.
  { code: 'declaration', name: '亮身份', kind: 'bonus', value: 5, auto: true, active: true, candidates: false },
  { code: 'pioneer', name: '先锋表彰', kind: 'bonus', value: 5, auto: false, active: true, candidates: true },
  {
    code: 'absence',
    name: '无故缺席组织生活',
    kind: 'deduction',
    value: -2,
    auto: true,
    active: true,
    candidates: true,
  },
  { code: 'shirk', name: '推诿任务', kind: 'deduction', value: -3, auto: false, active: true, candidates: true },
  { code: 'discipline', name: '违纪违法', kind: 'deduction', value: -10, auto: false, active: true, candidates: true },
];

export const DEFAULT_SETTINGS: PointsSettings = {
  baseScore: 60,
  floor: 0,
  starBands: [
    { min: 96, stars: 5, label: '五星党员' },
    { min: 90, stars: 4, label: '四星党员' },
    { min: 80, stars: 3, label: '三星党员' },
    { min: 70, stars: 2, label: '二星党员' },
    { min: 60, stars: 1, label: '一星党员' },
    { min: 0, stars: 0, label: '不合格' },
  ],
  rankingVisibility: 'self',
  objectionDays: 7,
  lectureCadence: 'quarter',
};

export interface RuleSet {
  items: RuleItem[];
  settings: PointsSettings;
}

/** `pointRules/<committeeId>`: a committee's own rules; absent means the defaults. */
export interface RuleSetDoc extends RuleSet {
  _id: string;
  /**
   * Set when an admin saves the rules knowing the default caps (see {@link withDefaultCaps});
   * absent on rule sets saved before the default caps existed.
   */
  defaultCaps?: 1;
}

/**
 * A stored rule set as it applies. One saved before the default caps existed never chose to be
 * uncapped (there was no cap to keep or remove), so its uncapped bonuses take the default cap;
 * once an admin saves the rules again, what they set (a cap removed included) stands as saved.
 */
export function withDefaultCaps(doc: RuleSetDoc): RuleSet {
  if (doc.defaultCaps) return { items: doc.items, settings: doc.settings };
  const items = doc.items.map((rule) => {
    const fallback = DEFAULT_RULES.find((d) => d.code === rule.code);
    return rule.cap === undefined && fallback?.cap !== undefined
      ? { ...rule, cap: fallback.cap, capPeriod: fallback.capPeriod }
      : rule;
  });
  return { items, settings: doc.settings };
}

/**
 * Stored rules as they apply to the people on the way to membership. Items saved before
 * `candidates` existed read the default of their code (a committee that has not decided keeps the
 * practice the defaults describe); an item of its own, with no default, applies to Party members
 * only until the committee says otherwise.
 */
export function withDefaultCandidates(items: RuleItem[]): RuleItem[] {
  return items.map((rule) =>
    typeof rule.candidates === 'boolean'
      ? rule
      : { ...rule, candidates: DEFAULT_RULES.find((d) => d.code === rule.code)?.candidates ?? false },
  );
}

/** Whether the rule applies to someone of this 党员身份: always to Party members, to the others as the committee decides. */
export function ruleApplies(rule: Pick<RuleItem, 'candidates'>, partyStatus: PartyStatus): boolean {
  return isPartyMember(partyStatus) || rule.candidates === true;
}

/** The refusal for a rule that does not apply: `“亮身份”不适用于入党积极分子`. */
export function notApplicableMessage(rule: Pick<RuleItem, 'name'>, partyStatus: PartyStatus): string {
  return `“${rule.name}”不适用于${PARTY_STATUS_LABELS[partyStatus]}`;
}

/**
 * The rule `code` as it applies to this person: undefined when there is none or it does not apply
 * to them (an automatic award then posts nothing, as for a rule the committee has not set).
 */
export function ruleFor(rules: RuleSet, code: string, member: { partyStatus: PartyStatus }): RuleItem | undefined {
  const rule = findRule(rules, code);
  return rule && ruleApplies(rule, member.partyStatus) ? rule : undefined;
}

export function findRule(rules: RuleSet, code: string): RuleItem | undefined {
  return rules.items.find((rule) => rule.code === code);
}

/** Whether a secretary may record this rule by hand (volunteering often happens outside the app). */
export function recordableByHand(rule: RuleItem): boolean {
  return rule.active && (!rule.auto || rule.code === 'volunteer');
}

/** The annual score (base + the year's net, never below the floor) and its star band. */
export function annualScore(
  yearNet: number,
  settings: PointsSettings,
): { score: number; stars: number; label: string } {
  const score = Math.max(settings.floor, settings.baseScore + yearNet);
  const band = [...settings.starBands].sort((a, b) => b.min - a.min).find((b) => score >= b.min);
  return { score, stars: band?.stars ?? 0, label: band?.label ?? '不合格' };
}

/** A committee's rule set: its own, or the defaults until an admin changes them. */
export async function loadRules(
  store: { get(collection: 'pointRules', id: string): Promise<RuleSetDoc | null> },
  committeeId: string,
): Promise<RuleSet> {
  const doc = committeeId ? await store.get('pointRules', committeeId) : null;
  if (!doc) return { items: DEFAULT_RULES, settings: DEFAULT_SETTINGS };
  const { items, settings } = withDefaultCaps(doc);
  return { items: withDefaultCandidates(items), settings };
}
