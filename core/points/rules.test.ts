import type { RuleItem } from '../../contracts/points';
import {
  annualScore,
  DEFAULT_RULES,
  DEFAULT_SETTINGS,
  findRule,
  notApplicableMessage,
  recordableByHand,
  ruleApplies,
  ruleFor,
  withDefaultCandidates,
} from './rules';
import { categoryLabel } from './categories';
import type { PartyStatus } from '../../contracts/common';

describe('DEFAULT_RULES', () => {
  it('has five bonus items and three deduction items, with signed values', () => {
    expect(DEFAULT_RULES.filter((r) => r.kind === 'bonus').map((r) => r.code)).toEqual([
      'org_life',
      'volunteer',
      'lecture',
      'declaration',
      'pioneer',
    ]);
    expect(DEFAULT_RULES.filter((r) => r.kind === 'deduction').map((r) => r.code)).toEqual([
      'absence',
      'shirk',
      'discipline',
    ]);
    for (const rule of DEFAULT_RULES) expect(Math.sign(rule.value)).toBe(rule.kind === 'bonus' ? 1 : -1);
  });

  it('caps 学习微党课 at 8 points a month', () => {
    expect(findRule({ items: DEFAULT_RULES, settings: DEFAULT_SETTINGS }, 'lecture')).toMatchObject({
      name: '学习微党课',
      value: 1,
      cap: 8,
      capPeriod: 'month',
    });
  });
});

describe('annualScore: 60 + the year net, in star bands', () => {
  it.each<[net: number, score: number, stars: number, label: string]>([
    [-1, 59, 0, '不合格'],
    [0, 60, 1, '一星党员'],
    [9, 69, 1, '一星党员'],
    [10, 70, 2, '二星党员'],
    [19, 79, 2, '二星党员'],
    [20, 80, 3, '三星党员'],
    [29, 89, 3, '三星党员'],
    [30, 90, 4, '四星党员'],
    [35, 95, 4, '四星党员'],
    [36, 96, 5, '五星党员'],
    [100, 160, 5, '五星党员'],
    [-59, 1, 0, '不合格'],
    [-60, 0, 0, '不合格'],
    [-500, 0, 0, '不合格'],
  ])('net %i → score %i, %i★ %s', (net, score, stars, label) => {
    expect(annualScore(net, DEFAULT_SETTINGS)).toEqual({ score, stars, label });
  });

  it('finds the band whatever order the settings list them in', () => {
    const shuffled = { ...DEFAULT_SETTINGS, starBands: [...DEFAULT_SETTINGS.starBands].reverse() };
    expect(annualScore(30, shuffled)).toEqual({ score: 90, stars: 4, label: '四星党员' });
    expect(annualScore(-1, shuffled)).toEqual({ score: 59, stars: 0, label: '不合格' });
  });

  it('follows a committee’s own base score and floor', () => {
    const settings = { ...DEFAULT_SETTINGS, baseScore: 80, floor: 40 };
    expect(annualScore(16, settings).score).toBe(96);
    expect(annualScore(-70, settings)).toEqual({ score: 40, stars: 0, label: '不合格' });
  });
});

describe('recordableByHand', () => {
  const rule = (code: string) => DEFAULT_RULES.find((r) => r.code === code) as RuleItem;

  it.each<[code: string, recordable: boolean]>([
    ['org_life', false], // from sign-in
    ['volunteer', true], // often happens outside the app
    ['lecture', false],
    ['declaration', false],
    ['pioneer', true],
    ['absence', false],
    ['shirk', true],
    ['discipline', true],
  ])('%s → %s', (code, recordable) => {
    expect(recordableByHand(rule(code))).toBe(recordable);
  });

  it('an inactive item cannot be recorded', () => {
    expect(recordableByHand({ ...rule('pioneer'), active: false })).toBe(false);
    expect(recordableByHand({ ...rule('volunteer'), active: false })).toBe(false);
  });
});

