import { useMemo } from 'react';
import type { LeaveView } from '@contracts';
import { listLeaves, reviewLeave } from '@/features/activities/services/activity';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

export type LeaveDecision = 'approve' | 'reject';

/**
 * Pending leave requests (请假) of a branch's activities, or of one activity when `activityId` is
 * given; reloaded when the page is shown again. `review` approves or rejects one.
 */
export function useLeaves(orgId: string, activityId?: string) {
  const req = useRequest<LeaveView[] | undefined>(
    () => (orgId ? listLeaves(orgId, 'pending').then((r) => r.items) : Promise.resolve(undefined)),
    [orgId],
  );
  useReloadOnShow(req.reload);
  const items = useMemo(
    () => (activityId ? req.data?.filter((l) => l.activityId === activityId) : req.data),
    [req.data, activityId],
  );
  return {
    items,
    error: req.error,
    loading: req.loading && !req.data,
    reload: req.reload,
    review: (leave: LeaveView, decision: LeaveDecision, note?: string) =>
      reviewLeave(leave.activityId, leave.memberId, decision, note),
  };
}

export type LeavesState = ReturnType<typeof useLeaves>;
