import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { LectureListItem } from '@contracts';
import { kindParam, studySummary, type LectureKindFilter } from '@/features/lectures/model/lectures';
import { listLectures } from '@/features/lectures/services/lecture';
import { usePagedList } from '@/hooks/usePagedList';
import { useRequest } from '@/hooks/useRequest';

const PAGE_SIZE = 20;

/** Runs `reload` whenever the page is shown again (back from a lecture, with new progress). */
function useReloadOnShow(enabled: boolean, reload: () => unknown) {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && enabled) void reload();
    shown.current = true;
  });
}

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
  useReloadOnShow(enabled, list.reload);
  return { ...list, continueWatching };
}

/** 首页's 学习进度: how many lectures are complete, and the first to continue. */
export function useLectureHome(enabled: boolean) {
  const req = useRequest(async () => {
    if (!enabled) return null;
    const res = await listLectures({ pageSize: 100 });
    return { ...studySummary(res.items, res.total), next: res.continueWatching[0] ?? null };
  }, [enabled]);
  useReloadOnShow(enabled, req.reload);
  return req;
}
