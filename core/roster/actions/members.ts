import { rolesOfAccount, rosterPage, statusCounts } from '../queries';
import { rosterSchemas } from '../../../contracts/roster';
import type { MemberActionsAllowed, MemberHistoryEntry, RosterOutputs } from '../../../contracts/roster';
import type { MemberDoc } from '../documents';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden, invalidInput, notFound, type AppError } from '../../runtime/errors';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission, type Caller } from '../../shared/caller';
import { asPhoneConflict, claimPhone, ensurePhoneKeys, releasePhone } from '../phone-keys';
import { auditView, memberOrgOf, membersOf, placementFor, profileOf, toRosterMember } from '../scope';
import { MIN_JOIN_AGE } from '../../../contracts/labels/roster';
import { isPartyMember, PARTY_STATUS_LABELS } from '../../../contracts/labels/common';
import { chinaDate } from '../../shared/china-time';
import type { OrgTree } from '../../shared/org-tree';
import { can, type RoleGrant } from '../../shared/permissions';
import { describeRoles, rolesBeyondReach, rolesNotRevocableBy } from '../../shared/role-precedence';
import { forgetMembers } from '../../shared/snapshots';
import type { Tx } from '../../shared/collections';
import { countedPage } from '../../shared/paging';

/** What is done to a roster entry: who may do it depends on it. */
type Change = 'update' | 'exempt' | 'transfer' | 'deactivate';
const VERB: Record<Change, string> = { update: '修改', exempt: '修改', transfer: '转接', deactivate: '停用' };

/**
 * Why the caller may not make `change` to the member's entry, or null when they may (scope over the
 * member is checked apart). The caller must rank above every role the member holds: a lower role
 * never acts on a higher one's entry (see `rolesBeyondReach`). One's own entry may be corrected,
 * never exempted, transferred or deactivated by oneself. Deactivating also ends the member's roles,
 * so it takes someone who could revoke them. `getMember`'s `allowed` flags come from here too.
 */
function refusal(
  tree: OrgTree,
  caller: Caller,
  member: MemberDoc,
  roles: RoleGrant[],
  change: Change,
): AppError | null {
  const own = caller.member?._id === member._id;
  // 发展党员 keeps where someone on the way belongs (their file names the branch and group) and closes the file.
  if ((change === 'transfer' || change === 'deactivate') && !isPartyMember(member.partyStatus))
    return conflict(onTheWayRefusal(member, VERB[change]));
  // 免参加 spares its holder the absence deduction: never one's own doing (separation of duties).
  if (own && change === 'exempt') return forbidden('不能为自己设置或取消免参加，请由其他书记或上级组织办理');
  const beyond = own && change === 'update' ? [] : rolesBeyondReach(tree, caller.roles, 'roster.write', roles);
  if (beyond.length)
    return forbidden(
      `该党员担任${describeRoles(tree, beyond)}职务，不低于您的职务，不能${VERB[change]}其花名册记录，请由上级组织办理`,
    );
  const unrevocable = change === 'deactivate' ? rolesNotRevocableBy(tree, caller.roles, roles) : [];
  if (unrevocable.length)
    return forbidden(`该党员担任${describeRoles(tree, unrevocable)}职务，停用将一并撤销其职务，请由党委管理员办理`);
  return null;
}

/** Why the roster does not move or retire someone on the way to membership: 发展党员 does, with their file. */
const onTheWayRefusal = (member: MemberDoc, verb: string) =>
  `${member.name}是${PARTY_STATUS_LABELS[member.partyStatus]}，其所在支部、党小组和发展档案由“发展党员”管理，不能在花名册中${verb}，请在“发展党员”中办理`;

/** The member, after checking the caller's scope over the member's own org (their group, or their branch). */
async function loadMember(ctx: HandlerContext, id: string, permission: 'roster.read' | 'roster.write') {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const member = await ctx.store.get('members', id);
  if (!member) throw notFound('党员');
  requirePermission(caller, tree, permission, memberOrgOf(member));
  const roleDocs = member.openid ? await rolesOfAccount(ctx.store, member.openid) : [];
  const roles: RoleGrant[] = roleDocs.map((r) => ({ orgId: r.orgId, role: r.role }));
  return { caller, tree, member, roles, roleDocs };
}

