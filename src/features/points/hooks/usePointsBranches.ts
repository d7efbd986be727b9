import { useEffect, useMemo, useState } from 'react';
import { useManagedOrgs } from '@/features/roster';

/** The branches whose points the caller manages (groups have no ranking of their own), and the chosen one. */
export function usePointsBranches() {
  const orgs = useManagedOrgs();
  const options = useMemo(() => {
    const branchIds = new Set(orgs.managed.filter((o) => o.kind === 'branch').map((o) => o.id));
    return orgs.options.filter((o) => branchIds.has(o.value));
  }, [orgs.managed, orgs.options]);
  const [orgId, setOrgId] = useState('');

  useEffect(() => {
    if (!options.some((o) => o.value === orgId) && options.length) setOrgId(options[0].value);
  }, [orgId, options]);

  return {
    ...orgs,
    options,
    orgId,
    setOrgId,
    orgName: options.find((o) => o.value === orgId)?.label ?? '',
  };
}
