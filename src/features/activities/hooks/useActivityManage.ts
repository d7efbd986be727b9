import { useEffect, useState } from 'react';
import type { AttendanceItem } from '@contracts';
import { getActivity } from '@/features/activities/services/activity';
import { CODE_PHASES, useActivityCode } from './useActivityCode';
import { useActivityExport } from './useActivityExport';
import { useActivityLive } from './useActivityLive';
import { useLeaves } from './useLeaves';
import { usePermissions } from '@/features/identity';
import { useRequest } from '@/hooks/useRequest';
import { useEvent } from '@/utils/events';

export type MemberActionMode = 'manual' | 'undo';

/**
 * Everything the secretary's activity page shows and does: the activity, its live attendance
 * (polled), the rotating code while sign-in may happen, its pending leave requests, exports, and
 * which dialog is open.
 */
export function useActivityManage(id: string) {
  const detail = useRequest(() => getActivity(id), [id]);
  const live = useActivityLive(id);
  const phase = live.data?.phase ?? detail.data?.phase;
  const codeActive = !!phase && CODE_PHASES.includes(phase) && live.shown;
  const code = useActivityCode(id, codeActive);
  // Leave requests are reviewed by those who manage the activity; nobody else asks for them.
  const mayReviewLeave = usePermissions().may('activity.manage', detail.data?.orgId);
  const leaves = useLeaves(mayReviewLeave ? (detail.data?.branchId ?? '') : '', id);
  const exporter = useActivityExport();
  const [member, setMember] = useState<{ item: AttendanceItem; mode: MemberActionMode } | null>(null);
  const [dialog, setDialog] = useState<'' | 'close' | 'cancel'>('');

  useEvent('activityChanged', () => {
    void detail.reload();
    void live.refresh();
  });
  // The phase moved on (sign-in opened, the activity ended or was closed elsewhere): reload the rest.
  const livePhase = live.data?.phase;
  useEffect(() => {
    if (livePhase && detail.data && livePhase !== detail.data.phase) void detail.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [livePhase]);

  return {
    detail,
    live,
    phase,
    codeActive,
    code,
    leaves,
    exporter,
    member,
    setMember,
    dialog,
    setDialog,
    refreshAll: () => Promise.all([detail.reload(), live.refresh(), leaves.reload()]).then(() => undefined),
  };
}
