import {
  rosterSchemas,
  type RatingCriteriaView,
  type RatingDecision,
  type RatingProposal,
  type RosterOutputs,
} from '../../../contracts/roster';
import { DEFAULT_LECTURE_CADENCE } from '../../../contracts/labels/activity';
import { evaluateCadence, periodSpan, wasHeld } from '../../activities';
import { periodRange } from '../../points';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { chinaDate } from '../../shared/china-time';
import { inBatches } from '../../shared/in-batches';
import type { OrgRecord, OrgTree } from '../../shared/org-tree';
import { byIds } from '../../shared/paging';
import { can } from '../../shared/permissions';
import { comparePinyin } from '../../shared/pinyin-order';
import { committeeRules } from '../../shared/snapshots';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden, invalidInput, notFound } from '../../runtime/errors';
import { branchFigures } from './overview';
import {
  branchRatingId,
  criteriaProblem,
  DEFAULT_RATING_CRITERIA,
  postingEnds,
  proposeRating,
  RATING_YEARS_SHOWN,
  yearCadenceShare,
  type BranchRatingDoc,
  type RatingCriteria,
  type RatingMeasures,
} from '../rating';

async function criteriaOf(ctx: HandlerContext, committeeId: string): Promise<RatingCriteria> {
  const doc = await ctx.store.get('ratingCriteria', committeeId);
  return doc
    ? { weights: doc.weights, thresholds: doc.thresholds, postingDays: doc.postingDays }
    : DEFAULT_RATING_CRITERIA;
}

/** The committee `orgId` is, where the caller is its admin (org.manage); FORBIDDEN otherwise. */
function committeeForAdmin(tree: OrgTree, roles: Parameters<typeof can>[0], committeeId: string): OrgRecord {
  const committee = tree.get(committeeId);
  if (!committee) throw notFound('组织');
  if (!can(roles, tree, 'org.manage', committee.id)) throw forbidden('只有党委管理员可以评星定级');
  if (committee.kind !== 'committee') throw invalidInput('committeeId', '请选择党委');
  return committee;
}

/** The day a year's figures are taken as of: the day after it ends, or today while it runs. */
function asOf(year: number, today: string): string {
  const current = Number(today.slice(0, 4));
  if (year > current) throw invalidInput('year', `${year}年尚未开始，只能评定今年及以前的年度`);
  return year < current ? `${year + 1}-01-01` : today;
}

async function measuresOf(ctx: HandlerContext, tree: OrgTree, branch: OrgRecord, year: number, date: string) {
  const range = periodRange('year', `${year}-06-30`);
  const committeeId = tree.nearest(branch.id, 'committee')?.id ?? '';
  const [{ activities, ...figures }, rules, orgDoc] = await Promise.all([
    branchFigures(ctx, branch.id, range),
    committeeRules(ctx, committeeId),
    ctx.store.get('orgs', branch.id),
  ]);
  const createdDay = orgDoc ? chinaDate(new Date(orgDoc.createdAt)) : null;
  const groupIds = tree
    .children(branch.id)
    .filter((org) => org.kind === 'group' && !org.archived)
    .map((org) => org.id);
  const cadenceActivities = activities.map((a) => ({
    kind: a.kind,
    orgId: a.orgId,
    startAt: a.startAt,
    held: wasHeld(a),
  }));
  const lectureCadence = rules.settings.lectureCadence ?? DEFAULT_LECTURE_CADENCE;
  const measures: RatingMeasures = {
    cadence: yearCadenceShare(
      year,
      date,
      createdDay,
      (day) => evaluateCadence({ date: day, lectureCadence, activities: cadenceActivities, groupIds, createdDay }),
      (every, day) => periodSpan(every, day).firstDay,
    ),
    attendance: figures.attendanceRate,
    study: figures.studyRate,
    declared: figures.declaredRate,
  };
  return measures;
}

const decisionView = (doc: BranchRatingDoc, name: string, now: Date): RatingDecision => ({
  orgId: doc.orgId,
  name,
  year: doc.year,
  stars: doc.stars,
  proposedStars: doc.proposedStars,
  score: doc.score,
  reason: doc.reason,
  decidedAt: doc.decidedAt,
  publicUntil: doc.publicUntil,
  status: now.toISOString() < doc.publicUntil ? 'posting' : 'final',
});

const branchesOf = (tree: OrgTree, committeeId: string) =>
  tree
    .all()
    .filter((o) => o.kind === 'branch' && !o.archived && tree.isWithin(o.id, committeeId))
    .sort((a, b) => comparePinyin(a.name, b.name));

export const ratingProposals = action(
  rosterSchemas.ratingProposals,
  async (ctx, input): Promise<RosterOutputs['ratingProposals']> => {
    const [caller, tree] = await Promise.all([loadCaller(ctx), loadTree(ctx)]);
    const committee = committeeForAdmin(tree, caller.roles, input.committeeId);
    const date = asOf(input.year, chinaDate(ctx.clock()));
    const criteria = await criteriaOf(ctx, committee.id);
    const branches = branchesOf(tree, committee.id);
    const decisions = await byIds(
      ctx.store,
      'branchRatings',
      branches.map((b) => branchRatingId(b.id, input.year)),
    );
    const now = ctx.clock();
    const items = await inBatches(branches, 5, async (branch): Promise<RatingProposal> => {
      const measures = await measuresOf(ctx, tree, branch, input.year, date);
      const proposal = proposeRating(measures, criteria);
      const decided = decisions.get(branchRatingId(branch.id, input.year));
      return {
        orgId: branch.id,
        name: branch.name,
        measures,
        score: proposal.score,
        proposedStars: proposal.stars,
        reasons: proposal.reasons,
        decision: decided ? decisionView(decided, branch.name, now) : null,
      };
    });
    return { year: input.year, criteria, items };
  },
);

