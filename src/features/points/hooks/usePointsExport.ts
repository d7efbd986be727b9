import { openFileLink } from '@/services/files';
import type { PartyStatus } from '@contracts';
import { exportPoints } from '@/features/points/services/ranking';
import { useSubmit } from '@/hooks/useFormSubmit';
import type { PointsPeriodState } from './usePointsRanking';

/** 导出 Excel of a branch's points over the chosen period (of some 党员身份 only, when given); a failure is toasted. */
export function usePointsExport(
  orgId: string,
  p: Pick<PointsPeriodState, 'period' | 'date'>,
  statuses?: PartyStatus[],
) {
  const { busy, send } = useSubmit<'export'>();
  return {
    exporting: busy !== '',
    exportShownPeriod: () =>
      void send('export', async () => openFileLink(await exportPoints(orgId, p.period, p.date, statuses))),
  };
}
