import { useMemo } from 'react';
import type { OrgNode } from '@contracts';
import { manageableRosterOrgs, orgLabel } from '@/features/roster/model/orgs';
import { getTree } from '@/features/roster/services/roster';
import { useMe } from '@/features/identity';
import { useRequest } from '@/hooks/useRequest';

/** The org tree, and the branches/groups whose roster the caller manages (from their roles). */
export function useManagedOrgs() {
  const { me, error: meError, loading: meLoading, reload: reloadMe } = useMe();
  const tree = useRequest(getTree, []);
  const orgs: OrgNode[] = useMemo(() => tree.data?.orgs ?? [], [tree.data]);
  const managed = useMemo(() => (me ? manageableRosterOrgs(orgs, me.roles) : []), [me, orgs]);
  const options = useMemo(() => managed.map((o) => ({ value: o.id, label: orgLabel(orgs, o.id) })), [managed, orgs]);
  return {
    orgs,
    managed,
    options,
    loading: meLoading || (tree.loading && !tree.data),
    error: meError ?? tree.error,
    reload: () => Promise.all([reloadMe(), tree.reload()]).then(() => undefined),
  };
}
