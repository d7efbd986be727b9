import { memberIdsOfGroup } from '../../roster';
import { ledgerPageRead, type LedgerPlace } from '../queries';
import { chinaDayStart } from '../../shared/china-time';
import { can } from '../../shared/permissions';
import { rolesBeyondLedgerReach } from '../../shared/role-precedence';
import type { OrgTree } from '../../shared/org-tree';
import type { Caller } from '../../shared/caller';
import { randomBytes } from 'node:crypto';
import { pointsSchemas, type LedgerEntryView, type PointsOutputs } from '../../../contracts/points';
import type { MemberDoc } from '../../roster';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden, invalidInput, notFound } from '../../runtime/errors';
import { DuplicateIdError } from '../../store/port';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { byIds, pageOfRead } from '../../shared/paging';
import type { PointRequestDoc } from '../documents';
import { postEntry, REVERSAL_IS_FINAL, reversalId, reverseEntry, type LedgerDoc } from '../ledger';
import { requireLedgerReach, rolesOfMembers } from '../precedence';
import { findRule, loadRules, notApplicableMessage, recordableByHand, ruleApplies } from '../rules';
import { committeeOf } from './support';
import { notify } from '../../notices';

async function claimRequest(ctx: HandlerContext, request: PointRequestDoc): Promise<void> {
  const same = (doc: PointRequestDoc | null) =>
    doc !== null &&
    doc.recordedBy === request.recordedBy &&
    doc.rule === request.rule &&
    doc.reason === request.reason &&
    doc.memberIds.join(',') === request.memberIds.join(',');
  try {
    await ctx.store.create('pointRequests', request);
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error;
    if (!same(await ctx.store.get('pointRequests', request._id))) throw conflict('该请求编号已用于另一条记录');
  }
}

export const record = action(pointsSchemas.record, async (ctx, input): Promise<PointsOutputs['record']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const memberIds = [...new Set(input.memberIds)];
  const members = await byIds(ctx.store, 'members', memberIds);
  for (const [index, id] of memberIds.entries()) {
    const member = members.get(id);
    if (!member || member.status !== 'active') throw invalidInput(`memberIds.${index}`, '党员不存在或已停用');
    requirePermission(caller, tree, 'points.write', member.branchId);
    if (caller.member?._id === id) throw forbidden('不能为自己记分');
  }
  await requireLedgerReach(ctx, caller, tree, [...members.values()], 'record');
  const committeeIds = new Set([...members.values()].map((m) => m.committeeId));
  if (committeeIds.size !== 1) throw invalidInput('memberIds', '一次只能为同一党委的党员记分');
  const ruleSet = await loadRules(ctx.store, [...committeeIds][0]);
  const rule = findRule(ruleSet, input.rule);
  if (!rule || !rule.active) throw invalidInput('rule', '没有这个积分项目');
  if (!recordableByHand(rule)) throw invalidInput('rule', `“${rule.name}”由系统自动记分，不能手工记录`);
  // Everyone's, before anyone's entry: a refusal records nothing for anybody (postEntry would refuse too).
  for (const [index, id] of memberIds.entries()) {
    const member = members.get(id) as MemberDoc;
    if (!ruleApplies(rule, member.partyStatus))
      throw invalidInput(`memberIds.${index}`, `${member.name}：${notApplicableMessage(rule, member.partyStatus)}`);
  }

  const requestId = input.requestId ?? randomBytes(12).toString('base64url');
  const at = ctx.clock();
  if (input.requestId)
    await claimRequest(ctx, {
      _id: requestId,
      recordedBy: caller.openid,
      rule: rule.code,
      reason: input.reason,
      memberIds: [...memberIds].sort(),
      at: at.toISOString(),
    });
  const entries: PointsOutputs['record']['entries'] = [];
  for (const id of memberIds) {
    const member = members.get(id) as MemberDoc;
    const entry = await ctx.store.transaction(async (tx) => {
      const posted = await postEntry(tx, {
        id: `hand:${requestId}:${id}`,
        member,
        rule,
        reason: input.reason,
        source: 'hand',
        recordedBy: caller.openid,
        at,
      });
      if (posted.created)
        await writeAudit(tx, ctx, caller.openid, {
          action: 'points.record',
          target: `ledger/${posted.entry._id}`,
          committeeId: member.committeeId,
          after: { memberId: id, rule: rule.code, value: posted.entry.value, reason: input.reason },
        });
      if (posted.created && posted.entry.value < 0)
        await notify(tx, {
          memberId: id,
          kind: 'points.deducted',
          title: `${rule.name} ${posted.entry.value} 分`,
          body: input.reason,
          link: '/pages/points/index',
          key: `deducted:${posted.entry._id}`,
          at: at.toISOString(),
        });
      return posted.entry;
    });
    entries.push({ id: entry._id, memberId: id, value: entry.value, capped: entry.value !== rule.value });
  }
  return { entries };
});

