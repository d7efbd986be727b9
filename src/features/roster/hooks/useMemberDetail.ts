import { usePermissions } from '@/features/identity';
import { orgLabel, transferTargets } from '@/features/roster/model/orgs';
import { getMember } from '@/features/roster/services/roster';
import { useRequest } from '@/hooks/useRequest';
import { useEvent } from '@/utils/events';
import { useManagedOrgs } from './useManagedOrgs';

/**
 * One member's entry for the secretary (reloaded when the roster changes), with the name of their
 * group and where they may be moved (调动), each labelled with its place in the tree.
 */
export function useMemberDetail(id: string) {
  const member = useRequest(() => getMember(id), [id]);
  const managed = useManagedOrgs();
  const permissions = usePermissions();
  useEvent('rosterChanged', () => void member.reload());

  const m = member.data;
  const orgs = managed.orgs;
  const writable = managed.managed.filter((o) => permissions.may('roster.write', o.id));
  const targets = m ? transferTargets(writable, m).map((o) => ({ ...o, name: orgLabel(orgs, o.id) })) : [];
  const groupName = m?.groupId ? orgs.find((o) => o.id === m.groupId)?.name : undefined;
  return { member, targets, groupName };
}
