import { partyYears } from './party-years';

describe('partyYears (党龄): whole years since 转正日期', () => {
  it.each([
    ['on the day of 转正', '2010-07-01', '2010-07-01', 0],
    ['the day before the first anniversary', '2010-07-01', '2011-06-30', 0],
    ['on the first anniversary', '2010-07-01', '2011-07-01', 1],
    ['the day after the first anniversary', '2010-07-01', '2011-07-02', 1],
    ['the day before the 16th anniversary', '2010-07-01', '2026-06-30', 15],
    ['on the 16th anniversary', '2010-07-01', '2026-07-01', 16],
    ['late in a year, anniversary passed', '2010-07-01', '2026-12-31', 16],
    ['early in a year, anniversary not reached', '2010-07-01', '2027-01-01', 16],
    ['across a month boundary: day before', '1999-12-31', '2000-12-30', 0],
    ['across a month boundary: on the day', '1999-12-31', '2000-12-31', 1],
    ['a long-standing member', '1977-07-01', '2026-11-23', 49],
  ])('%s (转正 %s, today %s) → %i', (_label, fullAt, today, expected) => {
    expect(partyYears('full', fullAt, today)).toBe(expected);
  });

  describe('转正 on 29 February', () => {
    it.each([
      ['28 Feb of the next (common) year: not yet a year', '2005-02-28', 0],
      ['1 Mar of the next year: one year', '2005-03-01', 1],
      ['28 Feb four years on (leap year): not yet', '2008-02-28', 3],
      ['29 Feb four years on: four years', '2008-02-29', 4],
      ['1 Mar of a later common year', '2010-03-01', 6],
    ])('%s (today %s) → %i', (_label, today, expected) => {
      expect(partyYears('full', '2004-02-29', today)).toBe(expected);
    });
  });

  it.each([
    ['预备党员 without 转正日期', 'probationary', null],
    ['预备党员 even if a date slipped in', 'probationary', '2020-07-01'],
    ['正式党员 with the date missing', 'full', null],
  ] as const)('%s → null (no 党龄 yet)', (_label, status, fullAt) => {
    expect(partyYears(status, fullAt, '2026-11-23')).toBeNull();
  });

  it('is 0, never negative, when today is before 转正日期', () => {
    expect(partyYears('full', '2027-07-01', '2026-11-23')).toBe(0);
    expect(partyYears('full', '2026-11-24', '2026-11-23')).toBe(0);
  });
});
