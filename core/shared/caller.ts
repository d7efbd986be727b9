import { allOrgs, rolesOfAccount } from '../roster/queries';
import type { Role } from '../../contracts/common';
import { OrgTree } from './org-tree';
import { can, type Permission } from './permissions';
import type { MemberDoc } from '../roster/documents';
import type { HandlerContext } from '../runtime/context';
import { forbidden, unauthenticated } from '../runtime/errors';

export interface Caller {
  openid: string;
  member: MemberDoc | null;
  roles: Array<{ orgId: string; role: Role }>;
}

export function requireOpenid(ctx: HandlerContext): string {
  if (!ctx.openid) throw unauthenticated();
  return ctx.openid;
}

export async function loadCaller(ctx: HandlerContext): Promise<Caller> {
  const openid = requireOpenid(ctx);
  const [binding, roleDocs] = await Promise.all([ctx.store.get('bindings', openid), rolesOfAccount(ctx.store, openid)]);
  const member = binding ? await ctx.store.get('members', binding.memberId) : null;
  return {
    openid,
    member: member && member.status === 'active' ? member : null,
    roles: roleDocs.map((doc) => ({ orgId: doc.orgId, role: doc.role })),
  };
}

/** The whole org tree, read a page at a time (a committee may have more than one page of orgs). */
export async function loadTree(ctx: HandlerContext): Promise<OrgTree> {
  const orgs = await allOrgs(ctx.store);
  return new OrgTree(
    orgs.map((org) => ({
      id: org._id,
      name: org.name,
      kind: org.kind,
      parentId: org.parentId,
      ...(org.archivedAt ? { archived: true } : {}),
    })),
  );
}

export function requirePermission(caller: Caller, tree: OrgTree, permission: Permission, orgId: string): void {
  if (!can(caller.roles, tree, permission, orgId)) throw forbidden();
}