export const decideRating = action(
  rosterSchemas.decideRating,
  async (ctx, input): Promise<RosterOutputs['decideRating']> => {
    const [caller, tree] = await Promise.all([loadCaller(ctx), loadTree(ctx)]);
    const branch = tree.get(input.orgId);
    if (!branch) throw notFound('组织');
    const committee = tree.nearest(branch.id, 'committee');
    if (!committee) throw notFound('组织');
    committeeForAdmin(tree, caller.roles, committee.id);
    if (branch.kind !== 'branch') throw invalidInput('orgId', '请选择党支部：评星定级按支部评定');
    if (branch.archived) throw invalidInput('orgId', '该党支部已撤销');
    const date = asOf(input.year, chinaDate(ctx.clock()));
    const criteria = await criteriaOf(ctx, committee.id);
    const measures = await measuresOf(ctx, tree, branch, input.year, date);
    const proposal = proposeRating(measures, criteria);
    const now = ctx.clock();
    const id = branchRatingId(branch.id, input.year);
    const doc: BranchRatingDoc = {
      _id: id,
      orgId: branch.id,
      committeeId: committee.id,
      year: input.year,
      stars: input.stars,
      proposedStars: proposal.stars,
      score: proposal.score,
      measures,
      reason: input.reason,
      decidedAt: now.toISOString(),
      decidedBy: caller.openid,
      publicUntil: postingEnds(now, criteria),
    };
    await ctx.store.transaction(async (tx) => {
      const before = await tx.get('branchRatings', id);
      // Once the posting has ended the rating is final: a change would be a new decision nobody saw posted.
      if (before && now.toISOString() >= before.publicUntil)
        throw conflict(`${branch.name}${input.year}年度的评定已公示期满，不能再更改`);
      await tx.set('branchRatings', doc);
      await writeAudit(tx, ctx, caller.openid, {
        action: 'org.rate',
        target: id,
        committeeId: committee.id,
        before: before ? { stars: before.stars, reason: before.reason } : null,
        after: { stars: doc.stars, proposedStars: doc.proposedStars, score: doc.score, reason: doc.reason },
      });
    });
    return decisionView(doc, branch.name, now);
  },
);

export const ratings = action(rosterSchemas.ratings, async (ctx, input): Promise<RosterOutputs['ratings']> => {
  const [caller, tree] = await Promise.all([loadCaller(ctx), loadTree(ctx)]);
  const branch = tree.get(input.orgId);
  if (!branch) throw notFound('组织');
  // The branch's own members see its stars as staff do: a rating is posted to be seen.
  const ownMember = caller.member?.status === 'active' && caller.member.branchId === branch.id;
  if (!ownMember) requirePermission(caller, tree, 'roster.read', branch.id);
  if (branch.kind !== 'branch') throw invalidInput('orgId', '请选择党支部');
  const thisYear = Number(chinaDate(ctx.clock()).slice(0, 4));
  const years = Array.from({ length: RATING_YEARS_SHOWN }, (_, i) => thisYear - i);
  const docs = await byIds(
    ctx.store,
    'branchRatings',
    years.map((year) => branchRatingId(branch.id, year)),
  );
  const now = ctx.clock();
  return {
    items: years.flatMap((year) => {
      const doc = docs.get(branchRatingId(branch.id, year));
      return doc ? [decisionView(doc, branch.name, now)] : [];
    }),
  };
});

export const setRatingCriteria = action(
  rosterSchemas.setRatingCriteria,
  async (ctx, input): Promise<RosterOutputs['setRatingCriteria']> => {
    const [caller, tree] = await Promise.all([loadCaller(ctx), loadTree(ctx)]);
    const committee = committeeForAdmin(tree, caller.roles, input.committeeId);
    const criteria: RatingCriteriaView = {
      weights: input.weights,
      thresholds: input.thresholds,
      postingDays: input.postingDays,
    };
    const problem = criteriaProblem(criteria);
    if (problem) throw invalidInput(problem.includes('权重') ? 'weights' : 'thresholds', problem);
    await ctx.store.transaction(async (tx) => {
      const before = await tx.get('ratingCriteria', committee.id);
      await tx.set('ratingCriteria', {
        _id: committee.id,
        ...criteria,
        updatedAt: ctx.clock().toISOString(),
        updatedBy: caller.openid,
      });
      await writeAudit(tx, ctx, caller.openid, {
        action: 'org.ratingCriteria',
        target: committee.id,
        committeeId: committee.id,
        before: before
          ? { weights: before.weights, thresholds: before.thresholds, postingDays: before.postingDays }
          : null,
        after: criteria,
      });
    });
    return criteria;
  },
);
