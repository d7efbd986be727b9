import { useMemo } from 'react';
import type { OrgNode } from '@contracts';
import { useMe } from '@/features/identity';
import { orgRows } from '@/features/roster/model/admin';
import { getAdminTree } from '@/features/roster/services/roster';
import { useRequest } from '@/hooks/useRequest';

/** The whole tree for the admin's pages: archived nodes included, active members counted. */
export function useAdminTree() {
  const { me, error: meError, loading: meLoading, reload: reloadMe } = useMe();
  const tree = useRequest(getAdminTree, []);
  const orgs: OrgNode[] = useMemo(() => tree.data?.orgs ?? [], [tree.data]);
  const rows = useMemo(() => orgRows(orgs), [orgs]);
  /** The committee a node belongs to (members are searched there). */
  const committeeOf = (id: string): string => {
    let node = orgs.find((o) => o.id === id);
    while (node?.parentId) node = orgs.find((o) => o.id === node?.parentId);
    return node?.id ?? id;
  };
  return {
    me,
    orgs,
    rows,
    committeeOf,
    loading: meLoading || (tree.loading && !tree.data),
    error: meError ?? tree.error,
    reload: () => Promise.all([reloadMe(), tree.reload()]).then(() => undefined),
  };
}
