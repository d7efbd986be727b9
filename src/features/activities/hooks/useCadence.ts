import { useMemo } from 'react';
import type { OrgNode } from '@contracts';
import { may, useMe } from '@/features/identity';
import { getCadence } from '@/features/activities/services/activity';
import { getTree } from '@/features/roster';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

/** At most this many branches' cards on 工作台 (a committee admin has 支部概览 for all of them). */
const MAX_BRANCHES = 3;

/**
 * The branches whose 三会一课 the caller runs: those they hold a role on themselves (a secretary's
 * or 支委's branch), not every branch under a committee role (支部概览 compares those).
 */
export function cadenceBranches(me: Parameters<typeof may>[0], orgs: readonly OrgNode[]): OrgNode[] {
  const held = new Set((me?.permissions ?? []).map((grant) => grant.orgId));
  return orgs.filter((o) => o.kind === 'branch' && !o.archived && held.has(o.id) && may(me, 'activity.run', o.id));
}

/** This period's cadence of each branch the caller runs; refreshed when the page is shown again. */
export function useCadence() {
  const { me } = useMe();
  const tree = useRequest(getTree, []);
  const branches = useMemo(() => cadenceBranches(me, tree.data?.orgs ?? []).slice(0, MAX_BRANCHES), [me, tree.data]);
  const key = branches.map((b) => b.id).join(',');
  const cadence = useRequest(() => Promise.all(branches.map((b) => getCadence(b.id))), [key], {
    manual: !branches.length,
  });
  useReloadOnShow(cadence.reload, branches.length > 0);
  return { branches, cadence };
}
