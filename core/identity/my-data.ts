import { attendanceOfMember, leavesOfMember } from '../activities';
import { progressOfMember } from '../lectures';
import { ledgerOfMember } from '../points';
import { profileOf, rolesOfAccount } from '../roster';
import { byIds } from '../shared/paging';
import { declarationsOfAccount } from './queries';
import type { MyData } from '../../contracts/my-data';
import { attendanceId } from '../activities';
import type { OrgTree } from '../shared/org-tree';
import type { HandlerContext } from '../runtime/context';
import { loadTree, requireOpenid } from '../shared/caller';
import { isDone } from '../lectures';
import { objectionId } from '../points';

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
    ctx.store.get('bindings', openid),
    rolesOfAccount(ctx.store, openid),
    declarationsOfAccount(ctx.store, openid),
  ]);
  const member = binding ? await ctx.store.get('members', binding.memberId) : null;
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
    attendanceOfMember(ctx.store, memberId),
    leavesOfMember(ctx.store, memberId),
    ledgerOfMember(ctx.store, memberId),
    progressOfMember(ctx.store, memberId),
  ]);
  const [activities, lectures, objections] = await Promise.all([
    byIds(
      ctx.store,
      'activities',
      attendance.map((a) => a.activityId),
    ),
    byIds(
      ctx.store,
      'lectures',
      progress.map((p) => p.lectureId),
    ),
    byIds(
      ctx.store,
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
      landline: member.landline ?? null,
      partyStatus: member.partyStatus,
      joinedAt: member.joinedAt,
      fullAt: member.fullAt,
      orgName: orgName(tree, member.branchId) ?? '',
      groupName: orgName(tree, member.groupId),
      externalOrg: member.externalOrg,
      status: member.status,
      exemptReason: member.exemptReason ?? null,
      ...profileOf(member),
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
