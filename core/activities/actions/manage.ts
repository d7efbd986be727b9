import { byIds, countedPage } from '../../shared/paging';
import { activeMembersOf } from '../../roster';
import { activitiesPage, activitiesWindow, attendanceOf, signedInCount, type ActivityPlace } from '../queries';
import { activitySchemas, type ActivityOutputs, type MyActivityStatus } from '../../../contracts/activity';
import { attendanceId, leaveId, type ActivityDoc, type Attendee } from '../documents';
import { newSecret } from '../token';
import { attendeeOf, mayJoinLate, refusedAt, welcomeAt } from '../late-members';
import type { ActivityKind } from '../../../contracts/labels/activity';
import { participationOf } from '../../../contracts/labels/participation';
import { defaultWindow, DEFAULT_GRACE_MIN, timesProblem, type ActivityTimes } from '../window';
import type { OrgTree } from '../../shared/org-tree';
import { can } from '../../shared/permissions';
import type { MemberDoc } from '../../roster';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden, invalidInput, notFound } from '../../runtime/errors';
import type { Filter } from '../../store/port';
import {
  attendanceItems,
  countsOf,
  loadActivity,
  loadAttendance,
  loadManagedActivity,
  toActivityView,
} from './support';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission, type Caller } from '../../shared/caller';
import { committeeRules, forgetActivity } from '../../shared/snapshots';

/** The org an activity belongs to: a branch or one of its groups. */
function placementOf(tree: OrgTree, orgId: string): { branchId: string; committeeId: string } {
  const org = tree.get(orgId);
  if (!org) throw notFound('组织');
  const branch = tree.nearest(orgId, 'branch');
  const committee = tree.nearest(orgId, 'committee');
  if (org.kind === 'committee' || !branch || !committee) throw invalidInput('orgId', '请选择党支部或党小组');
  if (org.archived || branch.archived) throw invalidInput('orgId', '该组织已撤销，不能再安排活动');
  return { branchId: branch.id, committeeId: committee.id };
}

/** A list entry for `member` at an activity of `kind`, by how they take part; null when refused. */
function entryFor(kind: ActivityKind, member: Pick<MemberDoc, '_id' | 'name' | 'exemptReason' | 'partyStatus'>) {
  const standing = participationOf(kind, member.partyStatus);
  return standing === 'refused' ? null : attendeeOf(member, standing === 'welcome');
}

/** Why someone on the list may not stay on it at an activity of `kind`. */
const refusal = (kind: ActivityKind, a: Pick<Attendee, 'name' | 'partyStatus'>) =>
  `${a.name}：${refusedAt(kind, a.partyStatus ?? '')}`;

/**
 * The attendees: the chosen members of the branch, or every active member of the org whom the kind
 * expects (contracts/labels/participation.ts). Someone on the way whom the kind only welcomes is
 * listed as a guest (列席) when chosen; one it refuses cannot be chosen.
 */
async function attendeesFor(
  ctx: HandlerContext,
  orgId: string,
  branchId: string,
  tree: OrgTree,
  memberIds: string[] | undefined,
  kind: ActivityKind,
): Promise<Attendee[]> {
  if (!memberIds) {
    const org = tree.get(orgId);
    const members = (
      await activeMembersOf(ctx.store, org?.kind === 'group' ? { groupId: orgId } : { branchId })
    ).filter((m) => participationOf(kind, m.partyStatus) === 'expected');
    if (members.length === 0) throw invalidInput('orgId', '该组织还没有在册党员');
    return members.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')).map((m) => attendeeOf(m));
  }
  const ids = [...new Set(memberIds)];
  const found = await byIds(ctx.store, 'members', ids);
  return ids.map((id, index) => {
    const member = found.get(id);
    if (!member || member.status !== 'active' || member.branchId !== branchId)
      throw invalidInput(`expectedMemberIds.${index}`, '只能选择本支部在册的党员');
    const entry = entryFor(kind, member);
    if (!entry) throw invalidInput(`expectedMemberIds.${index}`, refusal(kind, attendeeOf(member)));
    return entry;
  });
}

