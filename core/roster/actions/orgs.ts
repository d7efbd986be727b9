import { activeMemberCountOf, auditPage, hasOpenActivity, memberIdsOfGroup, rolesOnOrg } from '../queries';
import { rosterSchemas, type AuditEntry, type RosterOutputs } from '../../../contracts/roster';
import { INVITE_PAGE, inviteScene } from '../../../contracts/labels/roster';
import { miniProgramCodeImage } from '../../runtime/mini-program-code';
import { CANDIDATE_STATUSES, MEMBERSHIP_STATUSES, type Role } from '../../../contracts/common';
import { can, scopesFor } from '../../shared/permissions';
import type { MemberDoc, OrgDoc } from '../documents';
import { membersOf } from '../scope';
import type { OrgTree } from '../../shared/org-tree';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden, invalidInput, notFound, type AppError } from '../../runtime/errors';
import { DuplicateIdError } from '../../store/port';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requireOpenid, requirePermission } from '../../shared/caller';

/**
 * Any signed-in user may read the whole tree: a visitor picks their branch from it when declaring.
 * Archived nodes only when asked for; counts of the Party members and, apart, of the people on the
 * way to membership (two indexed counts per node) only where the caller may read the roster.
 */
export const tree = action(rosterSchemas.tree, async (ctx, input): Promise<RosterOutputs['tree']> => {
  requireOpenid(ctx);
  const orgTree = await loadTree(ctx);
  const shown = orgTree.all().filter((org) => input?.archived || !org.archived);
  if (!input?.counts) return { orgs: shown.map(({ archived, ...org }) => (archived ? { ...org, archived } : org)) };
  const caller = await loadCaller(ctx);
  const counts = async (orgId: string) => {
    const place = membersOf(orgTree, orgId);
    const [activeMembers, activeOnTheWay] = await Promise.all([
      activeMemberCountOf(ctx.store, place, MEMBERSHIP_STATUSES),
      activeMemberCountOf(ctx.store, place, CANDIDATE_STATUSES),
    ]);
    return { activeMembers, activeOnTheWay };
  };
  const orgs = await Promise.all(
    shown.map(async ({ archived, ...org }) => ({
      ...org,
      ...(archived ? { archived } : {}),
      ...(can(caller.roles, orgTree, 'roster.read', org.id) ? await counts(org.id) : {}),
    })),
  );
  return { orgs };
});

/** The instant a China-time calendar day (plus `days`) begins, as an ISO string. */
function chinaDayStart(date: string, days = 0): string {
  const start = new Date(`${date}T00:00:00+08:00`);
  start.setUTCDate(start.getUTCDate() + days);
  return start.toISOString();
}

const CHILD_KIND = { committee: 'branch', branch: 'group', group: null } as const;

export const createOrg = action(rosterSchemas.createOrg, async (ctx, input): Promise<RosterOutputs['createOrg']> => {
  const caller = await loadCaller(ctx);
  const orgTree = await loadTree(ctx);
  requirePermission(caller, orgTree, 'org.manage', input.parentId);
  const parent = orgTree.get(input.parentId);
  if (!parent) throw notFound('上级组织');
  if (parent.archived) throw invalidInput('parentId', '上级组织已撤销');
  if (CHILD_KIND[parent.kind] !== input.kind) throw invalidInput('kind', '党委下设党支部，党支部下设党小组');
  if (orgTree.children(parent.id).some((o) => o.name === input.name)) throw conflict('同级已有同名组织');
  const now = ctx.clock().toISOString();
  const committeeId = orgTree.nearest(parent.id, 'committee')?.id ?? parent.id;
  const org: OrgDoc = {
    _id: ctx.newId(),
    name: input.name,
    kind: input.kind,
    parentId: parent.id,
    committeeId,
    createdAt: now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('orgs', org);
    await writeAudit(tx, ctx, caller.openid, {
      action: 'org.create',
      target: `orgs/${org._id}`,
      committeeId,
      after: org,
    });
  });
  return { id: org._id };
});

