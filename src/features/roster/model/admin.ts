/**
 * The committee admin's pages (组织架构, 人员任职, 操作日志, 组织关系转接, 邀请入支部): the tree as
 * rows, what each control offers, and audit entries in plain Chinese. Pure: no Taro.
 */
import type { ActionInput, AuditEntry, MeOutput, OrgKind, OrgNode, Role } from '@contracts';
import { AUDIT_ACTION_LABEL } from '@contracts/labels/roster';
import { orgsWhere } from '@/features/identity/model';
import { ROUTES } from '@/utils/route-table';

type Me = Pick<MeOutput, 'permissions'> | null | undefined;

const may = (me: Me, permission: 'org.manage' | 'roster.write', orgId: string) => orgsWhere(me, permission).has(orgId);

export const ORG_KIND_LABEL: Record<OrgKind, string> = { committee: '党委', branch: '党支部', group: '党小组' };
export const ROLE_NAME: Record<Role, string> = { admin: '管理员', secretary: '书记', officer: '支委' };

export interface OrgRow {
  node: OrgNode;
  /** 0 for a committee, 1 for a branch, 2 for a group. */
  depth: number;
}

/**
 * The tree in reading order: each committee, its branches, each branch's groups; archived nodes
 * after the live ones of their level.
 */
export function orgRows(orgs: OrgNode[]): OrgRow[] {
  const rows: OrgRow[] = [];
  const byParent = new Map<string | null, OrgNode[]>();
  for (const o of orgs) byParent.set(o.parentId, [...(byParent.get(o.parentId) ?? []), o]);
  const known = new Set(orgs.map((o) => o.id));
  const visit = (node: OrgNode, depth: number) => {
    rows.push({ node, depth });
    const children = byParent.get(node.id) ?? [];
    for (const child of [...children.filter((c) => !c.archived), ...children.filter((c) => c.archived)])
      visit(child, depth + 1);
  };
  for (const root of orgs.filter((o) => !o.parentId || !known.has(o.parentId))) visit(root, 0);
  return rows;
}

/** What a node's child would be: a committee has branches, a branch groups, a group nothing. */
export function childKind(kind: OrgKind): Exclude<OrgKind, 'committee'> | null {
  return kind === 'committee' ? 'branch' : kind === 'branch' ? 'group' : null;
}

/** The live branches of the group's committee it may move to (not its own, all managed by the caller). */
export function moveTargets(orgs: OrgNode[], group: OrgNode, me: Me): OrgNode[] {
  if (group.kind !== 'group') return [];
  const committeeOf = (id: string | null): string | null => {
    let node = orgs.find((o) => o.id === id);
    while (node && node.kind !== 'committee') node = orgs.find((o) => o.id === node?.parentId);
    return node?.id ?? null;
  };
  const committee = committeeOf(group.id);
  return orgs.filter(
    (o) =>
      o.kind === 'branch' &&
      !o.archived &&
      o.id !== group.parentId &&
      committeeOf(o.id) === committee &&
      may(me, 'org.manage', o.id),
  );
}

/**
 * Why 撤销 is not offered for a node, or null when it is (the server checks again, roles included):
 * the committee, a node already archived, one with live child nodes or active members.
 */
export function archiveBlocker(orgs: OrgNode[], node: OrgNode): string | null {
  if (node.kind === 'committee') return '党委不能撤销';
  if (node.archived) return '已撤销';
  if (orgs.some((o) => o.parentId === node.id && !o.archived)) return '有下级组织';
  if (node.activeMembers) return `有 ${node.activeMembers} 名在册党员`;
  // The people on the way are on the roster too: 发展党员 closes their files.
  if (node.activeOnTheWay) return `有入党积极分子等 ${node.activeOnTheWay} 人在册`;
  return null;
}

/** The roles the caller may appoint on a node: none without `org.manage` there (the server decides). */
export function appointableRoles(me: Me, node: OrgNode | undefined): Role[] {
  if (!node || node.archived || !may(me, 'org.manage', node.id)) return [];
  if (node.kind === 'committee') return ['admin'];
  if (node.kind === 'branch') return ['secretary', 'officer', 'admin'];
  return ['officer'];
}

