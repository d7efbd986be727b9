import { rosterSchemas } from '../../contracts/roster';
import type { MemberHistoryEntry, RosterOutputs } from '../../contracts/roster';
import type { BindingDoc, MemberDoc, RoleDoc } from '../model';
import type { HandlerContext } from '../runtime/context';
import { action } from '../runtime/dispatch';
import { conflict, invalidInput, notFound } from '../runtime/errors';
import { writeAudit } from './audit';
import { loadCaller, loadTree, requirePermission, type Caller } from './caller';
import { auditView, membersOf, placementFor, toRosterMember } from './roster-scope';
import { chinaDate } from '../domain/china-time';
import type { OrgTree } from '../domain/org-tree';
import { MAX_QUERY_LIMIT, type TxStore } from '../store/port';
import { forgetMembers } from './snapshots';

async function loadManagedMember(ctx: HandlerContext, id: string, permission: 'roster.read' | 'roster.write') {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const member = await ctx.store.get<MemberDoc>('members', id);
  if (!member) throw notFound('党员');
  requirePermission(caller, tree, permission, member.branchId);
  return { caller, tree, member };
}

/** An active member of the committee already holding this phone, other than `exceptId`. */
export async function phoneHolder(ctx: HandlerContext, committeeId: string, phone: string, exceptId?: string) {
  const holders = await ctx.store.query<MemberDoc>('members', {
    where: { phone, committeeId, status: 'active' },
    limit: 5,
  });
  return holders.find((m) => m._id !== exceptId) ?? null;
}

function phoneTaken(tree: OrgTree, holder: MemberDoc) {
  return conflict(`该手机号已登记在${tree.get(holder.branchId)?.name ?? '其他支部'}的${holder.name}名下`);
}

/** Writes the member with a history line and an audit entry, in one transaction. */
async function saveMember(
  ctx: HandlerContext,
  caller: Caller,
  before: MemberDoc,
  after: MemberDoc,
  auditAction: string,
  history: MemberHistoryEntry,
  extra?: (tx: TxStore) => Promise<void>,
) {
  await ctx.store.transaction(async (tx) => {
    const current = await tx.get<MemberDoc>('members', before._id);
    if (!current || JSON.stringify(current) !== JSON.stringify(before))
      throw conflict('该党员信息刚被他人修改，请刷新后重试');
    await tx.set<MemberDoc>('members', { ...after, updatedAt: history.at, history: [...after.history, history] });
    if (extra) await extra(tx);
    await writeAudit(tx, ctx, caller.openid, {
      action: auditAction,
      target: `members/${before._id}`,
      committeeId: before.committeeId,
      before: auditView(before),
      after: auditView(after),
    });
  });
  forgetMembers(ctx.store);
}

export const listMembers = action(
  rosterSchemas.listMembers,
  async (ctx, input): Promise<RosterOutputs['listMembers']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    requirePermission(caller, tree, 'roster.read', input.orgId);
    const where = { ...membersOf(tree, input.orgId), ...(input.status === 'all' ? {} : { status: input.status }) };
    if (input.query) Object.assign(where, { name: { $contains: input.query } });
    const [docs, total] = await Promise.all([
      ctx.store.query<MemberDoc>('members', {
        where,
        orderBy: [['name', 'asc']],
        limit: input.pageSize,
        skip: (input.page - 1) * input.pageSize,
      }),
      ctx.store.count('members', where),
    ]);
    return {
      items: docs.map((m) => toRosterMember(m, tree, caller, chinaDate(ctx.clock()))),
      total,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
);

export const getMember = action(rosterSchemas.getMember, async (ctx, input): Promise<RosterOutputs['getMember']> => {
  const { caller, tree, member } = await loadManagedMember(ctx, input.id, 'roster.read');
  return {
    ...toRosterMember(member, tree, caller, chinaDate(ctx.clock())),
    history: member.history,
    inactiveReason: member.inactiveReason,
  };
});

export const createMember = action(
  rosterSchemas.createMember,
  async (ctx, input): Promise<RosterOutputs['createMember']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    requirePermission(caller, tree, 'roster.write', input.orgId);
    const placement = placementFor(tree, input.orgId);
    checkDates(input.partyStatus, input.joinedAt, input.fullAt ?? null);
    const holder = await phoneHolder(ctx, placement.committeeId, input.phone);
    if (holder) throw phoneTaken(tree, holder);
    const now = ctx.clock().toISOString();
    const member: MemberDoc = {
      _id: ctx.newId(),
      name: input.name,
      phone: input.phone,
      partyStatus: input.partyStatus,
      joinedAt: input.joinedAt,
      fullAt: input.fullAt ?? null,
      ...placement,
      status: 'active',
      inactiveReason: null,
      openid: null,
      externalOrg: null,
      history: [{ at: now, action: 'created', note: '书记新增' }],
      createdAt: now,
      updatedAt: now,
    };
    await ctx.store.transaction(async (tx) => {
      await tx.create('members', member);
      await writeAudit(tx, ctx, caller.openid, {
        action: 'member.create',
        target: `members/${member._id}`,
        committeeId: member.committeeId,
        after: auditView(member),
      });
    });
    return { id: member._id };
  },
);