export const renameOrg = action(rosterSchemas.renameOrg, async (ctx, input): Promise<RosterOutputs['renameOrg']> => {
  const caller = await loadCaller(ctx);
  const orgTree = await loadTree(ctx);
  requirePermission(caller, orgTree, 'org.manage', input.id);
  const org = orgTree.get(input.id);
  if (!org) throw notFound('组织');
  if (org.parentId && orgTree.children(org.parentId).some((o) => o.id !== org.id && o.name === input.name))
    throw conflict('同级已有同名组织');
  await ctx.store.transaction(async (tx) => {
    await tx.update('orgs', input.id, { $set: { name: input.name } });
    await writeAudit(tx, ctx, caller.openid, {
      action: 'org.rename',
      target: `orgs/${input.id}`,
      committeeId: orgTree.nearest(input.id, 'committee')?.id ?? null,
      before: { name: org.name },
      after: { name: input.name },
    });
  });
  return { id: input.id };
});

/** A group may be moved, by whoever manages both the group and its new branch. */
async function movableGroup(ctx: HandlerContext, id: string, parentId: string) {
  const caller = await loadCaller(ctx);
  const orgTree = await loadTree(ctx);
  const org = orgTree.get(id);
  if (!org) throw notFound('组织');
  requirePermission(caller, orgTree, 'org.manage', id);
  if (org.kind !== 'group') throw invalidInput('id', '只能移动党小组；党支部不能移动');
  if (org.archived) throw invalidInput('id', '该党小组已撤销');
  const target = orgTree.get(parentId);
  if (!target) throw notFound('目标党支部');
  if (target.kind !== 'branch') throw invalidInput('parentId', '党小组只能移到党支部下');
  const committeeId = orgTree.nearest(id, 'committee')?.id ?? null;
  if (orgTree.nearest(parentId, 'committee')?.id !== committeeId)
    throw invalidInput('parentId', '不能把党小组移到其他党委的党支部');
  requirePermission(caller, orgTree, 'org.manage', parentId);
  if (target.archived) throw invalidInput('parentId', '目标党支部已撤销');
  if (org.parentId === parentId) throw invalidInput('parentId', '该党小组已在这个党支部下');
  if (orgTree.children(parentId).some((o) => o.name === org.name && !o.archived))
    throw conflict(`${target.name}已有同名党小组，请先改名`);
  return { caller, orgTree, org, target, committeeId };
}

/** Moving a group takes its roster along: at most this many entries in the one transaction. */
const MOVE_LIMIT = 200;

export const moveOrg = action(rosterSchemas.moveOrg, async (ctx, input): Promise<RosterOutputs['moveOrg']> => {
  const { caller, orgTree, org, target, committeeId } = await movableGroup(ctx, input.id, input.parentId);
  // An open activity's points and lists follow the branch it was created in: close it first.
  if (await hasOpenActivity(ctx.store, org.id)) throw conflict('该党小组还有未结束的活动，请结束或取消后再移动');
  const memberIds = await memberIdsOfGroup(ctx.store, org.id);
  if (memberIds.length > MOVE_LIMIT) throw invalidInput('id', `该党小组人数超过 ${MOVE_LIMIT}，请分批转接后再移动`);
  const from = org.parentId ? (orgTree.get(org.parentId)?.name ?? '') : '';
  const now = ctx.clock().toISOString();
  await ctx.store.transaction(async (tx) => {
    // Read again inside the transaction: of two moves at once, the second finds the group moved.
    const current = await tx.get('orgs', org.id);
    if (!current || current.archivedAt) throw notFound('组织');
    if (current.parentId !== org.parentId) throw conflict('该党小组刚被移动过，请刷新后再试');
    await tx.update('orgs', org.id, { $set: { parentId: target.id } });
    for (const memberId of memberIds) {
      const member: MemberDoc | null = await tx.get('members', memberId);
      if (!member || member.groupId !== org.id) continue;
      const note = `随${org.name}由${from}移至${target.name}`;
      await tx.update('members', memberId, {
        $set: {
          branchId: target.id,
          updatedAt: now,
          history: [...member.history, { at: now, action: 'transferred', note }],
        },
      });
    }
    await writeAudit(tx, ctx, caller.openid, {
      action: 'org.move',
      target: `orgs/${org.id}`,
      committeeId,
      before: { parentId: org.parentId, parentName: from },
      after: { parentId: target.id, parentName: target.name, members: memberIds.length },
    });
  });
  return { id: org.id, parentId: target.id };
});

