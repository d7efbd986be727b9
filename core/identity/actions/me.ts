import type { IdentityCard, MeOutput, PermissionGrant } from '../../../contracts/identity';
import { PERMISSIONS, type PartyStatus, type Permission } from '../../../contracts/common';
import { isPartyMember, PARTY_STATUS_LABELS } from '../../../contracts/labels/common';
import { identitySchemas } from '../../../contracts/identity';
import { chinaDate } from '../../shared/china-time';
import type { OrgTree } from '../../shared/org-tree';
import { partyYears } from '../../shared/party-years';
import { permissionsOf } from '../../shared/permissions';
import type { MemberDoc } from '../../roster';
import { action } from '../../runtime/dispatch';
import { AppError } from '../../runtime/errors';
import { loadCaller, loadTree, type Caller } from '../../shared/caller';
import { toSummary } from './declarations';
import { latestDeclaration } from '../queries';

const PLEDGE = '我是共产党员';

/** Why someone on the way to membership has no identity card, and when they will; null for a Party member. */
export function cardNote(partyStatus: PartyStatus): string | null {
  return isPartyMember(partyStatus) ? null : `您是${PARTY_STATUS_LABELS[partyStatus]}，成为预备党员后可领取党员身份卡`;
}

/** The caller's permissions per org node they hold a role on, each with the nodes it covers. */
function permissionGrants(caller: Caller, tree: OrgTree): PermissionGrant[] {
  const byOrg = new Map<string, Set<Permission>>();
  for (const role of caller.roles) {
    const held = byOrg.get(role.orgId) ?? new Set();
    for (const permission of permissionsOf(role.role)) held.add(permission);
    byOrg.set(role.orgId, held);
  }
  return [...byOrg].map(([orgId, held]) => ({
    orgId,
    orgName: tree.get(orgId)?.name ?? '',
    permissions: PERMISSIONS.filter((permission) => held.has(permission)),
    covers: tree.get(orgId)
      ? tree
          .all()
          .filter((org) => tree.isWithin(org.id, orgId))
          .map((org) => org.id)
      : [],
  }));
}

export const me = action(identitySchemas.me, async (ctx): Promise<MeOutput> => {
  const caller = await loadCaller(ctx);
  const [tree, declaration] = await Promise.all([loadTree(ctx), latestDeclaration(ctx.store, caller.openid)]);
  const member = caller.member;
  return {
    openid: caller.openid,
    member: member && {
      id: member._id,
      name: member.name,
      orgId: member.branchId,
      orgName: tree.get(member.branchId)?.name ?? '',
      groupId: member.groupId,
      partyStatus: member.partyStatus,
      joinedAt: member.joinedAt,
      fullAt: member.fullAt,
      phone: member.phone,
      partyYears: partyYears(member.partyStatus, member.fullAt, chinaDate(ctx.clock())),
      cardNote: cardNote(member.partyStatus),
    },
    roles: caller.roles.map((r) => ({ ...r, orgName: tree.get(r.orgId)?.name ?? '' })),
    permissions: permissionGrants(caller, tree),
    declaration: declaration && toSummary(declaration, tree),
    setupNeeded: !tree.hasCommittee(),
  };
});

export const card = action(identitySchemas.card, async (ctx): Promise<IdentityCard> => {
  const caller = await loadCaller(ctx);
  const member: MemberDoc | null = caller.member;
  if (!member) throw new AppError('NOT_FOUND', '您还没有完成亮身份，暂无身份卡');
  // The card begins with 预备党员: someone on the way is told when they will have one.
  const note = cardNote(member.partyStatus);
  if (note) throw new AppError('NOT_FOUND', note);
  const tree = await loadTree(ctx);
  return {
    memberId: member._id,
    name: member.name,
    orgName: tree.get(member.branchId)?.name ?? '',
    committeeName: tree.get(member.committeeId)?.name ?? '',
    partyStatus: member.partyStatus,
    joinedAt: member.joinedAt,
    fullAt: member.fullAt,
    partyYears: partyYears(member.partyStatus, member.fullAt, chinaDate(ctx.clock())),
    pledge: PLEDGE,
    badge: member.partyStatus === 'full' ? '正式党员' : '预备党员',
  };
});
