import { openFileLink } from '@/services/files';
import { exportPoints } from '@/features/points/services/points';
import { useSubmit } from '@/hooks/useFormSubmit';
import type { PointsPeriodState } from './usePointsRanking';

/** 导出 Excel of a branch's points over the chosen period; a failure is toasted. */
export function usePointsExport(orgId: string, p: Pick<PointsPeriodState, 'period' | 'date'>) {
  const { busy, send } = useSubmit<'export'>();
  return {
    exporting: busy !== '',
    exportShownPeriod: () => void send('export', async () => openFileLink(await exportPoints(orgId, p.period, p.date))),
  };
}
