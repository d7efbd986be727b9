import type { RuleItem } from '../../contracts/points';
import { annualScore, DEFAULT_RULES, DEFAULT_SETTINGS, findRule, recordableByHand } from './rules';

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
