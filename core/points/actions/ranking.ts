import { activeMemberCount, activeMembersOf } from '../../roster';
import { ledgerPageRead } from '../queries';
import type { PartyStatus } from '../../../contracts/common';
import {
  pointsSchemas,
  type PointsOutputs,
  type PointsSettings,
  type RankingItem,
  type RankingVisibility,
} from '../../../contracts/points';
import { chinaDate } from '../../shared/china-time';
import type { OrgTree } from '../../shared/org-tree';
import { can } from '../../shared/permissions';
import { periodsOf, periodsOfDate } from '../periods';
import { denseRank } from '../ranking';
import { annualScore } from '../rules';
import { branchTotalsId, memberTotalsId, sumsFor } from '../totals';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { AppError, forbidden, invalidInput } from '../../runtime/errors';
import { loadCaller, loadTree } from '../../shared/caller';
import { loadRules } from '../rules';
import { objectableUntil, objectionsFor } from './objections';
import { adminCommittee, committeeOf } from './support';
import { byIds, pageOfRead } from '../../shared/paging';
import { membersOf } from '../../roster';

/**
 * The branch's members ranked for the period containing `date` (China time): everyone on the
 * roster, or those of the given 党员身份 only (ranked among themselves).
 */
export async function rankBranch(
  ctx: HandlerContext,
  tree: OrgTree,
  orgId: string,
  period: 'month' | 'quarter' | 'year',
  date: string,
  statuses?: readonly PartyStatus[],
) {
  const periods = periodsOfDate(date);
  const roster = await activeMembersOf(ctx.store, membersOf(tree, orgId));
  const members = statuses ? roster.filter((m) => statuses.includes(m.partyStatus)) : roster;
  const totals = await byIds(
    ctx.store,
    'pointTotals',
    members.map((m) => memberTotalsId(m._id, periods.year)),
  );
  const ranked = denseRank(
    members.map((m) => {
      const sums = sumsFor(totals.get(memberTotalsId(m._id, periods.year)) ?? null, period, periods);
      return { memberId: m._id, name: m.name, bonus: sums.bonus, deduction: sums.deduction, net: sums.net };
    }),
  );
  const sharing = new Map<number, number>();
  for (const item of ranked) sharing.set(item.rank, (sharing.get(item.rank) ?? 0) + 1);
  const items: RankingItem[] = ranked.map((item) => ({ ...item, tied: sharing.get(item.rank) ?? 1 }));
  return { items, label: periodLabel(period, date) };
}

/**
 * What members see of rankings. Settings saved before `off` existed may hold `full` or `top10`:
 * both now mean the member's own position only, never a list of others.
 */
export function memberRankingVisibility(settings: Pick<PointsSettings, 'rankingVisibility'>): RankingVisibility {
  return (settings.rankingVisibility as string) === 'off' ? 'off' : 'self';
}

/**
 * Staff with `points.read` on the org get the whole list (the management view); a plain member
 * gets their own line only, or nothing when the committee has turned member rankings off. With
 * `statuses`, only the members of those 党员身份 are ranked, among themselves (a member outside them
 * gets `me: null`).
 */
export const ranking = action(pointsSchemas.ranking, async (ctx, input): Promise<PointsOutputs['ranking']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const org = tree.get(input.orgId);
  if (!org || org.kind === 'committee') throw invalidInput('orgId', '请选择党支部或党小组');
  const staff = can(caller.roles, tree, 'points.read', input.orgId);
  const ownBranch = caller.member !== null && tree.isWithin(input.orgId, caller.member.branchId);
  if (!staff && !ownBranch) throw forbidden('只能查看本支部的排名');
  const { settings } = await loadRules(ctx.store, committeeOf(tree, input.orgId));
  const visibility = staff ? 'full' : memberRankingVisibility(settings);
  const date = input.date ?? chinaDate(ctx.clock());
  if (visibility === 'off') return { period: periodLabel(input.period, date), visibility, items: [], me: null };
  const { items, label } = await rankBranch(ctx, tree, input.orgId, input.period, date, input.statuses);
  const me = items.find((item) => item.memberId === caller.member?._id) ?? null;
  return { period: label, visibility, items: visibility === 'full' ? items : [], me };
});

