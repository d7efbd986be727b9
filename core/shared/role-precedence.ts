import type { Role } from '../../contracts/common';
import type { OrgTree } from './org-tree';
import { can, type Permission, type RoleGrant } from './permissions';

/** Precedence of roles granted on the same org node. */
const RANK: Record<Role, number> = { admin: 3, secretary: 2, officer: 1 };

/**
 * Whether the caller's grant `over` ranks strictly above the target's role `held`: the held role
 * lies on a node strictly inside the grant's subtree, or on the same node with a lower rank.
 * An admin role is never below anyone: only `org.manage` over its node may touch it (by revoking).
 */
export function ranksAbove(tree: OrgTree, over: RoleGrant, held: RoleGrant): boolean {
  if (held.role === 'admin') return false;
  if (held.orgId === over.orgId) return RANK[held.role] < RANK[over.role];
  return tree.isWithin(held.orgId, over.orgId);
}

/**
 * The target's roles that none of the caller's grants holding `permission` ranks above: a caller
 * may change the roster entry of someone holding any of them neither by editing, transferring nor
 * deactivating it (a lower role never acts on a higher one).
 */
export function rolesBeyondReach(
  tree: OrgTree,
  callerRoles: RoleGrant[],
  permission: Permission,
  targetRoles: RoleGrant[],
): RoleGrant[] {
  const grants = callerRoles.filter((grant) => can([grant], tree, permission, grant.orgId));
  return targetRoles.filter((held) => !grants.some((over) => ranksAbove(tree, over, held)));
}

/**
 * The target's roles that keep the caller from recording, reversing or deciding on the target's
 * points entries. The roster's rule over `points.write`, with one difference: an admin role is
 * reached by another admin whose grant covers its node. Nothing ranks above an admin, and a ledger
 * nobody could write on would shield its holder from every deduction; the roster has revoking for
 * that, the ledger has nothing else. (Nobody ever scores themselves: the handlers refuse that first.)
 */
export function rolesBeyondLedgerReach(tree: OrgTree, callerRoles: RoleGrant[], targetRoles: RoleGrant[]): RoleGrant[] {
  const admins = callerRoles.filter((grant) => grant.role === 'admin');
  return rolesBeyondReach(tree, callerRoles, 'points.write', targetRoles).filter(
    (held) => !(held.role === 'admin' && admins.some((over) => tree.isWithin(held.orgId, over.orgId))),
  );
}

const ROLE_LABEL: Record<Role, string> = { admin: '管理员', secretary: '书记', officer: '支委' };

/** The offices held, for a message: 示范党委管理员、第一党支部书记. */
export const describeRoles = (tree: OrgTree, roles: RoleGrant[]): string =>
  roles.map((r) => `${tree.get(r.orgId)?.name ?? ''}${ROLE_LABEL[r.role]}`).join('、');

/** The target's roles the caller could not revoke (revoking takes `org.manage` over the role's node). */
export function rolesNotRevocableBy(tree: OrgTree, callerRoles: RoleGrant[], targetRoles: RoleGrant[]): RoleGrant[] {
  return targetRoles.filter((held) => !can(callerRoles, tree, 'org.manage', held.orgId));
}
