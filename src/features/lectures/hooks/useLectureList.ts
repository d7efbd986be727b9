import { useMemo, useState, useSyncExternalStore } from 'react';
import type { LectureListItem } from '@contracts';
import { kindParam, studySummary, type LectureKindFilter } from '@/features/lectures/model/lectures';
import { withLatestProgress } from '@/features/lectures/model/player';
import { listLectures } from '@/features/lectures/services/lecture';
import { heartbeatsSettled, latestProgress, onProgress, syncClock } from '@/features/lectures/services/progress-sync';
import { usePagedList } from '@/hooks/usePagedList';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

const PAGE_SIZE = 20;

/** The heartbeats' latest answers, re-rendering when one arrives. */
function useLatestProgress() {
  return useSyncExternalStore(onProgress, latestProgress, latestProgress);
}

/**
 * The first page of the catalogue, asked for once the heartbeats in flight (the one sent on
 * leaving the player) have landed, with when it was asked for.
 */
async function freshList(input: Parameters<typeof listLectures>[0]) {
  await heartbeatsSettled();
  const requestedAt = syncClock();
  return { res: await listLectures(input), requestedAt };
}

/**
 * 学习's catalogue of one kind and search, page by page, with 继续观看 from the first page. It is
 * asked for again each time 学习 is shown, and shows the progress the player reported since at once.
 */
export function useLectureList(kind: LectureKindFilter, query: string, enabled = true) {
  const [first, setFirst] = useState<{ continueWatching: LectureListItem[]; requestedAt: number }>({
    continueWatching: [],
    requestedAt: 0,
  });
  const list = usePagedList<LectureListItem>(
    async (page) => {
      const input = { kind: kindParam(kind), query: query || undefined, page, pageSize: PAGE_SIZE };
      if (page !== 1) return listLectures(input);
      const { res, requestedAt } = await freshList(input);
      setFirst({ continueWatching: res.continueWatching, requestedAt });
      return res;
    },
    [kind, query],
    { enabled },
  );
  useReloadOnShow(list.reload, enabled);
  const latest = useLatestProgress();
  const shown = useMemo(
    () =>
      withLatestProgress({ items: list.items, continueWatching: first.continueWatching }, latest, first.requestedAt),
    [list.items, first, latest],
  );
  return { ...list, items: shown.items, continueWatching: shown.continueWatching };
}

/** 首页's 学习进度: how many lectures are complete, and the first to continue. */
export function useLectureHome(enabled: boolean) {
  const req = useRequest(async () => {
    if (!enabled) return null;
    const { res, requestedAt } = await freshList({ pageSize: 100 });
    return { res, requestedAt };
  }, [enabled]);
  useReloadOnShow(req.reload, enabled);
  const latest = useLatestProgress();
  const data = useMemo(() => {
    if (!req.data) return req.data;
    const { res, requestedAt } = req.data;
    const shown = withLatestProgress({ items: res.items, continueWatching: res.continueWatching }, latest, requestedAt);
    return { ...studySummary(shown.items, res.total), next: shown.continueWatching[0] ?? null };
  }, [req.data, latest]);
  return { ...req, data };
}
