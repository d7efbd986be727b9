import { useState } from 'react';
import type { ActivityDetail } from '@contracts';
import { canRequestLeave } from '@/features/activities/model/activities';
import { canScanIn, canWithdrawLeave } from '@/features/activities/model/my-activities';
import { getActivity, requestLeave, withdrawLeave } from '@/features/activities/services/activity';
import { confirmAction, toastError, toastSuccess } from '@/utils/feedback';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

/**
 * One activity as the member sees it, reloaded when the page is shown again (after a sign-in),
 * with what the member may do now: 请假 (through a reason dialog), 撤回请假 and 扫码签到.
 */
export function useActivityDetail(id: string) {
  const detail = useRequest<ActivityDetail>(() => getActivity(id), [id]);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  useReloadOnShow(detail.reload);

  const a = detail.data;
  const mine = a?.mine ?? null;
  const expected = !!mine?.expected;
  return {
    detail,
    canLeave: !!a && expected && canRequestLeave(a.phase, mine?.status ?? null, mine?.leave?.status ?? null),
    // Someone on the way whom the kind welcomes may scan too (as 列席).
    canScan: !!a && (expected || !!mine?.welcome) && canScanIn(a.phase, mine?.status),
    canWithdraw: !!a && canWithdrawLeave(a, mine?.leave),
    withdrawing,
    /** 撤回请假, after a confirmation; the page reloads to show the member without a request. */
    withdraw: async () => {
      const ok = await confirmAction({
        title: '撤回请假',
        content: '撤回后这次请假申请作废，需按时参加活动；如仍不能参加，可以重新申请。',
        confirmText: '撤回',
      });
      if (!ok) return;
      setWithdrawing(true);
      try {
        await withdrawLeave(id);
        toastSuccess('已撤回请假');
        await detail.reload();
      } catch (e) {
        toastError(e);
        void detail.reload();
      } finally {
        setWithdrawing(false);
      }
    },
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
