import { rolesOnOrgs } from '../../roster';
import { ledgerOfMember } from '../queries';
import { pointsSchemas, type PointsOutputs, type SelfAwardItem } from '../../../contracts/points';
import { isOrganiser } from '../../activities';
import { scopesFor } from '../../shared/permissions';
import { publishedBy } from '../../lectures';
import { reversalId, type LedgerDoc } from '../ledger';
import { causeOf, selfAwardOf } from '../self-awards';
import { action } from '../../runtime/dispatch';
import { forbidden } from '../../runtime/errors';
import { loadCaller, loadTree } from '../../shared/caller';
import { byIds, countedPage } from '../../shared/paging';

/**
 * 自我加分 review for committee admins: bonus entries whose beneficiary also organised, recorded,
 * published or approved the cause. Only role holders can organise, record, publish or approve, so
 * the candidates are the members bound to the openids holding a role in the caller's subtree;
 * each one's own entries (their latest {@link MAX_QUERY_LIMIT}) are checked against their causes.
 */
export const selfAwards = action(pointsSchemas.selfAwards, async (ctx, input): Promise<PointsOutputs['selfAwards']> => {
  const { page = 1, pageSize = 20 } = input ?? {};
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const scopes = scopesFor(caller.roles, 'points.admin').filter((id) => tree.get(id));
  if (!scopes.length) throw forbidden('只有党委管理员可以查看自我加分记录');
  const inScope = (orgId: string) => scopes.some((scope) => tree.isWithin(orgId, scope));

  const orgIds = tree
    .all()
    .map((org) => org.id)
    .filter(inScope);
  const roles = await rolesOnOrgs(ctx.store, orgIds);
  const bindings = await byIds(ctx.store, 'bindings', [...new Set(roles.map((r) => r.openid))]);

  const found: Array<{ entry: LedgerDoc; openid: string }> = [];
  for (const binding of bindings.values()) {
    const entries = (await ledgerOfMember(ctx.store, binding.memberId)).reverse();
    for (const entry of entries)
      if (entry.value > 0 && !entry.reverses && inScope(entry.branchId)) found.push({ entry, openid: binding._id });
  }

  const causes = found.map(({ entry }) => causeOf(entry));
  const ids = (kind: 'activity' | 'lecture') => [...new Set(causes.flatMap((c) => (c?.kind === kind ? [c.id] : [])))];
  const [activities, lectures] = await Promise.all([
    byIds(ctx.store, 'activities', ids('activity')),
    byIds(ctx.store, 'lectures', ids('lecture')),
  ]);

  const items: Array<Omit<SelfAwardItem, 'reversed'>> = [];
  for (const { entry, openid } of found) {
    const member = { _id: entry.memberId, openid };
    const verdict = selfAwardOf(
      entry,
      { memberId: entry.memberId, openid },
      {
        organised: (id) => {
          const activity = activities.get(id);
          return Boolean(activity && isOrganiser(activity, member));
        },
        published: (id) => {
          const lecture = lectures.get(id);
          return Boolean(lecture && publishedBy(lecture, member, openid));
        },
        activityTitle: (id) => activities.get(id)?.title ?? '活动',
        lectureTitle: (id) => lectures.get(id)?.title ?? '课程',
      },
    );
    if (!verdict) continue;
    items.push({
      entryId: entry._id,
      memberId: entry.memberId,
      memberName: entry.memberName,
      branchId: entry.branchId,
      branchName: tree.get(entry.branchId)?.name ?? '',
      ruleName: entry.ruleName,
      value: entry.value,
      reason: entry.reason,
      at: entry.at,
      ...verdict,
    });
  }
  items.sort((a, b) => b.at.localeCompare(a.at) || b.entryId.localeCompare(a.entryId));
  const shown = items.slice((page - 1) * pageSize, page * pageSize);
  const reversals = await byIds(
    ctx.store,
    'ledger',
    shown.map((item) => reversalId(item.entryId)),
  );
  return countedPage(
    shown.map((item) => ({ ...item, reversed: reversals.has(reversalId(item.entryId)) })),
    { page, pageSize },
    items.length,
  );
});