/** The member the caller may make `change` to (see `refusal`); FORBIDDEN otherwise. */
async function loadManagedMember(ctx: HandlerContext, id: string, change: Exclude<Change, 'exempt'>) {
  const loaded = await loadMember(ctx, id, 'roster.write');
  const refused = refusal(loaded.tree, loaded.caller, loaded.member, loaded.roles, change);
  if (refused) throw refused;
  return loaded;
}

/** What the caller may do to the entry: exactly the changes the actions below would accept. */
function allowedChanges(tree: OrgTree, caller: Caller, member: MemberDoc, roles: RoleGrant[]): MemberActionsAllowed {
  const writable = member.status === 'active' && can(caller.roles, tree, 'roster.write', memberOrgOf(member));
  const may = (change: Change) => writable && refusal(tree, caller, member, roles, change) === null;
  return {
    edit: may('update'),
    exempt: may('update') && may('exempt'),
    transfer: may('transfer'),
    deactivate: may('deactivate'),
  };
}

/** Writes the member with a history line and an audit entry, in one transaction. */
async function saveMember(
  ctx: HandlerContext,
  caller: Caller,
  tree: OrgTree,
  before: MemberDoc,
  after: MemberDoc,
  auditAction: string,
  history: MemberHistoryEntry,
  extra?: (tx: Tx) => Promise<void>,
) {
  try {
    await ctx.store.transaction(async (tx) => {
      const current = await tx.get('members', before._id);
      if (!current || JSON.stringify(current) !== JSON.stringify(before))
        throw conflict('该党员信息刚被他人修改，请刷新后重试');
      await tx.set('members', { ...after, updatedAt: history.at, history: [...after.history, history] });
      if (extra) await extra(tx);
      await writeAudit(tx, ctx, caller.openid, {
        action: auditAction,
        target: `members/${before._id}`,
        committeeId: before.committeeId,
        before: auditView(before),
        after: auditView(after),
      });
    });
  } catch (error) {
    throw await asPhoneConflict(ctx, caller, tree, error);
  }
  forgetMembers(ctx.store);
}

/** Moves the member's phone key when their number or committee changes (in the member's transaction). */
const movePhoneKey = (before: MemberDoc, after: MemberDoc, at: string) => async (tx: Tx) => {
  if (before.phone === after.phone && before.committeeId === after.committeeId) return;
  await releasePhone(tx, before);
  await claimPhone(tx, after, at);
};

export const listMembers = action(
  rosterSchemas.listMembers,
  async (ctx, input): Promise<RosterOutputs['listMembers']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    requirePermission(caller, tree, 'roster.read', input.orgId);
    const base = { ...membersOf(tree, input.orgId), ...(input.status === 'all' ? {} : { status: input.status }) };
    if (input.query) Object.assign(base, { name: { $contains: input.query } });
    const where = input.statuses ? { ...base, partyStatus: { $in: input.statuses } } : base;
    const [{ docs, total }, byStatus] = await Promise.all([
      rosterPage(ctx.store, where, input.page, input.pageSize, input.category),
      input.countStatuses ? statusCounts(ctx.store, base, input.category) : null,
    ]);
    const page = countedPage(
      docs.map((m) => toRosterMember(m, tree, caller, chinaDate(ctx.clock()))),
      input,
      total,
    );
    return byStatus ? { ...page, byStatus } : page;
  },
);

