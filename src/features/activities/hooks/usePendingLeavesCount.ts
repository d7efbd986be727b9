import { useMemo } from 'react';
import { useMe } from '@/features/identity';
import { may } from '@/features/identity/model';
import { useManagedOrgs } from '@/features/roster';
import { listLeaves } from '@/features/activities/services/activity';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';

/** Asking every branch of a large committee would be slow: beyond this many, no count is shown. */
const MAX_BRANCHES = 10;

/** Leave requests waiting for review across the branches whose activities the caller manages, for 工作台. */
export function usePendingLeavesCount(): number | undefined {
  const { me } = useMe();
  const { managed } = useManagedOrgs();
  const ids = useMemo(
    () => managed.filter((o) => o.kind === 'branch' && may(me, 'activity.manage', o.id)).map((o) => o.id),
    [managed, me],
  );
  const key = ids.join(',');
  const req = useRequest(async () => {
    if (!ids.length || ids.length > MAX_BRANCHES) return undefined;
    const answers = await Promise.all(ids.map((orgId) => listLeaves(orgId, 'pending')));
    return answers.reduce((n, a) => n + a.items.length, 0);
  }, [key]);
  useReloadOnShow(req.reload);
  return req.data;
}
