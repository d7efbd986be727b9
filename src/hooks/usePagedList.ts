import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@contracts';

/**
 * A paged list: first page on mount and when `deps` change, `loadMore` for the next page while the
 * server says `hasMore`. `total` is the count a `CountedPage` carries (0 for a list without one).
 */
export function usePagedList<T>(
  fetchPage: (page: number) => Promise<Page<T> & { total?: number }>,
  deps: readonly unknown[],
  options: { enabled?: boolean } = {},
) {
  const enabled = options.enabled ?? true;
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [moreError, setMoreError] = useState<unknown>(undefined);
  const seq = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(undefined);
    setMoreError(undefined);
    try {
      const res = await fetchRef.current(1);
      if (mine !== seq.current) return;
      setItems(res.items);
      setTotal(res.total ?? 0);
      setHasMore(res.hasMore);
      setPage(1);
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (loading || loadingMore || !hasMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const res = await fetchRef.current(page + 1);
      if (mine !== seq.current) return;
      setItems((prev) => [...prev, ...res.items]);
      setTotal(res.total ?? 0);
      setHasMore(res.hasMore);
      setPage(page + 1);
    } catch (e) {
      if (mine === seq.current) setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  }, [loading, loadingMore, hasMore, page]);

  useEffect(() => {
    if (enabled) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);

  return { items, total, loading, loadingMore, error, moreError, hasMore, reload, loadMore };
}
