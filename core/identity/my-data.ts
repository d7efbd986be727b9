import { DECLARATION_CONSENT } from '../../contracts/consent';
import { identitySchemas, type IdentityOutputs } from '../../contracts/identity';
import type { MyData } from '../../contracts/my-data';
import { attendanceId, type ActivityDoc, type AttendanceDoc, type LeaveDoc } from '../activities/documents';
import type { OrgTree } from '../shared/org-tree';
import type { LectureDoc, ProgressDoc } from '../lectures/documents';
import type { BindingDoc, DeclarationDoc } from './documents';
import type { MemberDoc, RoleDoc } from '../roster/documents';
import type { LedgerDoc } from '../points/ledger';
import type { HandlerContext } from '../runtime/context';
import { action } from '../runtime/dispatch';
import { MAX_QUERY_LIMIT, type Doc, type Filter } from '../store/port';
import { loadTree, requireOpenid } from '../shared/caller';
import { isDone } from '../lectures/actions/support';
import { objectionId } from '../points/actions/objections';
import type { ObjectionDoc } from '../points/documents';

/** Every document matching `where`, a page at a time, oldest first. */
async function all<T extends Doc>(ctx: HandlerContext, collection: string, where: Filter, order: string): Promise<T[]> {
  const found: T[] = [];
  for (let skip = 0; ; skip += MAX_QUERY_LIMIT) {
    const page = await ctx.store.query<T>(collection, {
      where,
      orderBy: [
        [order, 'asc'],
        ['_id', 'asc'],
      ],
      limit: MAX_QUERY_LIMIT,
      skip,
    });
    found.push(...page);
    if (page.length < MAX_QUERY_LIMIT) return found;
  }
}

/** Documents by id, in chunks (ids that do not exist are left out). */
async function byIds<T extends Doc>(ctx: HandlerContext, collection: string, ids: string[]): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += MAX_QUERY_LIMIT) {
    const chunk = unique.slice(i, i + MAX_QUERY_LIMIT);
    const docs = await ctx.store.query<T>(collection, { where: { _id: { $in: chunk } }, limit: chunk.length });
    for (const doc of docs) found.set(doc._id, doc);
  }
  return found;
}

const orgName = (tree: OrgTree, id: string | null) => (id ? (tree.get(id)?.name ?? null) : null);

/**
 * Everything held about the caller: their WeChat account's binding, roles and declarations, and,
 * when bound to a roster entry (active or not), that entry and every record keyed by it. Every
 * query is keyed by the caller's own openid or member id, so nobody else's data can appear.
 */
export async function collectMyData(ctx: HandlerContext): Promise<MyData> {
  const openid = requireOpenid(ctx);
  const tree = await loadTree(ctx);
  const [binding, roles, declarations] = await Promise.all([
    ctx.store.get<BindingDoc>('bindings', openid),
    all<RoleDoc>(ctx, 'roles', { openid }, 'at'),
    all<DeclarationDoc>(ctx, 'declarations', { openid }, 'createdAt'),
  ]);
  const member = binding ? await ctx.store.get<MemberDoc>('members', binding.memberId) : null;
  const base: MyData = {
    generatedAt: ctx.clock().toISOString(),
    member: null,
    bindings: binding ? [{ account: '当前微信账号', at: binding.at }] : [],
    roles: roles.map((r) => ({ orgName: orgName(tree, r.orgId) ?? '', role: r.role, at: r.at })),
    declarations: declarations.map((d) => ({
      id: d._id,
      status: d.status,
      name: d.name,
      phone: d.phone,
      partyStatus: d.partyStatus,
      joinedAt: d.joinedAt,
      fullAt: d.fullAt,
      orgName: orgName(tree, d.orgId),
      externalOrg: d.externalOrg,
      reason: d.reason,
      createdAt: d.createdAt,
      reviewedAt: d.reviewedAt,
      consent: d.consent ?? null,
    })),
    attendance: [],
    leaves: [],
    points: [],
    lectures: [],
    objections: [],
  };
  if (!member) return base;

  const memberId = member._id;
  const [attendance, leaves, ledger, progress] = await Promise.all([
    all<AttendanceDoc>(ctx, 'attendance', { memberId }, 'at'),
    all<LeaveDoc>(ctx, 'leaves', { memberId }, 'at'),
    all<LedgerDoc>(ctx, 'ledger', { memberId }, 'at'),
    all<ProgressDoc>(ctx, 'lectureProgress', { memberId }, 'watchedAt'),
  ]);
  const [activities, lectures, objections] = await Promise.all([
    byIds<ActivityDoc>(
      ctx,
      'activities',
      attendance.map((a) => a.activityId),
    ),
    byIds<LectureDoc>(
      ctx,
      'lectures',
      progress.map((p) => p.lectureId),
    ),
    byIds<ObjectionDoc>(
      ctx,
      'objections',
      ledger.map((e) => objectionId(e._id)),
    ),
  ]);
  return {
    ...base,
    member: {
      id: memberId,
      name: member.name,
      phone: member.phone,
      partyStatus: member.partyStatus,
      joinedAt: member.joinedAt,
      fullAt: member.fullAt,
      orgName: orgName(tree, member.branchId) ?? '',
      groupName: orgName(tree, member.groupId),
      externalOrg: member.externalOrg,
      status: member.status,
      exemptReason: member.exemptReason ?? null,
      createdAt: member.createdAt,
      history: member.history,
    },
    attendance: attendance
      // The id ties a record to this member: `${activityId}:${memberId}`.
      .filter((a) => a._id === attendanceId(a.activityId, memberId))
      .map((a) => ({
        activityId: a.activityId,
        title: activities.get(a.activityId)?.title ?? '',
        startAt: activities.get(a.activityId)?.startAt ?? null,
        status: a.status,
        at: a.at,
        method: a.method,
        note: a.note,
        points: a.points,
        location: a.location ?? null,
      })),
    leaves: leaves.map((l) => ({
      activityId: l.activityId,
      activityTitle: l.activityTitle,
      activityStartAt: l.activityStartAt,
      reason: l.reason,
      status: l.status,
      note: l.note,
      at: l.at,
      reviewedAt: l.reviewedAt,
    })),
    points: ledger.map((e) => ({
      id: e._id,
      ruleName: e.ruleName,
      value: e.value,
      reason: e.reason,
      at: e.at,
      reverses: e.reverses,
    })),
    lectures: progress.flatMap((p) => {
      const lecture = lectures.get(p.lectureId);
      if (!lecture) return [];
      const progressPercent = lecture.durationS
        ? Math.min(100, Math.floor((p.state.coveredS / lecture.durationS) * 100))
        : 0;
      return [
        {
          lectureId: lecture._id,
          title: lecture.title,
          progress: progressPercent,
          completed: isDone(lecture, p),
          quizPassed: lecture.quiz ? Boolean(p.quiz?.passed) : null,
          lastStudiedAt: p.watchedAt ?? null,
          completedAt: p.doneAt,
        },
      ];
    }),
    objections: [...objections.values()]
      .filter((o) => o.memberId === memberId)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((o) => ({
        id: o._id,
        ruleName: o.ruleName,
        value: o.value,
        reason: o.reason,
        status: o.status,
        resolution: o.resolution,
        at: o.at,
      })),
  };
}

export const consentNotice = action(
  identitySchemas.consentNotice,
  async (ctx): Promise<IdentityOutputs['consentNotice']> => {
    requireOpenid(ctx);
    return DECLARATION_CONSENT;
  },
);

export const myData = action(identitySchemas.myData, async (ctx) => collectMyData(ctx));