/** Nodes the caller manages (`org.manage`), live ones only, as picker options labelled with their level. */
export function managedNodeOptions(rows: OrgRow[], me: Me): Array<{ value: string; label: string }> {
  return rows
    .filter((r) => !r.node.archived && may(me, 'org.manage', r.node.id))
    .map((r) => ({ value: r.node.id, label: `${'　'.repeat(r.depth)}${r.node.name}` }));
}

/** Live branches on which the caller holds `permission`, as picker options. */
export function branchOptions(
  orgs: OrgNode[],
  me: Me,
  permission: 'org.manage' | 'roster.write',
): Array<{ value: string; label: string }> {
  return orgs
    .filter((o) => o.kind === 'branch' && !o.archived && may(me, permission, o.id))
    .map((o) => ({ value: o.id, label: o.name }));
}

/** An audit entry's kind in Chinese; an unknown kind keeps its code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABEL[action] ?? action;
}

/** The kinds the 操作日志 filter offers, with 全部 first. */
export const AUDIT_ACTION_OPTIONS: Array<{ value: string; label: string }> = [
  { value: '', label: '全部操作' },
  ...Object.entries(AUDIT_ACTION_LABEL).map(([value, label]) => ({ value, label })),
];

const field = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One line saying what happened, in the words of the 操作日志: `任命 第一党支部 书记`. */
export function auditSummary(
  entry: Pick<AuditEntry, 'action' | 'before' | 'after' | 'target'>,
  orgs: OrgNode[],
): string {
  const orgName = (id: unknown) => orgs.find((o) => o.id === id)?.name ?? '';
  const role = (value: unknown) => ROLE_NAME[text(field(value, 'role')) as Role] ?? '';
  const targetOrg = entry.target.startsWith('orgs/') ? orgName(entry.target.slice(5)) : '';
  switch (entry.action) {
    case 'org.create':
      return `新建${ORG_KIND_LABEL[text(field(entry.after, 'kind')) as OrgKind] ?? '组织'}“${text(field(entry.after, 'name'))}”`;
    case 'org.rename':
      return `“${text(field(entry.before, 'name'))}”改名为“${text(field(entry.after, 'name'))}”`;
    case 'org.move':
      return `${targetOrg}由${text(field(entry.before, 'parentName'))}移至${text(field(entry.after, 'parentName'))}`;
    case 'org.archive':
      return `撤销“${text(field(entry.before, 'name'))}”`;
    case 'role.grant':
      return `任命${text(field(entry.after, 'name'))}为${orgName(field(entry.after, 'orgId'))}${role(entry.after)}`;
    case 'role.revoke':
      return `撤销${text(field(entry.before, 'name'))}的${orgName(field(entry.before, 'orgId'))}${role(entry.before)}职务`;
    default:
      return auditActionLabel(entry.action);
  }
}

export interface AuditFilters {
  actorMemberId: string;
  action: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { actorMemberId: '', action: '', from: '', to: '' };

/** The `auditLog` input for a page of these filters (empty ones left out). */
export function auditLogInput(filters: AuditFilters, page: number, pageSize = 20): ActionInput<'roster', 'auditLog'> {
  return {
    page,
    pageSize,
    ...(filters.actorMemberId ? { actorMemberId: filters.actorMemberId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}

/** Where 邀请入支部 leads: 亮身份 with the branch chosen. */
export const invitePath = (branchId: string): string => `${ROUTES.declare}?orgId=${encodeURIComponent(branchId)}`;

/**
 * What the invitation's QR code holds: on the local host (H5, hash routing) the page's full
 * address, in the mini-program the page path itself.
 */
export function inviteLink(branchId: string, origin: string | null): string {
  return origin ? `${origin}/#${invitePath(branchId)}` : invitePath(branchId);
}

/** The branch an invitation (`?orgId=`) chose, when it is one of the branches offered; '' otherwise. */
export function invitedBranch(branches: OrgNode[], orgId: string | undefined): string {
  return orgId && branches.some((b) => b.id === orgId && !b.archived) ? orgId : '';
}
