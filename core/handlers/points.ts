import { randomBytes } from 'node:crypto';
import { pointsSchemas, type LedgerEntryView, type PointsOutputs, type RankingItem } from '../../contracts/points';
import { chinaDate, formatChinaDateTime } from '../domain/china-time';
import { buildPointsExport } from '../excel/points-sheet';
import type { OrgTree } from '../domain/org-tree';
import { can, scopesFor } from '../domain/permissions';
import type { MemberDoc } from '../model';
import { postEntry, reversalId, type LedgerDoc } from '../points/ledger';
import { periodsOf, periodsOfDate } from '../points/periods';
import { denseRank } from '../points/ranking';
import { annualScore, findRule, recordableByHand } from '../points/rules';
import { branchTotalsId, memberTotalsId, sumsFor, type TotalsDoc } from '../points/totals';
import { rebuildTotals, verifyTotals } from '../points/verify';
import type { HandlerContext } from '../runtime/context';
import { action, defineFunction } from '../runtime/dispatch';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../runtime/errors';
import { MAX_QUERY_LIMIT, type Doc, type Filter } from '../store/port';
import { writeAudit } from './audit';
import { loadCaller, loadTree, requirePermission, type Caller } from './caller';
import { loadRules, updateRules } from './point-rules';
import { object, objectableUntil, objections, objectionsFor, resolveObjection } from './points-objections';
import { membersOf } from './roster-scope';

function committeeOf(tree: OrgTree, orgId: string): string {
  const committee = tree.nearest(orgId, 'committee');
  if (!committee) throw notFound('组织');
  return committee.id;
}

/** Documents by id, a hundred ids per query. */
async function getMany<T extends Doc>(ctx: HandlerContext, collection: string, ids: string[]): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let i = 0; i < ids.length; i += 100) {
    const docs = await ctx.store.query<T>(collection, { where: { _id: { $in: ids.slice(i, i + 100) } }, limit: 100 });
    for (const doc of docs) found.set(doc._id, doc);
  }
  return found;
}

const rules = action(pointsSchemas.rules, async (ctx) => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const orgId = caller.member?.branchId ?? caller.roles[0]?.orgId;
  const committeeId = orgId ? committeeOf(tree, orgId) : tree.all().find((o) => o.kind === 'committee')?.id;
  return loadRules(ctx.store, committeeId ?? '');
});

const record = action(pointsSchemas.record, async (ctx, input): Promise<PointsOutputs['record']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const memberIds = [...new Set(input.memberIds)];
  const members = await getMany<MemberDoc>(ctx, 'members', memberIds);
  for (const [index, id] of memberIds.entries()) {
    const member = members.get(id);
    if (!member || member.status !== 'active') throw invalidInput(`memberIds.${index}`, '党员不存在或已停用');
    requirePermission(caller, tree, 'points.write', member.branchId);
    if (caller.member?._id === id) throw forbidden('不能为自己记分');
  }
  const committeeIds = new Set([...members.values()].map((m) => m.committeeId));
  if (committeeIds.size !== 1) throw invalidInput('memberIds', '一次只能为同一党委的党员记分');
  const ruleSet = await loadRules(ctx.store, [...committeeIds][0]);
  const rule = findRule(ruleSet, input.rule);
  if (!rule || !rule.active) throw invalidInput('rule', '没有这个积分项目');
  if (!recordableByHand(rule)) throw invalidInput('rule', `“${rule.name}”由系统自动记分，不能手工记录`);

  const requestId = input.requestId ?? randomBytes(12).toString('base64url');
  const at = ctx.clock();
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
      return posted.entry;
    });
    entries.push({ id: entry._id, memberId: id, value: entry.value, capped: entry.value !== rule.value });
  }
  return { entries };
});