export const getMember = action(rosterSchemas.getMember, async (ctx, input): Promise<RosterOutputs['getMember']> => {
  const { caller, tree, member, roles } = await loadMember(ctx, input.id, 'roster.read');
  return {
    ...toRosterMember(member, tree, caller, chinaDate(ctx.clock())),
    ...profileOf(member),
    contacts: member.contacts ?? [],
    sponsors: member.sponsors ?? [],
    history: member.history,
    inactiveReason: member.inactiveReason,
    allowed: allowedChanges(tree, caller, member, roles),
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
    checkBirthDate(input.birthDate ?? null, input.joinedAt, chinaDate(ctx.clock()));
    await ensurePhoneKeys(ctx, tree);
    const now = ctx.clock().toISOString();
    const member: MemberDoc = {
      _id: ctx.newId(),
      name: input.name,
      phone: input.phone ?? null,
      landline: input.landline ?? null,
      partyStatus: input.partyStatus,
      joinedAt: input.joinedAt,
      fullAt: input.fullAt ?? null,
      ...placement,
      status: 'active',
      inactiveReason: null,
      openid: null,
      externalOrg: null,
      gender: input.gender ?? null,
      birthDate: input.birthDate ?? null,
      ethnicity: input.ethnicity ?? null,
      education: input.education ?? null,
      workUnit: input.workUnit ?? null,
      categories: input.categories ?? [],
      history: [{ at: now, action: 'created', note: '书记新增' }],
      createdAt: now,
      updatedAt: now,
    };
    try {
      await ctx.store.transaction(async (tx) => {
        await claimPhone(tx, member, now);
        await tx.create('members', member);
        await writeAudit(tx, ctx, caller.openid, {
          action: 'member.create',
          target: `members/${member._id}`,
          committeeId: member.committeeId,
          after: auditView(member),
        });
      });
    } catch (error) {
      throw await asPhoneConflict(ctx, caller, tree, error);
    }
    return { id: member._id };
  },
);

export function checkDates(partyStatus: string, joinedAt: string | null, fullAt: string | null): void {
  if (!joinedAt) throw invalidInput('joinedAt', '请填写入党日期');
  if (partyStatus === 'full' && !fullAt) throw invalidInput('fullAt', '正式党员请填写转正日期');
  if (partyStatus === 'probationary' && fullAt) throw invalidInput('fullAt', '预备党员尚无转正日期');
  if (fullAt && fullAt < joinedAt) throw invalidInput('fullAt', '转正日期不能早于入党日期');
}

/**
 * 出生日期 not after today, and at least MIN_JOIN_AGE years before 入党日期 (入党 takes 年满十八岁).
 * Calendar dates compare as strings; a 29 February birthday reaches the age on 1 March.
 */
export function checkBirthDate(birthDate: string | null, joinedAt: string | null, today: string): void {
  if (!birthDate) return;
  if (birthDate > today) throw invalidInput('birthDate', '出生日期不能晚于今天');
  const ofAge = `${Number(birthDate.slice(0, 4)) + MIN_JOIN_AGE}${birthDate.slice(4)}`;
  if (joinedAt && joinedAt < ofAge)
    throw invalidInput(
      'birthDate',
      `出生日期与入党日期不符：入党须年满十八岁，${birthDate} 出生的党员最早 ${ofAge} 入党，请核对出生日期或入党日期`,
    );
}

export const updateMember = action(
  rosterSchemas.updateMember,
  async (ctx, input): Promise<RosterOutputs['updateMember']> => {
    const { caller, tree, member, roles } = await loadManagedMember(ctx, input.id, 'update');
    const refused = input.exemptReason !== undefined ? refusal(tree, caller, member, roles, 'exempt') : null;
    if (refused) throw refused;
    if (member.status !== 'active') throw conflict('该党员已停用，不能修改');
    const { id, ...changes } = input;
    const after: MemberDoc = { ...member };
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) Object.assign(after, { [key]: value });
    if (!isPartyMember(member.partyStatus)) {
      // 发展党员 moves them on, step by step with its time rules: the roster form cannot skip the steps.
      const skipped = (['partyStatus', 'joinedAt', 'fullAt'] as const).find((key) => input[key] !== undefined);
      if (skipped)
        throw invalidInput(
          skipped,
          `${PARTY_STATUS_LABELS[member.partyStatus]}的身份和日期由发展党员档案记录，请在发展党员中办理相应步骤`,
        );
    } else {
      if (input.partyStatus === 'probationary' && input.fullAt === undefined) after.fullAt = null;
      checkDates(after.partyStatus, after.joinedAt, after.fullAt);
    }
    // Checked when either date is given, so an older entry's other edits are never held up by it.
    if (input.birthDate !== undefined || input.joinedAt !== undefined)
      checkBirthDate(after.birthDate ?? null, after.joinedAt, chinaDate(ctx.clock()));
    if (after.groupId !== member.groupId && !isPartyMember(member.partyStatus))
      throw conflict(onTheWayRefusal(member, '调整党小组'));
    if (after.groupId && tree.get(after.groupId)?.parentId !== member.branchId)
      throw invalidInput('groupId', '只能编入本支部的党小组');
    // Moving a member between groups takes authority over where they go, as a transfer does.
    if (after.groupId !== member.groupId) requirePermission(caller, tree, 'roster.write', memberOrgOf(after));
    if (after.phone !== member.phone) await ensurePhoneKeys(ctx, tree);
    const changed = Object.keys(changes).filter((k) => k !== 'id');
    const now = ctx.clock().toISOString();
    await saveMember(
      ctx,
      caller,
      tree,
      member,
      after,
      'member.update',
      { at: now, action: 'updated', note: `修改了${changed.length}项信息` },
      movePhoneKey(member, after, now),
    );
    return { id };
  },
);

