import { exportPointsFile } from '@/services/files';
import { useSubmit } from '@/hooks/useFormSubmit';
import type { PointsPeriodState } from './usePointsRanking';

/** 导出 Excel of a branch's points over the chosen period; a failure is toasted. */
export function usePointsExport(orgId: string, p: Pick<PointsPeriodState, 'period' | 'date'>) {
  const { busy, send } = useSubmit<'export'>();
  return {
    exporting: busy !== '',
    exportShownPeriod: () => void send('export', () => exportPointsFile(orgId, p.period, p.date)),
  };
}
