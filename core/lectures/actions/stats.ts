import { isDone } from '../progress';
import {
  lectureSchemas,
  type LectureCounts,
  type LectureOutputs,
  type LectureStatsItem,
} from '../../../contracts/lecture';
import { isPartyMember } from '../../../contracts/labels/common';
import { participationOf } from '../../../contracts/labels/participation';
import type { MemberDoc } from '../../roster';
import { chinaDate } from '../../shared/china-time';
import { periodRange, periodsOfDate } from '../../points';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { invalidInput, notFound } from '../../runtime/errors';
import { activeMembersOf } from '../../roster';
import { completedInBranch, progressOfLecture } from '../queries';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { publishedTo } from './support';
import { comparePinyin } from '../../shared/pinyin-order';
import { membersOf } from '../../roster';

/** How much of the lecture is covered, 0 … 100 rounded down (staff never see the time watched). */
const percentOf = (coveredS: number, durationS: number) =>
  durationS > 0 ? Math.min(100, Math.floor((coveredS / durationS) * 100 + 1e-9)) : 0;

/** Someone on the way carries their status (a Party member nothing). */
const statusOf = (member: MemberDoc) => (isPartyMember(member.partyStatus) ? {} : { partyStatus: member.partyStatus });

/**
 * For one lecture, the org's active members it expects (Party members, and the people on the way
 * whom 微党课 expects: contracts/labels/participation.ts) with their progress.
 */
export async function lectureProgressOf(ctx: HandlerContext, lectureId: string, orgId: string) {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'lecture.read', orgId);
  const org = tree.get(orgId);
  if (!org) throw notFound('组织');
  if (org.kind === 'committee') throw invalidInput('orgId', '请选择党支部或党小组');
  const lecture = await ctx.store.get('lectures', lectureId);
  // Published to the org, an org above it or one inside it: a lecture of another branch is not this one's to count.
  const lineage = new Set(tree.lineage(orgId).map((o) => o.id));
  if (!lecture || !lecture.orgIds.some((id) => lineage.has(id) || tree.isWithin(id, orgId))) throw notFound('课程');
  const branchId = tree.nearest(orgId, 'branch')?.id ?? orgId;
  const [members, progress] = await Promise.all([
    activeMembersOf(ctx.store, membersOf(tree, orgId)),
    progressOfLecture(ctx.store, lectureId, branchId),
  ]);
  const byMember = new Map(progress.map((p) => [p.memberId, p]));
  const items: LectureStatsItem[] = members
    // Only those it is published to (a lecture for one group does not expect the rest of the branch),
    // and whom lectures expect: 入党申请人 may watch, but are not counted, listed or reminded.
    .filter((member) => publishedTo(lecture, member) && participationOf('lecture', member.partyStatus) === 'expected')
    .sort((a, b) => comparePinyin(a.name, b.name))
    .map((member) => {
      const p = byMember.get(member._id) ?? null;
      return {
        memberId: member._id,
        name: member.name,
        progressPercent: percentOf(p?.state.coveredS ?? 0, lecture.durationS),
        started: (p?.state.coveredS ?? 0) > 0,
        completed: isDone(lecture, p),
        quizPassed: lecture.quiz ? Boolean(p?.quiz?.passed) : null,
        watchedAt: p?.watchedAt ?? null,
        ...statusOf(member),
      };
    });
  // Who has not finished first: that is the list a secretary acts on.
  items.sort((a, b) => Number(a.completed) - Number(b.completed));
  return { lecture, items, orgName: org.name };
}

const tally = (items: LectureStatsItem[]): LectureCounts => ({
  expected: items.length,
  started: items.filter((i) => i.started).length,
  completed: items.filter((i) => i.completed).length,
  passed: items.filter((i) => i.quizPassed).length,
});

/** The Party members' figures, and the people on the way's apart (in no rate). */
export function summarise(items: LectureStatsItem[]): LectureCounts & { onTheWay?: LectureCounts } {
  const way = items.filter((i) => i.partyStatus);
  return way.length ? { ...tally(items.filter((i) => !i.partyStatus)), onTheWay: tally(way) } : tally(items);
}

export const stats = action(lectureSchemas.stats, async (ctx, input): Promise<LectureOutputs['stats']> => {
  const { items } = await lectureProgressOf(ctx, input.id, input.orgId);
  return { ...summarise(items), items };
});

export const memberStats = action(
  lectureSchemas.memberStats,
  async (ctx, input): Promise<LectureOutputs['memberStats']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    requirePermission(caller, tree, 'lecture.read', input.orgId);
    const org = tree.get(input.orgId);
    if (!org || org.kind === 'committee') throw invalidInput('orgId', '请选择党支部或党小组');
    const date = input.date ?? chinaDate(ctx.clock());
    const periods = periodsOfDate(date);
    const year = periodRange('year', date);
    const branchId = tree.nearest(input.orgId, 'branch')?.id ?? input.orgId;
    const [members, done] = await Promise.all([
      activeMembersOf(ctx.store, membersOf(tree, input.orgId)),
      completedInBranch(ctx.store, branchId, year),
    ]);
    const month = periodRange('month', date);
    const quarter = periodRange('quarter', date);
    const within = (at: string, range: { from: string; to: string }) => at >= range.from && at < range.to;
    const items = members
      .sort((a, b) => comparePinyin(a.name, b.name))
      .map((member) => {
        const own = done.filter((p) => p.memberId === member._id && p.doneAt).map((p) => p.doneAt as string);
        return {
          memberId: member._id,
          name: member.name,
          month: own.filter((at) => within(at, month)).length,
          quarter: own.filter((at) => within(at, quarter)).length,
          year: own.length,
          ...statusOf(member),
        };
      });
    return { period: { month: periods.monthKey, quarter: periods.quarterKey, year: periods.yearKey }, items };
  },
);
