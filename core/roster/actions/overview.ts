import { rosterSchemas, type BranchOverview, type RosterOutputs } from '../../../contracts/roster';
import { isPartyMember } from '../../../contracts/labels/common';
import { activitiesStartingIn, branchCadence } from '../../activities';
import { completedInBranch } from '../../lectures';
import { branchTotalsId, memberTotalsId, periodRange, periodsOfDate, sumsFor } from '../../points';
import { chinaDate } from '../../shared/china-time';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import type { OrgRecord, OrgTree } from '../../shared/org-tree';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { invalidInput, notFound } from '../../runtime/errors';
import { comparePinyin } from '../../shared/pinyin-order';
import { inBatches } from '../../shared/in-batches';
import { byIds } from '../../shared/paging';
import { activeMembersOf } from '../queries';
import { attendanceRate, declaredRate, pointsAverage, studyRate } from '../overview';

type Period = 'month' | 'quarter' | 'year';

/**
 * A branch's active Party members (and apart, the people on the way to membership), its activities
 * starting in `range` and the lectures finished in it, with the three rates of 支部概览 (评星定级
 * weighs the same rates for a year). Every rate is about the Party members alone.
 */
export async function branchFigures(ctx: HandlerContext, branchId: string, range: { from: string; to: string }) {
  const [everyone, activities, finished] = await Promise.all([
    activeMembersOf(ctx.store, { branchId }),
    activitiesStartingIn(ctx.store, { branchId }, range),
    completedInBranch(ctx.store, branchId, range),
  ]);
  const members = everyone.filter((m) => isPartyMember(m.partyStatus));
  const onTheWay = everyone.filter((m) => !isPartyMember(m.partyStatus));
  return {
    members,
    onTheWay,
    activities,
    declaredRate: declaredRate(members),
    // A close summary counts the Party members only: the activities count the people on the way apart.
    attendanceRate: attendanceRate(activities.map((activity) => activity.closeSummary)),
    studyRate: studyRate(
      members,
      finished.map((progress) => progress.memberId),
    ),
  };
}

async function branchOverview(
  ctx: HandlerContext,
  tree: OrgTree,
  branch: OrgRecord,
  period: Period,
  date: string,
): Promise<BranchOverview> {
  const range = periodRange(period, date);
  const periods = periodsOfDate(date);
  const [figures, totals, cadence] = await Promise.all([
    branchFigures(ctx, branch.id, range),
    ctx.store.get('pointTotals', branchTotalsId(branch.id, periods.year)),
    branchCadence(ctx, tree, branch, date),
  ]);
  // 人均积分 of the Party members: the points of the people on the way (the same ledger) are taken out.
  let net = sumsFor(totals, period, periods).net;
  if (figures.onTheWay.length) {
    const ids = figures.onTheWay.map((m) => memberTotalsId(m._id, periods.year));
    for (const doc of (await byIds(ctx.store, 'pointTotals', ids)).values()) net -= sumsFor(doc, period, periods).net;
  }
  const count = (status: 'done' | 'due' | 'overdue') => cadence.items.filter((item) => item.status === status).length;
  return {
    orgId: branch.id,
    name: branch.name,
    members: figures.members.length,
    onTheWay: figures.onTheWay.length,
    declaredRate: figures.declaredRate,
    attendanceRate: figures.attendanceRate,
    studyRate: figures.studyRate,
    cadence: {
      done: count('done'),
      due: count('due'),
      overdue: count('overdue'),
      silentDays: cadence.silentDays,
      silent: cadence.silent,
    },
    pointsAverage: pointsAverage(net, figures.members.length),
  };
}

export const overview = action(rosterSchemas.overview, async (ctx, input): Promise<RosterOutputs['overview']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const org = tree.get(input.orgId);
  if (!org) throw notFound('组织');
  requirePermission(caller, tree, 'roster.read', org.id);
  if (org.kind === 'group') throw invalidInput('orgId', '请选择党委或党支部');
  const branches =
    org.kind === 'branch'
      ? [org]
      : tree
          .all()
          .filter((o) => o.kind === 'branch' && !o.archived && tree.isWithin(o.id, org.id))
          .sort((a, b) => comparePinyin(a.name, b.name));
  const date = input.date ?? chinaDate(ctx.clock());
  // A few branches at a time: a committee of fifty branches is two hundred reads.
  const items = await inBatches(branches, 5, (branch) => branchOverview(ctx, tree, branch, input.period, date));
  return { period: periodRange(input.period, date).label, items };
});
