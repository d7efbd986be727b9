import { useState } from 'react';
import type { ActivityDetail } from '@contracts';
import { canRequestLeave } from '@/features/activities/model/activities';
import { canScanIn } from '@/features/activities/model/my-activities';
import { getActivity, requestLeave } from '@/features/activities/services/activity';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

/**
 * One activity as the member sees it, reloaded when the page is shown again (after a sign-in),
 * with what the member may do now: 请假 (through a reason dialog) and 扫码签到.
 */
export function useActivityDetail(id: string) {
  const detail = useRequest<ActivityDetail>(() => getActivity(id), [id]);
  const [leaveOpen, setLeaveOpen] = useState(false);
  useReloadOnShow(detail.reload);

  const a = detail.data;
  const mine = a?.mine ?? null;
  const expected = !!mine?.expected;
  return {
    detail,
    canLeave: !!a && expected && canRequestLeave(a.phase, mine?.status ?? null, mine?.leave?.status ?? null),
    canScan: !!a && expected && canScanIn(a.phase, mine?.status),
    leave: {
      open: leaveOpen,
      show: () => setLeaveOpen(true),
      close: () => setLeaveOpen(false),
      submit: (reason: string) => requestLeave(id, reason),
      done: () => {
        setLeaveOpen(false);
        void detail.reload();
      },
    },
  };
}