export function checkDates(partyStatus: string, joinedAt: string, fullAt: string | null): void {
  if (partyStatus === 'full' && !fullAt) throw invalidInput('fullAt', '正式党员请填写转正日期');
  if (partyStatus === 'probationary' && fullAt) throw invalidInput('fullAt', '预备党员尚无转正日期');
  if (fullAt && fullAt < joinedAt) throw invalidInput('fullAt', '转正日期不能早于入党日期');
}

export const updateMember = action(
  rosterSchemas.updateMember,
  async (ctx, input): Promise<RosterOutputs['updateMember']> => {
    const { caller, tree, member } = await loadManagedMember(ctx, input.id, 'roster.write');
    if (member.status !== 'active') throw conflict('该党员已停用，不能修改');
    const { id, ...changes } = input;
    const after: MemberDoc = { ...member };
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) Object.assign(after, { [key]: value });
    if (input.partyStatus === 'probationary' && input.fullAt === undefined) after.fullAt = null;
    checkDates(after.partyStatus, after.joinedAt, after.fullAt);
    if (after.groupId && tree.get(after.groupId)?.parentId !== member.branchId)
      throw invalidInput('groupId', '只能编入本支部的党小组');
    if (after.phone !== member.phone) {
      const holder = await phoneHolder(ctx, member.committeeId, after.phone, member._id);
      if (holder) throw phoneTaken(tree, holder);
    }
    const changed = Object.keys(changes).filter((k) => k !== 'id');
    const now = ctx.clock().toISOString();
    await saveMember(ctx, caller, member, after, 'member.update', {
      at: now,
      action: 'updated',
      note: `修改了${changed.length}项信息`,
    });
    return { id };
  },
);

export const deactivateMember = action(
  rosterSchemas.deactivateMember,
  async (ctx, input): Promise<RosterOutputs['deactivateMember']> => {
    const { caller, member } = await loadManagedMember(ctx, input.id, 'roster.write');
    if (member.status !== 'active') throw conflict('该党员已停用');
    const reason = input.note ? `${input.reason}：${input.note}` : input.reason;
    const after: MemberDoc = { ...member, status: 'inactive', inactiveReason: reason, openid: null };
    const now = ctx.clock().toISOString();
    // A member who leaves the roster also leaves every office held through their WeChat identity.
    const roles = member.openid
      ? await ctx.store.query<RoleDoc>('roles', { where: { openid: member.openid }, limit: MAX_QUERY_LIMIT })
      : [];
    await saveMember(
      ctx,
      caller,
      member,
      after,
      'member.deactivate',
      { at: now, action: 'deactivated', note: reason },
      async (tx) => {
        if (!member.openid) return;
        const binding = await tx.get<BindingDoc>('bindings', member.openid);
        if (binding?.memberId === member._id) await tx.remove('bindings', member.openid);
        for (const role of roles) await tx.remove('roles', role._id);
      },
    );
    return { id: member._id, status: 'inactive' };
  },
);

export const transferMember = action(
  rosterSchemas.transferMember,
  async (ctx, input): Promise<RosterOutputs['transferMember']> => {
    const { caller, tree, member } = await loadManagedMember(ctx, input.id, 'roster.write');
    if (member.status !== 'active') throw conflict('该党员已停用，不能转接');
    requirePermission(caller, tree, 'roster.write', input.toOrgId);
    const placement = placementFor(tree, input.toOrgId, 'toOrgId');
    if (placement.branchId === member.branchId && placement.groupId === member.groupId)
      throw invalidInput('toOrgId', '已在该组织中');
    if (placement.committeeId !== member.committeeId) {
      const holder = await phoneHolder(ctx, placement.committeeId, member.phone, member._id);
      if (holder) throw phoneTaken(tree, holder);
    }
    const from = tree.get(member.groupId ?? member.branchId)?.name ?? '';
    const to = tree.get(input.toOrgId)?.name ?? '';
    const note = `由${from}转至${to}${input.note ? `：${input.note}` : ''}`;
    const now = ctx.clock().toISOString();
    await saveMember(ctx, caller, member, { ...member, ...placement }, 'member.transfer', {
      at: now,
      action: 'transferred',
      note,
    });
    return { id: member._id, orgId: placement.branchId };
  },
);
