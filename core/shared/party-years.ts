import type { PartyStatus } from '../../contracts/common';

/**
 * 党龄: whole years since 转正日期 (the day a member became a full member), as the Party
 * constitution counts it. A 预备党员 has none yet. Dates are `YYYY-MM-DD`, `today` in China time.
 */
export function partyYears(partyStatus: PartyStatus, fullAt: string | null, today: string): number | null {
  if (partyStatus !== 'full' || !fullAt) return null;
  if (today < fullAt) return 0;
  const years = Number(today.slice(0, 4)) - Number(fullAt.slice(0, 4));
  const anniversaryReached = today.slice(5) >= fullAt.slice(5);
  return anniversaryReached ? years : years - 1;
}