export const deactivateMember = action(
  rosterSchemas.deactivateMember,
  async (ctx, input): Promise<RosterOutputs['deactivateMember']> => {
    const { caller, tree, member, roleDocs } = await loadManagedMember(ctx, input.id, 'deactivate');
    if (member.status !== 'active') throw conflict('该党员已停用');
    const reason = input.note ? `${input.reason}：${input.note}` : input.reason;
    const after: MemberDoc = { ...member, status: 'inactive', inactiveReason: reason, openid: null };
    const now = ctx.clock().toISOString();
    await saveMember(
      ctx,
      caller,
      tree,
      member,
      after,
      'member.deactivate',
      { at: now, action: 'deactivated', note: reason },
      async (tx) => {
        // The number is free for someone else once its holder has left the roster.
        await releasePhone(tx, member);
        if (!member.openid) return;
        const binding = await tx.get('bindings', member.openid);
        if (binding?.memberId === member._id) await tx.remove('bindings', member.openid);
        for (const role of roleDocs) await tx.remove('roles', role._id);
      },
    );
    return { id: member._id, status: 'inactive' };
  },
);

export const transferMember = action(
  rosterSchemas.transferMember,
  async (ctx, input): Promise<RosterOutputs['transferMember']> => {
    const { caller, tree, member } = await loadManagedMember(ctx, input.id, 'transfer');
    if (member.status !== 'active') throw conflict('该党员已停用，不能转接');
    requirePermission(caller, tree, 'roster.write', input.toOrgId);
    const placement = placementFor(tree, input.toOrgId, 'toOrgId');
    if (placement.branchId === member.branchId && placement.groupId === member.groupId)
      throw invalidInput('toOrgId', '已在该组织中');
    const after: MemberDoc = { ...member, ...placement };
    if (after.committeeId !== member.committeeId) await ensurePhoneKeys(ctx, tree);
    const from = tree.get(member.groupId ?? member.branchId)?.name ?? '';
    const to = tree.get(input.toOrgId)?.name ?? '';
    const note = `由${from}转至${to}${input.note ? `：${input.note}` : ''}`;
    const now = ctx.clock().toISOString();
    await saveMember(
      ctx,
      caller,
      tree,
      member,
      after,
      'member.transfer',
      { at: now, action: 'transferred', note },
      movePhoneKey(member, after, now),
    );
    return { id: member._id, orgId: placement.branchId };
  },
);
