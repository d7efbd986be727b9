import { ledgerInPeriod } from '../queries';
import { pointsSchemas, type PointsOutputs } from '../../../contracts/points';
import { chinaDate } from '../../shared/china-time';
import { loadSameNameTags } from '../../shared/same-name';
import { buildPointsExport } from '../points-sheet';
import { periodRange, periodsOfDate } from '../periods';
import { action } from '../../runtime/dispatch';
import { invalidInput } from '../../runtime/errors';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { loadRules } from '../rules';
import { rankBranch } from './ranking';
import { committeeOf } from './support';
import { branchDocsOf } from '../../roster';
import { categoryLabel } from '../categories';

export const exportPoints = action(pointsSchemas.export, async (ctx, input): Promise<PointsOutputs['export']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'points.read', input.orgId);
  if (!tree.nearest(input.orgId, 'branch')) throw invalidInput('orgId', '请选择党支部');
  const date = input.date ?? chinaDate(ctx.clock());
  const periods = periodsOfDate(date);
  const [{ items, label }, { items: rules }] = await Promise.all([
    rankBranch(ctx, tree, input.orgId, input.period, date, input.statuses),
    loadRules(ctx.store, committeeOf(tree, input.orgId)),
  ]);
  const period = {
    month: { year: periods.year, monthKey: periods.monthKey },
    quarter: { year: periods.year, quarterKey: periods.quarterKey },
    year: { year: periods.year },
  }[input.period];
  // The ledger is kept by branch: a group's sheet holds its members' entries only. A category's
  // sheet holds the entries of those ranked (on the roster now, of those 党员身份) only.
  const ranked = new Set(items.map((item) => item.memberId));
  const entries = (await ledgerInPeriod(ctx.store, await branchDocsOf(ctx, tree, input.orgId), period)).filter(
    (entry) => !input.statuses || ranked.has(entry.memberId),
  );
  const byMember = new Map<string, Record<string, number>>();
  for (const entry of entries) {
    const byRule = byMember.get(entry.memberId) ?? {};
    byRule[entry.rule] = (byRule[entry.rule] ?? 0) + entry.value;
    byMember.set(entry.memberId, byRule);
  }
  const org = tree.get(input.orgId)?.name ?? '';
  const category = categoryLabel(input.statuses);
  const title = `${org}${category ? `（${category}）` : ''}积分-${label}`;
  // Members no longer on the roster may still have entries: the tags cover everyone named.
  const tags = await loadSameNameTags(ctx.store, tree, [
    ...items,
    ...entries.map((entry) => ({ memberId: entry.memberId, name: entry.memberName })),
  ]);
  const content = await buildPointsExport(
    { org, category, period: periodRange(input.period, date).label, exportedAt: ctx.clock() },
    rules,
    items.map((item) => ({ ...item, tag: tags.get(item.memberId) ?? '', byRule: byMember.get(item.memberId) ?? {} })),
    entries.map((entry) => ({
      at: entry.at,
      name: entry.memberName,
      tag: tags.get(entry.memberId) ?? '',
      ruleName: entry.ruleName,
      value: entry.value,
      reason: entry.reason,
      note: entry.reverses ? '冲正' : '',
    })),
  );
  await ctx.store.transaction((tx) =>
    writeAudit(tx, ctx, caller.openid, {
      action: 'points.export',
      target: `orgs/${input.orgId}`,
      committeeId: committeeOf(tree, input.orgId),
      after: { period: label, entries: entries.length, ...(input.statuses ? { statuses: input.statuses } : {}) },
    }),
  );
  const { fileID, url } = await ctx.files.publish(`${title}.xlsx`, content);
  return { fileID, url, name: `${title}.xlsx` };
});