const reverse = action(pointsSchemas.reverse, async (ctx, input): Promise<PointsOutputs['reverse']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const original = await ctx.store.get<LedgerDoc>('ledger', input.entryId);
  if (!original) throw notFound('积分记录');
  requirePermission(caller, tree, 'points.write', original.branchId);
  // Reversing one's own entry scores oneself, as recording for oneself would.
  if (caller.member?._id === original.memberId) throw forbidden('不能冲正自己的积分记录');
  const result = await ctx.store.transaction(async (tx) => {
    const posted = await postEntry(tx, {
      id: reversalId(original._id),
      member: {
        _id: original.memberId,
        name: original.memberName,
        branchId: original.branchId,
        committeeId: original.committeeId,
      },
      rule: { code: original.rule, name: original.ruleName, kind: original.kind, value: original.value },
      value: -original.value,
      reason: input.reason,
      source: 'reversal',
      recordedBy: caller.openid,
      at: ctx.clock(),
      reverses: original._id,
      countsAt: new Date(original.at),
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

/** The branch's members ranked for the period containing `date` (China time). */
async function rankBranch(
  ctx: HandlerContext,
  tree: OrgTree,
  orgId: string,
  period: 'month' | 'quarter' | 'year',
  date: string,
) {
  const periods = periodsOfDate(date);
  const where = { ...membersOf(tree, orgId), status: 'active' };
  const members = await ctx.store.query<MemberDoc>('members', { where, limit: MAX_QUERY_LIMIT });
  const totals = await getMany<TotalsDoc>(
    ctx,
    'pointTotals',
    members.map((m) => memberTotalsId(m._id, periods.year)),
  );
  const items: RankingItem[] = denseRank(
    members.map((m) => {
      const sums = sumsFor(totals.get(memberTotalsId(m._id, periods.year)) ?? null, period, periods);
      return { memberId: m._id, name: m.name, bonus: sums.bonus, deduction: sums.deduction, net: sums.net };
    }),
  );
  const label = { month: periods.monthKey, quarter: periods.quarterKey, year: periods.yearKey }[period];
  return { items, label };
}

const ranking = action(pointsSchemas.ranking, async (ctx, input): Promise<PointsOutputs['ranking']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const org = tree.get(input.orgId);
  if (!org || org.kind === 'committee') throw invalidInput('orgId', '请选择党支部或党小组');
  const staff = can(caller.roles, tree, 'points.read', input.orgId);
  const ownBranch = caller.member !== null && tree.isWithin(input.orgId, caller.member.branchId);
  if (!staff && !ownBranch) throw forbidden('只能查看本支部的排名');
  const { settings } = await loadRules(ctx.store, committeeOf(tree, input.orgId));
  const { items, label } = await rankBranch(ctx, tree, input.orgId, input.period, input.date ?? chinaDate(ctx.clock()));
  const me = items.find((item) => item.memberId === caller.member?._id) ?? null;
  const visibility = staff ? 'full' : settings.rankingVisibility;
  const visible = visibility === 'full' ? items : visibility === 'top10' ? items.filter((item) => item.rank <= 10) : [];
  return { period: label, visibility, items: visible, me };
});

const mine = action(pointsSchemas.mine, async (ctx, input): Promise<PointsOutputs['mine']> => {
  const caller = await loadCaller(ctx);
  const member = caller.member;
  if (!member) throw new AppError('NOT_FOUND', '完成亮身份后才有积分');
  const tree = await loadTree(ctx);
  const now = ctx.clock();
  const periods = periodsOf(now);
  const page = input?.page ?? 1;
  const pageSize = input?.pageSize ?? 20;
  const [totals, { settings }, docs, { items }] = await Promise.all([
    ctx.store.get<TotalsDoc>('pointTotals', memberTotalsId(member._id, periods.year)),
    loadRules(ctx.store, member.committeeId),
    ctx.store.query<LedgerDoc>('ledger', {
      where: { memberId: member._id },
      orderBy: [
        ['at', 'desc'],
        ['_id', 'desc'],
      ],
      limit: pageSize + 1,
      skip: (page - 1) * pageSize,
    }),
    rankBranch(ctx, tree, member.branchId, 'year', chinaDate(now)),
  ]);
  const year = sumsFor(totals, 'year', periods);
  const { score, stars, label } = annualScore(year.net, settings);
  const shown = docs.slice(0, pageSize);
  const objectionDocs = await objectionsFor(
    ctx,
    shown.map((e) => e._id),
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
    rank: items.find((item) => item.memberId === member._id)?.rank ?? null,
    rankOf: items.length,
    entries: shown.map((e) => {
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
    page,
    hasMore: docs.length > pageSize,
  };
});

const entries = action(pointsSchemas.entries, async (ctx, input): Promise<PointsOutputs['entries']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'points.read', input.orgId);
  const org = tree.get(input.orgId);
  if (!org || org.kind === 'committee') throw invalidInput('orgId', '请选择党支部');
  let where: Filter;
  if (input.memberId) {
    const member = await ctx.store.get<MemberDoc>('members', input.memberId);
    // A member of a group lies within the group as well as the branch.
    if (!member || !tree.isWithin(member.groupId ?? member.branchId, input.orgId)) throw notFound('党员');
    where = { memberId: member._id };
  } else if (org.kind === 'group') {
    // The ledger is kept by branch: a group's entries are its members', never the whole branch's.
    const members = await ctx.store.query<MemberDoc>('members', { where: { groupId: org.id }, limit: MAX_QUERY_LIMIT });
    where = { memberId: { $in: members.map((m) => m._id) } };
  } else {
    where = { branchId: org.id };
  }
  const docs = await ctx.store.query<LedgerDoc>('ledger', {
    where,
    orderBy: [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    limit: input.pageSize + 1,
    skip: (input.page - 1) * input.pageSize,
  });
  const shown = docs.slice(0, input.pageSize);
  const reversals = await getMany<LedgerDoc>(
    ctx,
    'ledger',
    shown.map((e) => reversalId(e._id)),
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
  }));
  return { items, page: input.page, hasMore: docs.length > input.pageSize };
});

/** Every entry of the branch in the period, oldest first. */
async function branchEntries(ctx: HandlerContext, branchId: string, where: Record<string, string | number>) {
  const all: LedgerDoc[] = [];
  for (let skip = 0; ; skip += MAX_QUERY_LIMIT) {
    const page = await ctx.store.query<LedgerDoc>('ledger', {
      where: { branchId, ...where },
      orderBy: [['at', 'asc']],
      limit: MAX_QUERY_LIMIT,
      skip,
    });
    all.push(...page);
    if (page.length < MAX_QUERY_LIMIT) return all;
  }
}

const exportPoints = action(pointsSchemas.export, async (ctx, input): Promise<PointsOutputs['export']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'points.read', input.orgId);
  const branch = tree.nearest(input.orgId, 'branch');
  if (!branch) throw invalidInput('orgId', '请选择党支部');
  const date = input.date ?? chinaDate(ctx.clock());
  const periods = periodsOfDate(date);
  const [{ items, label }, { items: rules }] = await Promise.all([
    rankBranch(ctx, tree, input.orgId, input.period, date),
    loadRules(ctx.store, committeeOf(tree, input.orgId)),
  ]);
  const periodFilter: Record<string, string | number> = {
    month: { monthKey: periods.monthKey },
    quarter: { quarterKey: periods.quarterKey },
    year: { year: periods.year },
  }[input.period];
  const entries = await branchEntries(ctx, branch.id, periodFilter);
  const byMember = new Map<string, Record<string, number>>();
  for (const entry of entries) {
    const byRule = byMember.get(entry.memberId) ?? {};
    byRule[entry.rule] = (byRule[entry.rule] ?? 0) + entry.value;
    byMember.set(entry.memberId, byRule);
  }
  const title = `${tree.get(input.orgId)?.name ?? ''}积分-${label}`;
  const content = await buildPointsExport(
    title,
    rules,
    items.map((item) => ({ ...item, byRule: byMember.get(item.memberId) ?? {} })),
    entries.map((entry) => ({
      at: formatChinaDateTime(new Date(entry.at)),
      name: entry.memberName,
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
      after: { period: label, entries: entries.length },
    }),
  );
  const { fileID, url } = await ctx.files.publish(`${title}.xlsx`, content);
  return { fileID, url, name: `${title}.xlsx` };
});

const branchRanking = action(
  pointsSchemas.branchRanking,
  async (ctx, input): Promise<PointsOutputs['branchRanking']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    const committeeId = adminCommittee(caller, tree, '只有党委管理员可以查看支部排名');
    const periods = periodsOfDate(input.date ?? chinaDate(ctx.clock()));
    const branches = tree.all().filter((org) => org.kind === 'branch' && tree.isWithin(org.id, committeeId));
    const totals = await getMany<TotalsDoc>(
      ctx,
      'pointTotals',
      branches.map((branch) => branchTotalsId(branch.id, periods.year)),
    );
    const rows = [];
    for (const branch of branches) {
      const members = await ctx.store.count('members', { branchId: branch.id, status: 'active' });
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

function adminCommittee(caller: Caller, tree: OrgTree, message = '只有党委管理员可以核对积分'): string {
  const scope = scopesFor(caller.roles, 'points.admin').find((id) => tree.get(id)?.kind === 'committee');
  if (!scope) throw forbidden(message);
  return scope;
}

const verify = action(pointsSchemas.verify, async (ctx) => {
  const caller = await loadCaller(ctx);
  return verifyTotals(ctx.store, adminCommittee(caller, await loadTree(ctx)));
});

const rebuild = action(pointsSchemas.rebuild, async (ctx) => {
  const caller = await loadCaller(ctx);
  const committeeId = adminCommittee(caller, await loadTree(ctx));
  const result = await rebuildTotals(ctx.store, committeeId);
  await ctx.store.transaction((tx) =>
    writeAudit(tx, ctx, caller.openid, {
      action: 'points.rebuild',
      target: `committee/${committeeId}`,
      committeeId,
      after: result,
    }),
  );
  return result;
});

export const pointsFunction = defineFunction('points', {
  rules,
  record,
  reverse,
  mine,
  ranking,
  entries,
  export: exportPoints,
  branchRanking,
  verify,
  rebuild,
  object,
  objections,
  resolveObjection,
  updateRules,
});
