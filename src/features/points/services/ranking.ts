/**
 * Typed calls for a branch's ranking and its export, optionally by category (`statuses`). Apart from
 * services/points.ts, which the main package's 积分 tab bundles: only the ranking pages use these.
 */
import type { PartyStatus, Period } from '@contracts';
import { call } from '@/services/client';

const query = (orgId: string, period: Period, date?: string, statuses?: PartyStatus[]) => ({
  orgId,
  period,
  ...(date ? { date } : {}),
  ...(statuses ? { statuses } : {}),
});

export const getPointsRanking = (orgId: string, period: Period, date?: string, statuses?: PartyStatus[]) =>
  call('points', 'ranking', query(orgId, period, date, statuses));

export const exportPoints = (orgId: string, period: Period, date?: string, statuses?: PartyStatus[]) =>
  call('points', 'export', query(orgId, period, date, statuses));
