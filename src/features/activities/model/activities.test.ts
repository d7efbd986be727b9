import { canRequestLeave, formatActivityTime, formatRate, msUntilRefresh } from './activities';

describe('activities', () => {
  const now = new Date('2026-11-23T02:00:00Z');

  it('formats a same-day activity with one date and a multi-day one with two', () => {
    expect(formatActivityTime('2026-11-23T06:30:00Z', '2026-11-23T08:00:00Z', now)).toBe('11月23日 14:30–16:00');
    expect(formatActivityTime('2026-11-23T06:30:00Z', '2026-11-24T08:00:00Z', now)).toBe(
      '11月23日 14:30 – 11月24日 16:00',
    );
  });

  it('formats rates as whole percentages', () => {
    expect(formatRate(0.856)).toBe('86%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });

  it.each([
    ['upcoming', null, null, true],
    ['signing', 'expected', null, true],
    ['signing', 'expected', 'rejected', true],
    ['signing', 'expected', 'pending', false],
    ['upcoming', 'expected', 'approved', false],
    ['signing', 'present', null, false],
    ['running', 'exempt', null, false],
    ['ended', 'expected', null, false],
    ['closed', 'absent', null, false],
    ['cancelled', null, null, false],
  ] as const)('leave in phase %s with status %s and leave %s → %s', (phase, status, leave, expected) => {
    expect(canRequestLeave(phase, status, leave)).toBe(expected);
  });

  it('refreshes a code just after its step ends, never in a tight loop', () => {
    expect(msUntilRefresh('2026-11-23T02:00:10.000Z', now.getTime())).toBe(10_300);
    expect(msUntilRefresh('2026-11-23T01:59:00.000Z', now.getTime())).toBe(500);
  });
});
