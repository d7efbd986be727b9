import type { MemberPlace } from './queries';
import { byIds } from '../shared/paging';
import { memberIdsOfGroup } from './queries';
import type { MemberProfile, RosterMember } from '../../contracts/roster';
import type { OrgTree } from '../shared/org-tree';
import { can, type Permission } from '../shared/permissions';
import { partyYears } from '../shared/party-years';
import { shownNumber } from '../shared/phone';
import type { MemberDoc } from './documents';
import { invalidInput, notFound } from '../runtime/errors';
import type { HandlerContext } from '../runtime/context';
import { type Filter } from '../store/port';
import type { Caller } from '../shared/caller';

/** The members query for an org node: a committee, a branch or a group. */
export function membersOf(tree: OrgTree, orgId: string): MemberPlace {
  const org = tree.get(orgId);
  if (!org) throw notFound('组织');
  if (org.kind === 'committee') return { committeeId: org.id };
  if (org.kind === 'branch') return { branchId: org.id };
  return { groupId: org.id };
}

/** The org a member sits in: their group, or their branch when they have none. Scope checks start here. */
export const memberOrgOf = (member: Pick<MemberDoc, 'branchId' | 'groupId'>): string =>
  member.groupId ?? member.branchId;

/**
 * The filter for documents kept by branch (ledger entries, objections, leave) that concern members
 * of `orgId`: the branch's own, or, for a group, those of the group's members (by id: such
 * documents do not record the group, and the branch alone would show the whole branch).
 * Membership is today's: a member who moved to another group takes their documents along.
 */
export async function branchDocsOf(
  ctx: HandlerContext,
  tree: OrgTree,
  orgId: string,
): Promise<{ branchId: string } & Filter> {
  const org = tree.get(orgId);
  if (!org) throw notFound('组织');
  const branch = tree.nearest(orgId, 'branch');
  if (!branch) throw invalidInput('orgId', '请选择党支部或党小组');
  if (org.kind !== 'group') return { branchId: branch.id };
  return { branchId: branch.id, memberId: { $in: await memberIdsOfGroup(ctx.store, org.id) } };
}

/**
 * The items about members the caller holds `permission` over. A caller whose scope covers the
 * whole branch sees every item (a member since moved away included); a group's officer sees only
 * the members of their group, even on an activity that expected others too.
 */
export async function withinCallerScope<T extends { memberId: string }>(
  ctx: HandlerContext,
  caller: Caller,
  tree: OrgTree,
  permission: Permission,
  branchId: string,
  items: T[],
): Promise<T[]> {
  if (can(caller.roles, tree, permission, branchId)) return items;
  const ids = [...new Set(items.map((item) => item.memberId))];
  const visible = new Set<string>();
  for (const m of (await byIds(ctx.store, 'members', ids)).values())
    if (can(caller.roles, tree, permission, memberOrgOf(m))) visible.add(m._id);
  return items.filter((item) => visible.has(item.memberId));
}

/** Where a member placed on `orgId` (a branch or a group) belongs; `field` names the input for the error. */
export function placementFor(
  tree: OrgTree,
  orgId: string,
  field = 'orgId',
): { committeeId: string; branchId: string; groupId: string | null } {
  const org = tree.get(orgId);
  if (!org) throw notFound('组织');
  const branch = tree.nearest(orgId, 'branch');
  const committee = tree.nearest(orgId, 'committee');
  if (!branch || !committee) throw invalidInput(field, '请选择党支部或党小组');
  if (org.archived || branch.archived) throw invalidInput(field, '该组织已撤销，请选择其他党支部或党小组');
  return { committeeId: committee.id, branchId: branch.id, groupId: org.kind === 'group' ? org.id : null };
}

export function toRosterMember(member: MemberDoc, tree: OrgTree, caller: Caller, today: string): RosterMember {
  const fullPhone = can(caller.roles, tree, 'phone.read', memberOrgOf(member)) || caller.member?._id === member._id;
  return {
    id: member._id,
    name: member.name,
    phone: shownNumber(member.phone, fullPhone),
    landline: shownNumber(member.landline, fullPhone),
    partyStatus: member.partyStatus,
    joinedAt: member.joinedAt,
    fullAt: member.fullAt,
    orgId: member.branchId,
    orgName: tree.get(member.branchId)?.name ?? '',
    groupId: member.groupId,
    status: member.status,
    bound: Boolean(member.openid),
    partyYears: partyYears(member.partyStatus, member.fullAt, today),
    exemptReason: member.exemptReason ?? null,
  };
}

/** 性别, 出生日期, 民族, 学历, 工作单位, 党员分类: null and [] where an older document has none. */
export function profileOf(member: MemberDoc): MemberProfile {
  return {
    gender: member.gender ?? null,
    birthDate: member.birthDate ?? null,
    ethnicity: member.ethnicity ?? null,
    education: member.education ?? null,
    workUnit: member.workUnit ?? null,
    categories: member.categories ?? [],
  };
}

/** A snapshot of a member for the audit log: no phone in full. */
export function auditView(member: MemberDoc): Record<string, unknown> {
  return {
    name: member.name,
    phone: shownNumber(member.phone, false),
    landline: shownNumber(member.landline, false),
    partyStatus: member.partyStatus,
    joinedAt: member.joinedAt,
    fullAt: member.fullAt,
    branchId: member.branchId,
    groupId: member.groupId,
    status: member.status,
    ...profileOf(member),
  };
}
