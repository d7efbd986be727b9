/** The org tree as the client sees it. Pure: no Taro. */
import type { MeOutput, OrgNode } from '@contracts';

/** Branches, in the order the server lists the tree. */
export function branchesOf(orgs: OrgNode[]): OrgNode[] {
  return orgs.filter((o) => o.kind === 'branch');
}

/** Ids of `rootId` and everything below it. */
export function subtreeIds(orgs: OrgNode[], rootId: string): Set<string> {
  const ids = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentId && ids.has(o.parentId) && !ids.has(o.id)) {
        ids.add(o.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** The name with its ancestors below the top committee: `第一党支部 · 第一党小组`. */
export function orgLabel(orgs: OrgNode[], id: string): string {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const names: string[] = [];
  let node = byId.get(id);
  while (node && node.kind !== 'committee') {
    names.unshift(node.name);
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  return names.join(' · ') || (byId.get(id)?.name ?? '');
}

/**
 * The branches and groups a secretary/officer/admin can open a roster for: every branch or group
 * in the subtree of one of their roles, branches first.
 */
export function manageableRosterOrgs(orgs: OrgNode[], roles: MeOutput['roles']): OrgNode[] {
  const allowed = new Set<string>();
  for (const r of roles) for (const id of subtreeIds(orgs, r.orgId)) allowed.add(id);
  const result: OrgNode[] = [];
  for (const branch of branchesOf(orgs)) {
    const groups = orgs.filter((o) => o.kind === 'group' && o.parentId === branch.id && allowed.has(o.id));
    if (allowed.has(branch.id)) result.push(branch);
    result.push(...groups);
  }
  // Groups whose branch is not in the tree we were given (should not happen) still count.
  for (const o of orgs) if (o.kind === 'group' && allowed.has(o.id) && !result.includes(o)) result.push(o);
  return result;
}

/**
 * Where a member can be moved: the branches and groups the caller manages (the server requires
 * write permission on the target), except where the member already is.
 */
export function transferTargets(managed: OrgNode[], member: { orgId: string; groupId: string | null }): OrgNode[] {
  const current = member.groupId ?? member.orgId;
  return managed.filter((o) => o.id !== current);
}

export function isStaff(me: Pick<MeOutput, 'roles'> | null | undefined): boolean {
  return !!me && me.roles.length > 0;
}

const ROLE_LABEL = { admin: '管理员', secretary: '书记', officer: '支委' } as const;

/** `第一党支部书记`, `示范党委管理员`. */
export function roleLabel(role: MeOutput['roles'][number]): string {
  return `${role.orgName}${ROLE_LABEL[role.role]}`;
}
