import type { RosterMember } from '../../contracts/roster';
import type { OrgTree } from '../domain/org-tree';
import { can } from '../domain/permissions';
import { partyYears } from '../domain/party-years';
import { maskPhone } from '../domain/phone';
import type { MemberDoc } from '../model';
import { invalidInput, notFound } from '../runtime/errors';
import type { Filter } from '../store/port';
import type { Caller } from './caller';

/** The members query for an org node: a committee, a branch or a group. */
export function membersOf(tree: OrgTree, orgId: string): Filter {
  const org = tree.get(orgId);
  if (!org) throw notFound('组织');
  if (org.kind === 'committee') return { committeeId: org.id };
  if (org.kind === 'branch') return { branchId: org.id };
  return { groupId: org.id };
}

/** The org a member sits in: their group, or their branch when they have none. Scope checks start here. */
export const memberOrgOf = (member: Pick<MemberDoc, 'branchId' | 'groupId'>): string =>
  member.groupId ?? member.branchId;

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
  return { committeeId: committee.id, branchId: branch.id, groupId: org.kind === 'group' ? org.id : null };
}

export function toRosterMember(member: MemberDoc, tree: OrgTree, caller: Caller, today: string): RosterMember {
  const fullPhone = can(caller.roles, tree, 'phone.read', memberOrgOf(member)) || caller.member?._id === member._id;
  return {
    id: member._id,
    name: member.name,
    phone: fullPhone ? member.phone : maskPhone(member.phone),
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

/** A snapshot of a member for the audit log: no phone in full. */
export function auditView(member: MemberDoc): Record<string, unknown> {
  return {
    name: member.name,
    phone: maskPhone(member.phone),
    partyStatus: member.partyStatus,
    joinedAt: member.joinedAt,
    fullAt: member.fullAt,
    branchId: member.branchId,
    groupId: member.groupId,
    status: member.status,
  };
}
