import type { OrgTree } from '../../shared/org-tree';
import { scopesFor } from '../../shared/permissions';
import { forbidden, notFound } from '../../runtime/errors';
import type { Caller } from '../../shared/caller';

export function committeeOf(tree: OrgTree, orgId: string): string {
  const committee = tree.nearest(orgId, 'committee');
  if (!committee) throw notFound('组织');
  return committee.id;
}

export function adminCommittee(caller: Caller, tree: OrgTree, message = '只有党委管理员可以核对积分'): string {
  const scope = scopesFor(caller.roles, 'points.admin').find((id) => tree.get(id)?.kind === 'committee');
  if (!scope) throw forbidden(message);
  return scope;
}