export const reverse = action(pointsSchemas.reverse, async (ctx, input): Promise<PointsOutputs['reverse']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const original = await ctx.store.get('ledger', input.entryId);
  if (!original) throw notFound('积分记录');
  requirePermission(caller, tree, 'points.write', original.branchId);
  // Reversing one's own entry scores oneself, as recording for oneself would.
  if (caller.member?._id === original.memberId) throw forbidden('不能冲正自己的积分记录');
  const holder = await ctx.store.get('members', original.memberId);
  if (holder) await requireLedgerReach(ctx, caller, tree, [holder], 'reverse');
  if (original.reverses) throw conflict(REVERSAL_IS_FINAL);
  const result = await ctx.store.transaction(async (tx) => {
    const posted = await reverseEntry(tx, original, {
      reason: input.reason,
      source: 'reversal',
      recordedBy: caller.openid,
      at: ctx.clock(),
    });
    if (posted.created)
      await writeAudit(tx, ctx, caller.openid, {
        action: 'points.reverse',
        target: `ledger/${original._id}`,
        committeeId: original.committeeId,
        before: { value: original.value },
        after: { reversal: posted.entry._id, value: posted.entry.value, reason: input.reason },
      });
    return posted;
  });
  if (!result.created) throw conflict('该记录已冲正过，不能重复冲正');
  return { entry: { id: result.entry._id, value: result.entry.value } };
});

/**
 * Those of the (unreversed) entries the caller may reverse, by `reverse`'s rules: within their
 * `points.write`, not their own, not a reversal, and their holder within the caller's ledger reach.
 */
async function reversibleEntries(
  ctx: HandlerContext,
  caller: Caller,
  tree: OrgTree,
  unreversed: LedgerDoc[],
): Promise<Set<string>> {
  const candidates = unreversed.filter(
    (e) => !e.reverses && e.memberId !== caller.member?._id && can(caller.roles, tree, 'points.write', e.branchId),
  );
  if (!candidates.length) return new Set();
  const holders = await byIds(ctx.store, 'members', [...new Set(candidates.map((e) => e.memberId))]);
  const roles = await rolesOfMembers(ctx, [...holders.values()]);
  return new Set(
    candidates
      // `reverse` checks the reach of a holder still on the roster only.
      .filter(
        (e) =>
          !holders.has(e.memberId) || !rolesBeyondLedgerReach(tree, caller.roles, roles.get(e.memberId) ?? []).length,
      )
      .map((e) => e._id),
  );
}

export const entries = action(pointsSchemas.entries, async (ctx, input): Promise<PointsOutputs['entries']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'points.read', input.orgId);
  const org = tree.get(input.orgId);
  if (!org || org.kind === 'committee') throw invalidInput('orgId', '请选择党支部');
  let where: LedgerPlace;
  if (input.memberId) {
    const member = await ctx.store.get('members', input.memberId);
    // A member of a group lies within the group as well as the branch.
    if (!member || !tree.isWithin(member.groupId ?? member.branchId, input.orgId)) throw notFound('党员');
    where = { memberId: member._id };
  } else if (org.kind === 'group') {
    // The ledger is kept by branch: a group's entries are its members', never the whole branch's.
    where = { memberId: { $in: await memberIdsOfGroup(ctx.store, org.id) } };
  } else {
    where = { branchId: org.id };
  }
  if (input.rule) {
    const rules = await loadRules(ctx.store, committeeOf(tree, org.id));
    if (!findRule(rules, input.rule)) throw invalidInput('rule', '没有这个积分项目');
  }
  const docs = await ledgerPageRead(ctx.store, where, input.page, input.pageSize, {
    rule: input.rule,
    memberName: input.memberName,
    from: input.from ? chinaDayStart(input.from) : undefined,
    until: input.to ? chinaDayStart(input.to, 1) : undefined,
  });
  const { items: shown, ...paging } = pageOfRead(docs, input);
  const reversals = await byIds(
    ctx.store,
    'ledger',
    shown.map((e) => reversalId(e._id)),
  );
  const reversible = await reversibleEntries(
    ctx,
    caller,
    tree,
    shown.filter((e) => !reversals.has(reversalId(e._id))),
  );
  const items: LedgerEntryView[] = shown.map((e) => ({
    id: e._id,
    memberId: e.memberId,
    memberName: e.memberName,
    rule: e.rule,
    ruleName: e.ruleName,
    value: e.value,
    reason: e.reason,
    at: e.at,
    source: e.source,
    recordedBy: e.recordedBy,
    reverses: e.reverses,
    reversed: reversals.has(reversalId(e._id)),
    reversible: reversible.has(e._id),
  }));
  return { items, ...paging };
});
