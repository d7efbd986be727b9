import { auditPage, rolesOnOrg } from '../queries';
import { rosterSchemas, type AuditEntry, type RosterOutputs } from '../../../contracts/roster';
import type { Role } from '../../../contracts/common';
import { scopesFor } from '../../shared/permissions';
import type { OrgDoc } from '../documents';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden, invalidInput, notFound } from '../../runtime/errors';
import { DuplicateIdError } from '../../store/port';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requireOpenid, requirePermission } from '../../shared/caller';

/** Any signed-in user may read the whole tree: a visitor picks their branch from it when declaring. */
export const tree = action(rosterSchemas.tree, async (ctx): Promise<RosterOutputs['tree']> => {
  requireOpenid(ctx);
  const orgTree = await loadTree(ctx);
  return { orgs: orgTree.all() };
});

const CHILD_KIND = { committee: 'branch', branch: 'group', group: null } as const;

export const createOrg = action(rosterSchemas.createOrg, async (ctx, input): Promise<RosterOutputs['createOrg']> => {
  const caller = await loadCaller(ctx);
  const orgTree = await loadTree(ctx);
  requirePermission(caller, orgTree, 'org.manage', input.parentId);
  const parent = orgTree.get(input.parentId);
  if (!parent) throw notFound('上级组织');
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
  const { caller, openid, committeeId } = await roleTarget(ctx, input.orgId, input.memberId);
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
        after: input,
      });
    });
  } catch (error) {
    if (error instanceof DuplicateIdError) throw conflict('该党员已有此职务');
    throw error;
  }
  return input;
});

export const revokeRole = action(rosterSchemas.revokeRole, async (ctx, input): Promise<RosterOutputs['revokeRole']> => {
  const { caller, openid, committeeId } = await roleTarget(ctx, input.orgId, input.memberId);
  if (openid === caller.openid && input.role === 'admin') throw forbidden('不能撤销自己的管理员权限');
  await ctx.store.transaction(async (tx) => {
    const removed = await tx.remove('roles', roleId(openid, input.orgId, input.role));
    if (!removed) throw notFound('该职务');
    await writeAudit(tx, ctx, caller.openid, {
      action: 'role.revoke',
      target: `members/${input.memberId}`,
      committeeId,
      before: input,
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
  const { docs, total } = await auditPage(ctx.store, committees, page, pageSize);
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
