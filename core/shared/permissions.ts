import type { Permission, Role } from '../../contracts/common';
import type { OrgTree } from './org-tree';

/** What each role may do on the org node it is granted on and on that node's whole subtree. */
const GRANTS = {
  'roster.read': ['admin', 'secretary', 'officer'],
  'roster.write': ['admin', 'secretary'],
  'declaration.review': ['admin', 'secretary'],
  'org.manage': ['admin'],
  'audit.read': ['admin'],
  'points.read': ['admin', 'secretary', 'officer'],
  'points.write': ['admin', 'secretary'],
  'points.admin': ['admin'],
  /** Creating, editing, cancelling and closing activities; 补签, undoing sign-ins, reviewing leave. */
  'activity.manage': ['admin', 'secretary'],
  /** Running an activity on the day: showing the code, scanning members, watching who came. */
  'activity.run': ['admin', 'secretary', 'officer'],
  /** Publishing and unpublishing lectures. */
  'lecture.manage': ['admin', 'secretary'],
  /** Seeing who watched which lecture. */
  'lecture.read': ['admin', 'secretary', 'officer'],
  /** Seeing members' phones in full: the people who run the branch, not committee staff. */
  'phone.read': ['secretary', 'officer'],
  /** 发展党员: seeing the pipeline and each person's file. */
  'develop.read': ['admin', 'secretary', 'officer'],
  /** 发展党员: opening files, recording steps (the 上级党委's by their decision's date), extending the 预备期. */
  'develop.manage': ['admin', 'secretary'],
  /** Issuing committee tasks (任务清单) and seeing their board. */
  'task.manage': ['admin'],
  /** 销号: marking a branch's task done. */
  'task.complete': ['admin', 'secretary'],
} as const satisfies Record<Permission, readonly Role[]>;

export type { Permission };

export interface RoleGrant {
  orgId: string;
  role: Role;
}

export function can(roles: RoleGrant[], tree: OrgTree, permission: Permission, orgId: string): boolean {
  const allowed: readonly Role[] = GRANTS[permission];
  return roles.some((grant) => allowed.includes(grant.role) && tree.isWithin(orgId, grant.orgId));
}

/** What one role may do (on the node it is granted on and its subtree), in the table's order. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(GRANTS) as Permission[]).filter((permission) =>
    (GRANTS[permission] as readonly Role[]).includes(role),
  );
}

/** The org nodes on which the caller holds `permission` (each covering its subtree). */
export function scopesFor(roles: RoleGrant[], permission: Permission): string[] {
  const allowed: readonly Role[] = GRANTS[permission];
  return [...new Set(roles.filter((grant) => allowed.includes(grant.role)).map((grant) => grant.orgId))];
}
