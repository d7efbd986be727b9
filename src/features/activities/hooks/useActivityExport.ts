import type { Period } from '@contracts';
import { exportActivityAttendance, exportPeriodAttendance } from '@/features/activities/services/activity';
import { openFileLink } from '@/services/file-platform';
import { useSubmit } from '@/hooks/useFormSubmit';

/**
 * Excel exports of attendance, opened (WeChat: preview with the share menu) or downloaded (H5)
 * the way the points export is. Failures are toasted; `busy` says which one is running.
 */
export function useActivityExport() {
  const { busy, send: run } = useSubmit<'activity' | 'period'>();

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