describe('rules for the people on the way to membership (candidates)', () => {
  const rule = (code: string) => DEFAULT_RULES.find((r) => r.code === code) as RuleItem;
  const rules = { items: DEFAULT_RULES, settings: DEFAULT_SETTINGS };

  it.each<[status: PartyStatus, candidates: boolean, applies: boolean]>([
    ['full', false, true],
    ['full', true, true],
    ['probationary', false, true],
    ['probationary', true, true],
    ['candidate', false, false],
    ['candidate', true, true],
    ['activist', false, false],
    ['activist', true, true],
    ['applicant', false, false],
    ['applicant', true, true],
  ])('a %s member, the rule applying to candidates: %s → %s', (status, candidates, applies) => {
    expect(ruleApplies({ candidates }, status)).toBe(applies);
    const set = { ...rules, items: [{ ...rule('pioneer'), candidates }] };
    expect(ruleFor(set, 'pioneer', { partyStatus: status })?.code).toBe(applies ? 'pioneer' : undefined);
  });

  it('a rule without the field (not normalised) never reaches them', () => {
    const { candidates: _candidates, ...legacy } = rule('pioneer');
    expect(ruleApplies(legacy as RuleItem, 'activist')).toBe(false);
    expect(ruleApplies(legacy as RuleItem, 'full')).toBe(true);
  });

  it('ruleFor: no such rule → undefined, for anyone', () => {
    expect(ruleFor(rules, 'no_such_rule', { partyStatus: 'full' })).toBeUndefined();
    expect(ruleFor(rules, 'declaration', { partyStatus: 'candidate' })).toBeUndefined();
    expect(ruleFor(rules, 'declaration', { partyStatus: 'probationary' })?.code).toBe('declaration');
  });

  it('stored items without `candidates` read their code’s default; a committee’s own item false; set values stand', () => {
    const stored = [
      ...DEFAULT_RULES.map(({ candidates: _c, ...r }) => r as RuleItem),
      { code: 'study_notes', name: '学习笔记', kind: 'bonus', value: 1, auto: false, active: true } as RuleItem,
      { ...rule('shirk'), code: 'late', name: '迟到', candidates: true },
      { ...rule('volunteer'), code: 'volunteer_2', candidates: false },
    ];
    const read = withDefaultCandidates(stored);
    expect(Object.fromEntries(read.map((r) => [r.code, r.candidates]))).toEqual({
      org_life: true,
      volunteer: true,
      lecture: true,
      declaration: false,
      pioneer: true,
      absence: true,
      shirk: true,
      discipline: true,
      study_notes: false,
      late: true,
      volunteer_2: false,
    });
    // Those that had it are the same objects.
    expect(read[9]).toBe(stored[9]);
  });

  it('the refusal names the rule and the status', () => {
    expect(notApplicableMessage(rule('declaration'), 'activist')).toBe('“亮身份”不适用于入党积极分子');
    expect(notApplicableMessage(rule('pioneer'), 'candidate')).toBe('“先锋表彰”不适用于发展对象');
    expect(notApplicableMessage(rule('shirk'), 'applicant')).toBe('“推诿任务”不适用于入党申请人');
  });
});

describe('categoryLabel', () => {
  it.each<[statuses: PartyStatus[] | undefined, label: string]>([
    [undefined, ''],
    [[], ''],
    [['full', 'probationary'], '党员'],
    [['probationary', 'full'], '党员'],
    [['full'], '正式党员'],
    [['probationary'], '预备党员'],
    [['candidate'], '发展对象'],
    [['activist'], '入党积极分子'],
    [['applicant'], '入党申请人'],
    [['applicant', 'candidate'], '发展对象、入党申请人'],
    [['full', 'probationary', 'candidate'], '正式党员、预备党员、发展对象'],
  ])('%j → %s', (statuses, label) => {
    expect(categoryLabel(statuses)).toBe(label);
  });
});
