import { useMemo } from 'react';
import { useMe } from '@/features/identity';
import { overviewScope } from '@/features/roster/model/overview';
import { getOverview, getRatings, getTree } from '@/features/roster/services/roster';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

/** A secretary sees at most this many branches' figures on 工作台; beyond, 支部概览 has them all. */
const MAX_BRANCHES = 3;

/** This month's figures for 工作台: the caller's committee summed up, or their branches; refreshed when shown again. */
export function useWorkbenchOverview() {
  const { me } = useMe();
  const tree = useRequest(getTree, []);
  const scope = useMemo(() => overviewScope(me, tree.data?.orgs ?? []).slice(0, MAX_BRANCHES), [me, tree.data]);
  const key = scope.map((s) => s.org.id).join(',');
  const figures = useRequest(
    () =>
      Promise.all(
        scope.map(async (s) => {
          const [overview, ratings] = await Promise.all([
            getOverview(s.org.id, 'month'),
            s.kind === 'branch' ? getRatings(s.org.id) : Promise.resolve(null),
          ]);
          // The branch's latest 评星定级 decision, posted or final.
          return { ...s, overview, rating: ratings?.items[0] ?? null };
        }),
      ),
    [key],
    { manual: !scope.length },
  );
  useReloadOnShow(figures.reload, scope.length > 0);
  return { scope, figures };
}
