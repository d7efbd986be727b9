import { addDays, chinaDateTime, chinaIso, formatDate, formatDateTime, todayInChina, toChinaIso } from './dates';

describe('dates in China time', () => {
  it.each([
    ['2026-11-23', '2026年11月23日'],
    ['2010-07-01', '2010年7月1日'],
    // 16:30 UTC on 30 June is 00:30 on 1 July in Beijing.
    ['2021-06-30T16:30:00.000Z', '2021年7月1日'],
    ['', ''],
  ])('formatDate(%p) → %p', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  it('formats a moment as 月日 时:分 in China time, with the year only when it is not this year', () => {
    const now = new Date('2026-11-23T02:00:00Z');
    expect(formatDateTime('2026-11-23T06:30:00Z', now)).toBe('11月23日 14:30');
    expect(formatDateTime('2025-12-31T16:05:00Z', now)).toBe('1月1日 00:05');
    expect(formatDateTime('2024-03-08T01:00:00Z', now)).toBe('2024年3月8日 09:00');
  });

  it('today is the China date, even when UTC is still on the day before', () => {
    expect(todayInChina(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(todayInChina(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
  });

  it('builds ISO times in China time and reads them back whatever the instant’s zone', () => {
    expect(chinaIso('2026-11-23', '14:30')).toBe('2026-11-23T14:30:00+08:00');
    expect(Date.parse(chinaIso('2026-11-23', '14:30'))).toBe(Date.parse('2026-11-23T06:30:00Z'));
    expect(chinaDateTime('2026-11-23T17:05:00Z')).toEqual({ date: '2026-11-24', time: '01:05' });
    expect(toChinaIso(Date.parse('2026-11-23T05:45:30Z'))).toBe('2026-11-23T13:45:00+08:00');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
