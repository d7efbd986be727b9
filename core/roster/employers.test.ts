import { countByEmployer, coverageOf, employerId, normaliseEmployer, suggestFor, withSnapshot } from './employers';

describe('两新组织: the rules’ suggestion', () => {
  it.each([
    // full, probationary, hasOrganisation, suggestion
    [0, 0, false, 'none'],
    [0, 1, false, 'joint'],
    [1, 0, false, 'joint'],
    [2, 0, false, 'joint'],
    [2, 5, false, 'joint'],
    [3, 0, false, 'single'],
    [4, 1, false, 'single'],
    [12, 0, false, 'single'],
    [0, 0, true, 'none'],
    [1, 0, true, 'none'],
    [5, 0, true, 'none'],
  ] as const)('%i 正式 and %i 预备 (has a Party organisation: %s) → %s', (full, probationary, has, expected) => {
    expect(suggestFor(full, probationary, has)).toBe(expected);
  });
});

describe('组织覆盖率', () => {
  const org = (hasOrganisation: boolean) => ({ hasOrganisation });

  it('is null for an empty register', () => {
    expect(coverageOf([])).toBeNull();
  });

  it.each([
    [[false], 0],
    [[true], 1],
    [[true, false], 0.5],
    [[true, false, false], 0.333],
    [[true, true, false], 0.667],
    [[true, true, true, false, false, false, false, false], 0.375],
  ])('%j → %d', (register, coverage) => {
    expect(coverageOf(register.map(org))).toBe(coverage);
  });

  it('keeps the last snapshot of each month, oldest first', () => {
    const history = withSnapshot(
      withSnapshot([{ month: '2026-12', coverage: 0.2 }], { month: '2026-11', coverage: 0.1 }),
      { month: '2026-12', coverage: 0.25 },
    );
    expect(history).toEqual([
      { month: '2026-11', coverage: 0.1 },
      { month: '2026-12', coverage: 0.25 },
    ]);
  });
});

describe('employer names', () => {
  it.each([
    ['示范科技（杭州）有限公司', '示范科技(杭州)有限公司'],
    [' 示范科技 ( 杭州 ) 有限公司 ', '示范科技(杭州)有限公司'],
    ['示范科技【杭州】有限公司', '示范科技(杭州)有限公司'],
    ['示范科技\u3000(杭州)有限公司', '示范科技(杭州)有限公司'],
    ['ＡＢＣ物流有限公司', 'ABC物流有限公司'],
  ])('%s is the same organisation as %s', (a, b) => {
    expect(normaliseEmployer(a)).toBe(normaliseEmployer(b));
    expect(employerId('c', a)).toBe(employerId('c', b));
  });

  it('tells different organisations apart', () => {
    expect(normaliseEmployer('示范科技有限公司')).not.toBe(normaliseEmployer('示范科技(杭州)有限公司'));
  });

  it('counts 正式 and 预备 members by normalised 工作单位, ignoring the blank ones', () => {
    const counts = countByEmployer([
      { workUnit: '示范科技（杭州）有限公司', partyStatus: 'full' },
      { workUnit: '示范科技 (杭州) 有限公司', partyStatus: 'full' },
      { workUnit: '示范科技(杭州)有限公司', partyStatus: 'probationary' },
      { workUnit: '  ', partyStatus: 'full' },
      { workUnit: null, partyStatus: 'full' },
      { partyStatus: 'full' },
    ]);
    expect([...counts]).toEqual([['示范科技(杭州)有限公司', { full: 2, probationary: 1 }]]);
  });
});