/** The list under a new kind: each one on the way expected or a guest as the kind says; refused: the kind cannot be. */
function relisted(attendees: Attendee[], kind: ActivityKind): Attendee[] {
  return attendees.map((a) => {
    if (!a.partyStatus) return a;
    const standing = participationOf(kind, a.partyStatus);
    if (standing === 'refused') throw invalidInput('kind', `${refusal(kind, a)}；请先调整应到名单`);
    const { guest: _, ...rest } = a;
    return standing === 'welcome' ? { ...rest, guest: true as const } : rest;
  });
}

function timesOf(input: {
  startAt: string;
  endAt: string;
  signInFrom?: string;
  signInUntil?: string;
  graceMinutes?: number;
}): ActivityTimes {
  const start = new Date(input.startAt);
  const window = defaultWindow(start);
  return {
    startAt: start.toISOString(),
    endAt: new Date(input.endAt).toISOString(),
    signInFrom: input.signInFrom ? new Date(input.signInFrom).toISOString() : window.signInFrom,
    signInUntil: input.signInUntil ? new Date(input.signInUntil).toISOString() : window.signInUntil,
    graceMinutes: input.graceMinutes ?? DEFAULT_GRACE_MIN,
  };
}

function checkTimes(times: ActivityTimes, now: Date): void {
  const problem = timesProblem(times, now);
  if (problem) throw invalidInput(problem[0], problem[1]);
}

export const create = action(activitySchemas.create, async (ctx, input): Promise<ActivityOutputs['create']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'activity.manage', input.orgId);
  const { branchId, committeeId } = placementOf(tree, input.orgId);
  const now = ctx.clock();
  const times = timesOf(input);
  checkTimes(times, now);
  const attendees = await attendeesFor(ctx, input.orgId, branchId, tree, input.expectedMemberIds, input.kind);
  const activity: ActivityDoc = {
    _id: ctx.newId(),
    orgId: input.orgId,
    branchId,
    committeeId,
    kind: input.kind,
    title: input.title,
    ...times,
    place: input.place ?? null,
    notes: input.notes ?? '',
    attendees,
    secret: newSecret(),
    status: 'active',
    cancelReason: null,
    closedAt: null,
    closeSummary: null,
    createdBy: caller.openid,
    organisers: caller.member ? [caller.member._id] : [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('activities', activity);
    await writeAudit(tx, ctx, caller.openid, {
      action: 'activity.create',
      target: `activities/${activity._id}`,
      committeeId,
      after: { title: activity.title, kind: activity.kind, startAt: activity.startAt, expected: attendees.length },
    });
  });
  return { id: activity._id };
});

export const update = action(activitySchemas.update, async (ctx, input): Promise<ActivityOutputs['update']> => {
  const { caller, tree, activity } = await loadManagedActivity(ctx, input.id, 'activity.manage');
  if (activity.status !== 'active')
    throw conflict(activity.status === 'closed' ? '活动已结束，不能修改' : '活动已取消');
  const times = timesOf({
    startAt: input.startAt ?? activity.startAt,
    endAt: input.endAt ?? activity.endAt,
    signInFrom: input.signInFrom ?? (input.startAt ? undefined : activity.signInFrom),
    signInUntil: input.signInUntil ?? (input.startAt ? undefined : activity.signInUntil),
    graceMinutes: input.graceMinutes ?? activity.graceMinutes,
  });
  checkTimes(times, new Date(Math.min(ctx.clock().getTime(), Date.parse(activity.createdAt))));
  const kind = input.kind ?? activity.kind;
  let attendees = kind === activity.kind ? activity.attendees : relisted(activity.attendees, kind);
  if (input.expectedMemberIds) {
    attendees = await attendeesFor(ctx, activity.orgId, activity.branchId, tree, input.expectedMemberIds, kind);
    // Whoever has signed in stays on the list.
    const signedIn = await attendanceOf(ctx.store, activity._id);
    const kept = new Set(attendees.map((a) => a.id));
    for (const record of signedIn)
      if (!kept.has(record.memberId) && record.status !== 'revoked')
        attendees.push(
          activity.attendees.find((a) => a.id === record.memberId) ?? { id: record.memberId, name: record.name },
        );
  }
  const changes: Partial<ActivityDoc> = {
    ...times,
    kind,
    title: input.title ?? activity.title,
    place: input.place === undefined ? activity.place : input.place,
    notes: input.notes ?? activity.notes,
    attendees,
    ...(input.expectedMemberIds ? { attendeesFixedAt: ctx.clock().toISOString() } : {}),
    updatedAt: ctx.clock().toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    const current = await tx.get('activities', activity._id);
    if (current?.status !== 'active') throw conflict('活动已结束或已取消，不能修改');
    await tx.update('activities', activity._id, { $set: changes });
    await writeAudit(tx, ctx, caller.openid, {
      action: 'activity.update',
      target: `activities/${activity._id}`,
      committeeId: activity.committeeId,
      before: { title: activity.title, startAt: activity.startAt, expected: activity.attendees.length },
      after: { title: changes.title, startAt: changes.startAt, expected: attendees.length },
    });
  });
  forgetActivity(ctx.store, activity._id);
  return { id: activity._id };
});