/** Why a node may not be archived, or null. */
async function archiveRefusal(ctx: HandlerContext, orgTree: OrgTree, id: string): Promise<AppError | null> {
  const org = orgTree.get(id);
  if (!org) return notFound('组织');
  if (org.kind === 'committee') return invalidInput('id', '党委不能撤销');
  if (org.archived) return conflict('该组织已撤销');
  const children = orgTree.children(id).filter((o) => !o.archived);
  if (children.length) return conflict(`该组织下还有${children.map((o) => o.name).join('、')}，请先撤销或移走下级组织`);
  const place = membersOf(orgTree, id);
  // The people on the way count too: their files name the branch (发展党员 closes them).
  const [members, onTheWay] = await Promise.all([
    activeMemberCountOf(ctx.store, place, MEMBERSHIP_STATUSES),
    activeMemberCountOf(ctx.store, place, CANDIDATE_STATUSES),
  ]);
  if (members || onTheWay) {
    const who = [members ? `${members} 名在册党员` : '', onTheWay ? `入党积极分子等 ${onTheWay} 人` : ''];
    return conflict(`该组织还有${who.filter(Boolean).join('和')}，请先转接或停用后再撤销`);
  }
  const roles = await rolesOnOrg(ctx.store, id);
  if (roles.length) return conflict(`该组织还有 ${roles.length} 项任职，请先撤销职务`);
  return null;
}

export const archiveOrg = action(rosterSchemas.archiveOrg, async (ctx, input): Promise<RosterOutputs['archiveOrg']> => {
  const caller = await loadCaller(ctx);
  const orgTree = await loadTree(ctx);
  if (!orgTree.get(input.id)) throw notFound('组织');
  requirePermission(caller, orgTree, 'org.manage', input.id);
  const refused = await archiveRefusal(ctx, orgTree, input.id);
  if (refused) throw refused;
  const org = orgTree.get(input.id);
  const now = ctx.clock().toISOString();
  await ctx.store.transaction(async (tx) => {
    // Of two archivings at once, the second finds the node archived.
    const current = await tx.get('orgs', input.id);
    if (!current) throw notFound('组织');
    if (current.archivedAt) throw conflict('该组织已撤销');
    await tx.update('orgs', input.id, { $set: { archivedAt: now } });
    await writeAudit(tx, ctx, caller.openid, {
      action: 'org.archive',
      target: `orgs/${input.id}`,
      committeeId: orgTree.nearest(input.id, 'committee')?.id ?? null,
      before: { name: org?.name ?? '', kind: org?.kind ?? null },
    });
  });
  return { id: input.id };
});

/**
 * A branch's invitation: the path of 亮身份 with the branch chosen, and its 小程序码 (one per branch
 * and instance; the code holds no secret, so anyone it reaches may declare, and the secretary reviews).
 */
export const inviteCode = action(rosterSchemas.inviteCode, async (ctx, input): Promise<RosterOutputs['inviteCode']> => {
  const caller = await loadCaller(ctx);
  const orgTree = await loadTree(ctx);
  const org = orgTree.get(input.orgId);
  if (!org) throw notFound('党支部');
  requirePermission(caller, orgTree, 'org.manage', org.id);
  if (org.kind !== 'branch') throw invalidInput('orgId', '只能邀请加入党支部');
  if (org.archived) throw invalidInput('orgId', '该党支部已撤销');
  const image = await miniProgramCodeImage(ctx, {
    key: `invite:${org.id}`,
    scene: inviteScene(org.id),
    page: INVITE_PAGE,
  });
  return { orgId: org.id, path: `/${INVITE_PAGE}?orgId=${encodeURIComponent(org.id)}`, image };
});

async function memberNameByOpenid(
  ctx: HandlerContext,
  openid: string,
): Promise<{ memberId: string; name: string } | null> {
  const binding = await ctx.store.get('bindings', openid);
  const member = binding ? await ctx.store.get('members', binding.memberId) : null;
  return member ? { memberId: member._id, name: member.name } : null;
}

