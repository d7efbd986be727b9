import { objectionId } from '../documents';
import { byIds } from '../../shared/paging';
import { latestObjectionsIn } from '../queries';
import { pointsSchemas, type ObjectionView, type PointsOutputs } from '../../../contracts/points';
import type { OrgTree } from '../../shared/org-tree';
import { can } from '../../shared/permissions';
import { rolesBeyondLedgerReach } from '../../shared/role-precedence';
import { reverseEntry, reversalId, type LedgerDoc } from '../ledger';
import type { ObjectionDoc } from '../documents';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { AppError, conflict, forbidden, notFound } from '../../runtime/errors';
import { DuplicateIdError } from '../../store/port';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission, type Caller } from '../../shared/caller';
import { loadRules } from '../rules';
import { requireLedgerReach, rolesOfMembers } from '../precedence';
import { branchDocsOf } from '../../roster';
import { notify } from '../../notices';

/** How many objections a secretary's list shows, newest first. */
const OBJECTION_LIST_LIMIT = 200;

const DAY_MS = 86400_000;

/** Until when a member may object to an entry, or null when they no longer may. */
export function objectableUntil(entry: Pick<LedgerDoc, 'at' | 'reverses'>, days: number, now: Date): string | null {
  if (entry.reverses) return null;
  const until = Date.parse(entry.at) + days * DAY_MS;
  return until > now.getTime() ? new Date(until).toISOString() : null;
}

/** What the caller may do with the objection: see `ObjectionView.recordedByCaller` and `canDecide`. */
type ObjectionAccess = Pick<ObjectionView, 'recordedByCaller' | 'canDecide'>;

/**
 * Separation of duties: the person whose record is disputed does not decide the dispute. An entry
 * posted automatically (by a sign-in, a lecture, the close timer) has no recorder, so any holder of
 * the points write may decide it.
 */
const recordedBy = (entry: Pick<LedgerDoc, 'recordedBy'> | null, caller: Caller) =>
  !!entry?.recordedBy && entry.recordedBy === caller.openid;

const RECORDER_REFUSAL = '该记录由您录入，异议须由其他书记或党委管理员处理';

export function toObjectionView(doc: ObjectionDoc, access: ObjectionAccess): ObjectionView {
  const { _id, entryId, memberId, memberName, ruleName, value, entryReason, entryAt, reason, status, resolution, at } =
    doc;
  return {
    id: _id,
    entryId,
    memberId,
    memberName,
    ruleName,
    value,
    entryReason,
    entryAt,
    reason,
    status,
    resolution,
    at,
    ...access,
  };
}

/** Each objection's access for the caller, from the disputed entries and the members' roles (one read each). */
async function accessOf(
  ctx: HandlerContext,
  caller: Caller,
  tree: OrgTree,
  docs: ObjectionDoc[],
): Promise<Map<string, ObjectionAccess>> {
  const recorderOf = await byIds(
    ctx.store,
    'ledger',
    docs.map((d) => d.entryId),
  );
  const open = docs.filter((d) => d.status === 'open');
  const holders = [
    ...(
      await byIds(
        ctx.store,
        'members',
        open.map((d) => d.memberId),
      )
    ).values(),
  ];
  const roles = await rolesOfMembers(ctx, holders);
  return new Map(
    docs.map((doc) => {
      const recordedByCaller = recordedBy(recorderOf.get(doc.entryId) ?? null, caller);
      const canDecide =
        doc.status === 'open' &&
        !recordedByCaller &&
        doc.memberId !== caller.member?._id &&
        can(caller.roles, tree, 'points.write', doc.branchId) &&
        !rolesBeyondLedgerReach(tree, caller.roles, roles.get(doc.memberId) ?? []).length;
      return [doc._id, { recordedByCaller, canDecide }];
    }),
  );
}