export const cancel = action(activitySchemas.cancel, async (ctx, input): Promise<ActivityOutputs['cancel']> => {
  const { caller, activity } = await loadManagedActivity(ctx, input.id, 'activity.manage');
  if (activity.status === 'cancelled') return { id: activity._id, phase: 'cancelled' };
  if (activity.status === 'closed') throw conflict('活动已结束，不能取消');
  const signedIn = await signedInCount(ctx.store, activity._id);
  if (signedIn > 0) throw conflict(`已有 ${signedIn} 人签到，不能取消；活动开始后请结束活动`);
  await ctx.store.transaction(async (tx) => {
    await tx.update('activities', activity._id, {
      $set: { status: 'cancelled', cancelReason: input.reason, updatedAt: ctx.clock().toISOString() },
    });
    await writeAudit(tx, ctx, caller.openid, {
      action: 'activity.cancel',
      target: `activities/${activity._id}`,
      committeeId: activity.committeeId,
      after: { reason: input.reason },
    });
  });
  forgetActivity(ctx.store, activity._id);
  return { id: activity._id, phase: 'cancelled' };
});

function listWhere(
  tree: OrgTree,
  orgId: string,
  scope: 'upcoming' | 'past' | 'all',
  now: Date,
): ActivityPlace & Filter {
  const org = tree.get(orgId);
  if (!org) throw notFound('组织');
  if (org.kind === 'committee') throw invalidInput('orgId', '请选择党支部或党小组');
  const where: ActivityPlace & Filter = org.kind === 'group' ? { orgId } : { branchId: orgId };
  // A closed activity is no longer upcoming, even if closed before its end.
  if (scope === 'upcoming') Object.assign(where, { endAt: { $gte: now.toISOString() }, status: { $ne: 'closed' } });
  if (scope === 'past') where.endAt = { $lt: now.toISOString() };
  return where;
}

export const list = action(activitySchemas.list, async (ctx, input): Promise<ActivityOutputs['list']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'activity.run', input.orgId);
  const now = ctx.clock();
  const where = listWhere(tree, input.orgId, input.scope, now);
  const direction = input.scope === 'upcoming' ? 'asc' : 'desc';
  const { docs, total } = await activitiesPage(ctx.store, where, direction, input.page, input.pageSize);
  const rules = await committeeRules(ctx, tree.nearest(input.orgId, 'committee')?.id ?? '');
  const items = await Promise.all(
    docs.map(async (doc) => ({
      ...toActivityView(doc, tree, rules, now),
      counts: (await loadAttendance(ctx, doc)).counts,
    })),
  );
  return countedPage(items, input, total);
});