function periodLabel(period: 'month' | 'quarter' | 'year', date: string): string {
  const periods = periodsOfDate(date);
  return { month: periods.monthKey, quarter: periods.quarterKey, year: periods.yearKey }[period];
}

export const mine = action(pointsSchemas.mine, async (ctx, input): Promise<PointsOutputs['mine']> => {
  const caller = await loadCaller(ctx);
  const member = caller.member;
  if (!member) throw new AppError('NOT_FOUND', '完成亮身份后才有积分');
  const tree = await loadTree(ctx);
  const now = ctx.clock();
  const periods = periodsOf(now);
  const page = input?.page ?? 1;
  const pageSize = input?.pageSize ?? 20;
  const [totals, { settings }, docs, { items }] = await Promise.all([
    ctx.store.get('pointTotals', memberTotalsId(member._id, periods.year)),
    loadRules(ctx.store, member.committeeId),
    ledgerPageRead(ctx.store, { memberId: member._id }, page, pageSize),
    rankBranch(ctx, tree, member.branchId, 'year', chinaDate(now)),
  ]);
  const ranked = memberRankingVisibility(settings) === 'self';
  const year = sumsFor(totals, 'year', periods);
  const { score, stars, label } = annualScore(year.net, settings);
  const entries = pageOfRead(docs, { page, pageSize });
  const objectionDocs = await objectionsFor(
    ctx,
    entries.items.map((e) => e._id),
  );
  return {
    score,
    stars,
    starLabel: label,
    totals: {
      month: sumsFor(totals, 'month', periods).net,
      quarter: sumsFor(totals, 'quarter', periods).net,
      year: year.net,
    },
    months: Array.from({ length: Number(periods.month) }, (_, i) => ({
      month: i + 1,
      net: totals?.months[String(i + 1).padStart(2, '0')]?.net ?? 0,
    })),
    rank: ranked ? (items.find((item) => item.memberId === member._id)?.rank ?? null) : null,
    rankOf: ranked ? items.length : 0,
    entries: {
      ...entries,
      items: entries.items.map((e) => {
        const objection = objectionDocs.get(e._id);
        return {
          id: e._id,
          rule: e.rule,
          ruleName: e.ruleName,
          value: e.value,
          reason: e.reason,
          at: e.at,
          reverses: e.reverses,
          objectableUntil: objection ? null : objectableUntil(e, settings.objectionDays, now),
          objection: objection ? { status: objection.status, resolution: objection.resolution } : null,
        };
      }),
    },
  };
});

export const branchRanking = action(
  pointsSchemas.branchRanking,
  async (ctx, input): Promise<PointsOutputs['branchRanking']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    const committeeId = adminCommittee(caller, tree, '只有党委管理员可以查看支部排名');
    const periods = periodsOfDate(input.date ?? chinaDate(ctx.clock()));
    const branches = tree.all().filter((org) => org.kind === 'branch' && tree.isWithin(org.id, committeeId));
    const totals = await byIds(
      ctx.store,
      'pointTotals',
      branches.map((branch) => branchTotalsId(branch.id, periods.year)),
    );
    const rows = [];
    for (const branch of branches) {
      const members = await activeMemberCount(ctx.store, branch.id);
      const sums = sumsFor(totals.get(branchTotalsId(branch.id, periods.year)) ?? null, input.period, periods);
      const average = members ? Math.round((sums.net / members) * 100) / 100 : 0;
      const participation = members ? Math.round((sums.participants / members) * 1000) / 1000 : 0;
      rows.push({ orgId: branch.id, name: branch.name, members, ...sums, average, participation });
    }
    const ranked = denseRank(rows, (row) => row.average);
    const label = { month: periods.monthKey, quarter: periods.quarterKey, year: periods.yearKey }[input.period];
    return {
      period: label,
      items: ranked.map(({ count: _count, ...row }) => row),
    };
  },
);
