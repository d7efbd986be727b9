import { useState } from 'react';
import type { LectureListItem } from '@contracts';
import { kindParam, studySummary, type LectureKindFilter } from '@/features/lectures/model/lectures';
import { listLectures } from '@/features/lectures/services/lecture';
import { usePagedList } from '@/hooks/usePagedList';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

const PAGE_SIZE = 20;

/** 学习's catalogue of one kind and search, page by page, with 继续观看 from the first page. */
export function useLectureList(kind: LectureKindFilter, query: string, enabled = true) {
  const [continueWatching, setContinueWatching] = useState<LectureListItem[]>([]);
  const list = usePagedList<LectureListItem>(
    (page) =>
      listLectures({ kind: kindParam(kind), query: query || undefined, page, pageSize: PAGE_SIZE }).then((res) => {
        if (page === 1) setContinueWatching(res.continueWatching);
        return res;
      }),
    [kind, query],
    { enabled },
  );
  useReloadOnShow(list.reload, enabled);
  return { ...list, continueWatching };
}

/** 首页's 学习进度: how many lectures are complete, and the first to continue. */
export function useLectureHome(enabled: boolean) {
  const req = useRequest(async () => {
    if (!enabled) return null;
    const res = await listLectures({ pageSize: 100 });
    return { ...studySummary(res.items, res.total), next: res.continueWatching[0] ?? null };
  }, [enabled]);
  useReloadOnShow(req.reload, enabled);
  return req;
}