/** A member's standing for one activity, from their attendance record and leave request. */
async function myStatus(ctx: HandlerContext, activity: ActivityDoc, member: MemberDoc): Promise<MyActivityStatus> {
  const memberId = member._id;
  const [record, leave] = await Promise.all([
    ctx.store.get('attendance', attendanceId(activity._id, memberId)),
    ctx.store.get('leaves', leaveId(activity._id, memberId)),
  ]);
  // A member who joined the org after the list was fixed is expected as if on it (late-members.ts).
  const attendee =
    activity.attendees.find((a) => a.id === memberId) ??
    (mayJoinLate(activity, member) ? attendeeOf(member) : undefined);
  const [item] = attendanceItems(
    { ...activity, attendees: attendee ? [attendee] : [] },
    record ? [record] : [],
    leave ? [leave] : [],
  );
  const welcome = attendee ? attendee.guest : welcomeAt(activity, member);
  return {
    expected: Boolean(attendee && !attendee.guest),
    ...(welcome ? { welcome } : {}),
    status: item?.status ?? null,
    at: item?.at ?? null,
    leave: leave ? { status: leave.status, reason: leave.reason, note: leave.note } : null,
  };
}

/** How many of a branch's activities a member's list looks through (a few years' worth). */
const MINE_WINDOW = 200;

/**
 * A member's activities: 即将开始 are those not ended and not closed; 已结束 those ended or
 * closed (closing is refused before the start, so a closed one has started).
 */
async function memberActivities(
  ctx: HandlerContext,
  tree: OrgTree,
  branchId: string,
  scope: 'upcoming' | 'past',
  now: Date,
): Promise<ActivityDoc[]> {
  const where = listWhere(tree, branchId, 'all', now);
  if (scope === 'upcoming') where.endAt = { $gte: now.toISOString() };
  else where.startAt = { $lte: now.toISOString() };
  const docs = await activitiesWindow(ctx.store, where, scope === 'upcoming' ? 'asc' : 'desc', MINE_WINDOW);
  const ended = (doc: ActivityDoc) => doc.status === 'closed' || Date.parse(doc.endAt) < now.getTime();
  return docs.filter((doc) => (scope === 'past') === ended(doc));
}

export const mine = action(activitySchemas.mine, async (ctx, input): Promise<ActivityOutputs['mine']> => {
  const { page = 1, pageSize = 20, scope = 'upcoming' } = input ?? {};
  const caller = await loadCaller(ctx);
  if (!caller.member) throw forbidden('请先亮身份');
  const member = caller.member;
  const tree = await loadTree(ctx);
  const now = ctx.clock();
  const docs = await memberActivities(ctx, tree, member.branchId, scope, now);
  const own = docs.filter(
    (doc) => doc.attendees.some((a) => a.id === member._id) || mayJoinLate(doc, member) || welcomeAt(doc, member),
  );
  const shown = own.slice((page - 1) * pageSize, page * pageSize);
  const rules = await committeeRules(ctx, member.committeeId);
  const items = await Promise.all(
    shown.map(async (doc) => ({
      ...toActivityView(doc, tree, rules, now),
      mine: await myStatus(ctx, doc, member),
    })),
  );
  return { items, page, pageSize, hasMore: page * pageSize < own.length };
});

/** Staff, the listed, and the branch's members; someone on the way not where the kind refuses them. */
function canSee(caller: Caller, tree: OrgTree, activity: ActivityDoc): boolean {
  const member = caller.member;
  return (
    can(caller.roles, tree, 'activity.run', activity.orgId) ||
    activity.attendees.some((a) => a.id === member?._id) ||
    (member?.branchId === activity.branchId && participationOf(activity.kind, member.partyStatus) !== 'refused')
  );
}

export const get = action(activitySchemas.get, async (ctx, input): Promise<ActivityOutputs['get']> => {
  const [caller, tree, activity] = await Promise.all([loadCaller(ctx), loadTree(ctx), loadActivity(ctx, input.id)]);
  if (!canSee(caller, tree, activity)) throw notFound('活动');
  const rules = await committeeRules(ctx, activity.committeeId);
  const now = ctx.clock();
  const canManage = can(caller.roles, tree, 'activity.run', activity.orgId);
  const view = toActivityView(activity, tree, rules, now);
  const mineStatus = caller.member ? await myStatus(ctx, activity, caller.member) : null;
  if (!canManage) return { ...view, canManage, mine: mineStatus };
  const { items } = await loadAttendance(ctx, activity);
  return {
    ...view,
    canManage,
    mine: mineStatus,
    expectedMemberIds: activity.attendees.map((a) => a.id),
    counts: countsOf(items),
  };
});
