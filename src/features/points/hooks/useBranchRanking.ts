import { useState } from 'react';
import type { PointsOutputs } from '@contracts';
import type { VerifyReport } from '@/features/points/model/rules-editor';
import { isApiRequestError } from '@/services/client';
import { getBranchRanking, rebuildPoints, verifyPoints } from '@/features/points/services/points';
import { toastError, toastSuccess } from '@/utils/feedback';
import type { PointsPeriodState } from './usePointsRanking';
import { useSubmit } from '@/hooks/useFormSubmit';
import { useRequest } from '@/hooks/useRequest';
import { emit, useEvent } from '@/utils/events';

/** 季度赛马: the committee's branches for the chosen period; reloads when points change. */
export function useBranchRanking(p: Pick<PointsPeriodState, 'period' | 'date'>) {
  const ranking = useRequest(() => getBranchRanking(p.period, p.date), [p.period, p.date]);
  useEvent('pointsChanged', () => void ranking.reload());
  /** The server's word that the caller is no committee admin (its message says so). */
  const forbidden = isApiRequestError(ranking.error) && ranking.error.code === 'FORBIDDEN' ? ranking.error : null;
  return { ...ranking, forbidden };
}

export type BranchRankingState = ReturnType<typeof useBranchRanking>;

/**
 * 核对积分: recompute every total from the ledger and compare (`verify`); when they differ, the
 * admin may replace them (`rebuild`, after a confirmation), which verifies again.
 */
export function usePointsVerify() {
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [rebuilt, setRebuilt] = useState<PointsOutputs['rebuild'] | null>(null);
  const { busy, send } = useSubmit<'verify'>();
  const verifying = busy !== '';
  const [confirming, setConfirming] = useState(false);

  const verify = async () => {
    await send('verify', verifyPoints, { onDone: setReport });
  };

  /** Rejects (keeping the confirm dialog open) when it fails. */
  const rebuild = async () => {
    try {
      const result = await rebuildPoints();
      setRebuilt(result);
      toastSuccess('已重建');
      setConfirming(false);
      emit('pointsChanged');
    } catch (e) {
      toastError(e);
      throw e;
    }
    void verify();
  };

  return {
    report,
    rebuilt,
    verifying,
    verify: () => {
      setRebuilt(null);
      void verify();
    },
    confirming,
    askRebuild: () => setConfirming(true),
    cancelRebuild: () => setConfirming(false),
    rebuild,
  };
}

export type PointsVerifyState = ReturnType<typeof usePointsVerify>;
