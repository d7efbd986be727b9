/**
 * May the caller do X on org Y? Answered from `identity.me`'s permissions, which the server
 * derives from its own permission table: the app never keeps a second copy of who may do what.
 * A grant covers the org it is held on and every org below it (`covers`). Pure: no Taro.
 */
import type { MeOutput, OrgNode, Permission } from '@contracts';

type Me = Pick<MeOutput, 'permissions'> | null | undefined;

/** Whether some grant holding `permission` covers `orgId`. Unknown caller or org: no. */
export function may(me: Me, permission: Permission, orgId: string | null | undefined): boolean {
  if (!me || !orgId) return false;
  return me.permissions.some((grant) => grant.permissions.includes(permission) && grant.covers.includes(orgId));
}

/** Whether the caller holds `permission` anywhere (e.g. to show a 工作台 tile). */
export function mayAnywhere(me: Me, permission: Permission): boolean {
  return !!me && me.permissions.some((grant) => grant.permissions.includes(permission));
}

/** Every org on which the caller holds `permission`. */
export function orgsWhere(me: Me, permission: Permission): Set<string> {
  const ids = new Set<string>();
  for (const grant of me?.permissions ?? [])
    if (grant.permissions.includes(permission)) for (const id of grant.covers) ids.add(id);
  return ids;
}

/**
 * Where a reviewer may place a 流动党员 on approval: each branch they may review, followed by its
 * groups (the server requires declaration.review on the placement's branch).
 */
export function placementOptions(me: Me, orgs: OrgNode[]): OrgNode[] {
  const result: OrgNode[] = [];
  for (const branch of orgs)
    if (branch.kind === 'branch' && may(me, 'declaration.review', branch.id))
      result.push(branch, ...orgs.filter((o) => o.kind === 'group' && o.parentId === branch.id));
  return result;
}
