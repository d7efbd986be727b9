import { useState } from 'react';
import type { MyPointsEntry, PointsOutputs } from '@contracts';
import { getMyPoints } from '@/features/points/services/points';
import { usePagedList } from '@/hooks/usePagedList';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';
import { useEvent } from '@/utils/events';

type Mine = PointsOutputs['mine'];
export type MyPointsSummary = Omit<Mine, 'entries'>;
export type { MyPointsEntry };

const PAGE_SIZE = 20;

function summaryOf(res: Mine): MyPointsSummary {
  const { score, stars, starLabel, totals, months, rank, rankOf } = res;
  return { score, stars, starLabel, totals, months, rank, rankOf };
}

/**
 * The member's own points: the score and totals (from the first page) and the entries, newest
 * first, page by page. Reloads when shown again and when points change.
 */
export function usePointsMine(enabled: boolean) {
  const [summary, setSummary] = useState<MyPointsSummary | undefined>(undefined);
  const list = usePagedList<MyPointsEntry>(
    async (page) => {
      const res = await getMyPoints(page, PAGE_SIZE);
      if (page === 1) setSummary(summaryOf(res));
      return res.entries;
    },
    [],
    { enabled },
  );
  useReloadOnShow(list.reload, enabled);
  useEvent('pointsChanged', () => void list.reload());
  return { summary, list };
}

/** Only the score and totals (首页's card); refreshed whenever the page is shown again. */
export function usePointsSummary(enabled: boolean) {
  const req = useRequest(() => (enabled ? getMyPoints(1, 1).then(summaryOf) : Promise.resolve(undefined)), [enabled]);
  useReloadOnShow(req.reload, enabled);
  return req;
}
