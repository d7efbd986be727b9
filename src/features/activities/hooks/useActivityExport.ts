import { useState } from 'react';
import type { Period } from '@contracts';
import { exportActivityAttendance, exportPeriodAttendance } from '@/features/activities/services/activity';
import { openFileLink } from '@/services/file-platform';
import { toastError } from '@/utils/feedback';

/**
 * Excel exports of attendance, opened (WeChat: preview with the share menu) or downloaded (H5)
 * the way the points export is. Failures are toasted; `busy` says which one is running.
 */
export function useActivityExport() {
  const [busy, setBusy] = useState<'' | 'activity' | 'period'>('');

  const run = async (kind: 'activity' | 'period', task: () => Promise<void>): Promise<boolean> => {
    setBusy(kind);
    try {
      await task();
      return true;
    } catch (e) {
      toastError(e);
      return false;
    } finally {
      setBusy('');
    }
  };

  return {
    busy,
    /** 签到表 of one activity. */
    exportActivity: (id: string) => run('activity', async () => openFileLink(await exportActivityAttendance(id))),
    /** 出勤统计 of an org over a period (`date`: a day inside it; the current period when left out). */
    exportPeriod: (orgId: string, period: Period, date?: string) =>
      run('period', async () =>
        openFileLink(await exportPeriodAttendance({ orgId, period, ...(date ? { date } : {}) })),
      ),
  };
}