export const listRoles = action(rosterSchemas.listRoles, async (ctx, input): Promise<RosterOutputs['listRoles']> => {
  const caller = await loadCaller(ctx);
  const orgTree = await loadTree(ctx);
  requirePermission(caller, orgTree, 'org.manage', input.orgId);
  const roles = await rolesOnOrg(ctx.store, input.orgId);
  const items = await Promise.all(
    roles.map(async (r) => {
      const who = await memberNameByOpenid(ctx, r.openid);
      return { orgId: r.orgId, role: r.role, memberId: who?.memberId ?? null, name: who?.name ?? null };
    }),
  );
  return { items };
});

async function roleTarget(ctx: HandlerContext, orgId: string, memberId: string) {
  const caller = await loadCaller(ctx);
  const orgTree = await loadTree(ctx);
  requirePermission(caller, orgTree, 'org.manage', orgId);
  const member = await ctx.store.get('members', memberId);
  if (!member || member.status !== 'active') throw notFound('党员');
  if (!member.openid) throw invalidInput('memberId', '该党员尚未绑定微信，请先完成亮身份');
  return { caller, member, openid: member.openid, committeeId: orgTree.nearest(orgId, 'committee')?.id ?? null };
}

const roleId = (openid: string, orgId: string, role: Role) => `${openid}:${orgId}:${role}`;

export const grantRole = action(rosterSchemas.grantRole, async (ctx, input): Promise<RosterOutputs['grantRole']> => {
  const { caller, member, openid, committeeId } = await roleTarget(ctx, input.orgId, input.memberId);
  const now = ctx.clock().toISOString();
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.create('roles', {
        _id: roleId(openid, input.orgId, input.role),
        openid,
        orgId: input.orgId,
        role: input.role,
        grantedBy: caller.openid,
        at: now,
      });
      await writeAudit(tx, ctx, caller.openid, {
        action: 'role.grant',
        target: `members/${input.memberId}`,
        committeeId,
        // The name too, so that the 操作日志 says whom without another read.
        after: { ...input, name: member.name },
      });
    });
  } catch (error) {
    if (error instanceof DuplicateIdError) throw conflict('该党员已有此职务');
    throw error;
  }
  return input;
});

export const revokeRole = action(rosterSchemas.revokeRole, async (ctx, input): Promise<RosterOutputs['revokeRole']> => {
  const { caller, member, openid, committeeId } = await roleTarget(ctx, input.orgId, input.memberId);
  if (openid === caller.openid && input.role === 'admin') throw forbidden('不能撤销自己的管理员权限');
  await ctx.store.transaction(async (tx) => {
    const removed = await tx.remove('roles', roleId(openid, input.orgId, input.role));
    if (!removed) throw notFound('该职务');
    await writeAudit(tx, ctx, caller.openid, {
      action: 'role.revoke',
      target: `members/${input.memberId}`,
      committeeId,
      before: { ...input, name: member.name },
    });
  });
  return input;
});

export const auditLog = action(rosterSchemas.auditLog, async (ctx, input): Promise<RosterOutputs['auditLog']> => {
  const caller = await loadCaller(ctx);
  const committees = scopesFor(caller.roles, 'audit.read');
  if (!committees.length) throw forbidden('只有管理员可以查看操作日志');
  const page = input?.page ?? 1;
  const pageSize = input?.pageSize ?? 20;
  let actor: string | undefined;
  if (input?.actorMemberId) {
    const member = await ctx.store.get('members', input.actorMemberId);
    // Someone never bound to WeChat has done nothing: an empty page, not an error.
    if (!member?.openid) return { items: [], page, pageSize, hasMore: false };
    actor = member.openid;
  }
  const { docs, total } = await auditPage(ctx.store, committees, page, pageSize, {
    actor,
    action: input?.action,
    from: input?.from ? chinaDayStart(input.from) : undefined,
    until: input?.to ? chinaDayStart(input.to, 1) : undefined,
  });
  const names = new Map<string, string | null>();
  for (const actor of new Set(docs.map((d) => d.actor)))
    names.set(actor, (await memberNameByOpenid(ctx, actor))?.name ?? null);
  const items: AuditEntry[] = docs.map((d) => ({
    id: d._id,
    at: d.at,
    actor: d.actor,
    actorName: names.get(d.actor) ?? null,
    action: d.action,
    target: d.target,
    before: d.before,
    after: d.after,
  }));
  return { items, page, pageSize, hasMore: page * pageSize < total };
});