export const object = action(pointsSchemas.object, async (ctx, input): Promise<PointsOutputs['object']> => {
  const caller = await loadCaller(ctx);
  const entry = await ctx.store.get('ledger', input.entryId);
  if (!entry || entry.memberId !== caller.member?._id) throw notFound('积分记录');
  const { settings } = await loadRules(ctx.store, entry.committeeId);
  if (entry.reverses) throw new AppError('INVALID_INPUT', '冲正记录不能提出异议', 'entryId');
  if (!objectableUntil(entry, settings.objectionDays, ctx.clock()))
    throw new AppError('INVALID_INPUT', `只能对 ${settings.objectionDays} 天内的记录提出异议`, 'entryId');
  if (await ctx.store.get('ledger', reversalId(entry._id))) throw conflict('该记录已冲正');
  const doc: ObjectionDoc = {
    _id: objectionId(entry._id),
    entryId: entry._id,
    memberId: entry.memberId,
    memberName: entry.memberName,
    branchId: entry.branchId,
    committeeId: entry.committeeId,
    ruleName: entry.ruleName,
    value: entry.value,
    entryReason: entry.reason,
    entryAt: entry.at,
    reason: input.reason,
    status: 'open',
    resolution: null,
    resolvedBy: null,
    at: ctx.clock().toISOString(),
  };
  try {
    await ctx.store.create('objections', doc);
  } catch (error) {
    if (error instanceof DuplicateIdError) throw conflict('已对该记录提出过异议');
    throw error;
  }
  return { id: doc._id, status: 'open' };
});

export const objections = action(pointsSchemas.objections, async (ctx, input): Promise<PointsOutputs['objections']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'points.read', input.orgId);
  if (!tree.nearest(input.orgId, 'branch')) throw forbidden('请选择党支部');
  const where = await branchDocsOf(ctx, tree, input.orgId);
  const docs = await latestObjectionsIn(ctx.store, where, input.status ?? 'open', OBJECTION_LIST_LIMIT);
  const access = docs.length ? await accessOf(ctx, caller, tree, docs) : new Map<string, ObjectionAccess>();
  return {
    items: docs.map((doc) =>
      toObjectionView(doc, access.get(doc._id) ?? { recordedByCaller: false, canDecide: false }),
    ),
  };
});

export const resolveObjection = action(
  pointsSchemas.resolveObjection,
  async (ctx, input): Promise<PointsOutputs['resolveObjection']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    const found = await ctx.store.get('objections', input.id);
    if (!found) throw notFound('异议');
    requirePermission(caller, tree, 'points.write', found.branchId);
    if (found.memberId === caller.member?._id) throw forbidden('不能处理对自己积分记录的异议');
    const entry = await ctx.store.get('ledger', found.entryId);
    if (!entry) throw notFound('积分记录');
    if (recordedBy(entry, caller)) throw forbidden(RECORDER_REFUSAL);
    const holder = await ctx.store.get('members', found.memberId);
    if (holder) await requireLedgerReach(ctx, caller, tree, [holder], 'objection');
    const status = input.decision === 'uphold' ? 'upheld' : 'dismissed';
    const now = ctx.clock();
    const reversal = await ctx.store.transaction(async (tx) => {
      const current = await tx.get('objections', input.id);
      if (current?.status !== 'open') throw conflict('该异议已处理');
      let reversalEntry: string | null = null;
      if (status === 'upheld') {
        const posted = await reverseEntry(tx, entry, {
          reason: `异议成立：${input.reason}`,
          source: 'objection',
          recordedBy: caller.openid,
          at: now,
        });
        reversalEntry = posted.entry._id;
      }
      await tx.update('objections', input.id, {
        $set: { status, resolution: input.reason, resolvedBy: caller.openid },
      });
      await writeAudit(tx, ctx, caller.openid, {
        action: `points.objection.${status}`,
        target: `ledger/${entry._id}`,
        committeeId: entry.committeeId,
        before: { status: 'open' },
        after: { status, reason: input.reason, reversal: reversalEntry },
      });
      await notify(tx, {
        memberId: found.memberId,
        kind: 'objection.decided',
        title: status === 'upheld' ? '您的异议成立，积分已更正' : '您的异议未获支持',
        body: input.reason,
        link: '/pages/points/index',
        key: `objection:${input.id}`,
        at: now.toISOString(),
      });
      return reversalEntry;
    });
    return { id: input.id, status, reversal };
  },
);

export async function objectionsFor(ctx: HandlerContext, entryIds: string[]): Promise<Map<string, ObjectionDoc>> {
  if (!entryIds.length) return new Map();
  const docs = await byIds(ctx.store, 'objections', entryIds.map(objectionId));
  return new Map([...docs.values()].map((doc) => [doc.entryId, doc]));
}
