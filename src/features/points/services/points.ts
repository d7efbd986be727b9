/** Typed calls to the `points` function (rules, the ledger, totals and rankings). */
import type { ActionInput, Period } from '@contracts';
import { newRequestId } from '@/features/points/model/points';
import { call } from '@/services/client';

export { newRequestId };

export const getPointsRules = () => call('points', 'rules');

/**
 * Records one rule for several members. `requestId` identifies this one submission: pass the same
 * id when retrying after a failure (a network error may hide a success) and nothing is recorded twice.
 */
export const recordPoints = (
  input: Omit<ActionInput<'points', 'record'>, 'requestId'>,
  requestId: string = newRequestId(),
) => call('points', 'record', { ...input, requestId });

export const reversePointsEntry = (entryId: string, reason: string) => call('points', 'reverse', { entryId, reason });

export const getMyPoints = (page = 1, pageSize = 20) => call('points', 'mine', { page, pageSize });

export const listPointsEntries = (input: ActionInput<'points', 'entries'>) => call('points', 'entries', input);

/** Admin: 季度赛马, the committee's branches ranked by average points per member. */
export const getBranchRanking = (period: Period, date?: string) =>
  call('points', 'branchRanking', { period, ...(date ? { date } : {}) });

export const verifyPoints = () => call('points', 'verify');
export const rebuildPoints = () => call('points', 'rebuild');

/** 异议: a member objects to one of their own entries. */
export const objectToEntry = (entryId: string, reason: string) => call('points', 'object', { entryId, reason });
export const listObjections = (input: ActionInput<'points', 'objections'>) => call('points', 'objections', input);
export const resolveObjection = (input: ActionInput<'points', 'resolveObjection'>) =>
  call('points', 'resolveObjection', input);

/** Admin: 自我加分 review, entries whose beneficiary was also behind their cause. */
export const listSelfAwards = (page = 1, pageSize = 20) => call('points', 'selfAwards', { page, pageSize });

/** Admin: rule values, caps, activity and scoring settings. */
export const updatePointsRules = (input: ActionInput<'points', 'updateRules'>) => call('points', 'updateRules', input);
