import { attendanceOf, leavesOf } from '../queries';
import {
  ACTIVITY_KIND_LABELS,
  type ActivityCounts,
  type ActivityView,
  type AttendanceItem,
  type AttendanceStatus,
} from '../../../contracts/activity';
import { isOrganiser, pointsPolicy } from '../awards';
import type { AttendanceDoc, ActivityDoc, Attendee, LeaveDoc } from '../documents';
import { attendeeOf, expectedLate, listedExpected } from '../late-members';
import { phaseOf, ruleForKind } from '../window';
import type { OrgTree } from '../../shared/org-tree';
import type { Permission } from '../../shared/permissions';
import { activeMembersOf, type MemberDoc } from '../../roster';
import { findRule, type RuleSet } from '../../points';
import type { HandlerContext } from '../../runtime/context';
import { notFound } from '../../runtime/errors';
import { loadCaller, loadTree, requirePermission, type Caller } from '../../shared/caller';
import { boundMember, forgetActivity } from '../../shared/snapshots';

/** The reason of a sign-in's ledger entry. */
export const entryReason = (activity: ActivityDoc, late: boolean) =>
  `参加${ACTIVITY_KIND_LABELS[activity.kind]}「${activity.title}」${late ? '（迟到）' : ''}`;

/** The reason of an absence deduction. */
export const absenceReason = (activity: ActivityDoc) =>
  `无故缺席${ACTIVITY_KIND_LABELS[activity.kind]}「${activity.title}」`;

export async function loadActivity(ctx: HandlerContext, id: string): Promise<ActivityDoc> {
  const activity = await ctx.store.get('activities', id);
  if (!activity) throw notFound('活动');
  return activity;
}

/** The activity, after checking that the caller holds `permission` on its org. */
export async function loadManagedActivity(
  ctx: HandlerContext,
  id: string,
  permission: Permission,
): Promise<{ caller: Caller; tree: OrgTree; activity: ActivityDoc }> {
  const [caller, tree, activity] = await Promise.all([loadCaller(ctx), loadTree(ctx), loadActivity(ctx, id)]);
  requirePermission(caller, tree, permission, activity.orgId);
  return { caller, tree, activity };
}

/**
 * Records `member` among the activity's organisers (showing its code, scanning a card): their own
 * award then waits for the close. Written once per organiser, not at every code refresh.
 */
export async function addOrganiser(
  ctx: HandlerContext,
  activity: ActivityDoc,
  member: MemberDoc,
): Promise<ActivityDoc> {
  if (isOrganiser(activity, member)) return activity;
  const organisers = await ctx.store.transaction(async (tx) => {
    const current = await tx.get('activities', activity._id);
    const list = current?.organisers ?? [];
    if (!current || list.includes(member._id)) return list;
    const next = [...list, member._id];
    await tx.update('activities', activity._id, { $set: { organisers: next } });
    return next;
  });
  forgetActivity(ctx.store, activity._id);
  return { ...activity, organisers };
}

/** The organisers' member ids: those recorded, and the creator (also on documents older than the list). */
export async function organiserIds(ctx: HandlerContext, activity: ActivityDoc): Promise<Set<string>> {
  const ids = new Set(activity.organisers ?? []);
  const creator = await boundMember(ctx, activity.createdBy);
  if (creator) ids.add(creator._id);
  return ids;
}

export function toActivityView(activity: ActivityDoc, tree: OrgTree, rules: RuleSet, now: Date): ActivityView {
  const rule = findRule(rules, ruleForKind(activity.kind));
  const policy = pointsPolicy(activity);
  return {
    id: activity._id,
    orgId: activity.orgId,
    orgName: tree.get(activity.orgId)?.name ?? '',
    branchId: activity.branchId,
    branchName: tree.get(activity.branchId)?.name ?? '',
    kind: activity.kind,
    kindLabel: ACTIVITY_KIND_LABELS[activity.kind],
    title: activity.title,
    startAt: activity.startAt,
    endAt: activity.endAt,
    signInFrom: activity.signInFrom,
    signInUntil: activity.signInUntil,
    graceMinutes: activity.graceMinutes,
    place: activity.place,
    notes: activity.notes,
    rule: rule?.code ?? ruleForKind(activity.kind),
    ruleName: rule?.name ?? '',
    points: rule?.active && policy.awards ? rule.value : 0,
    awardsPoints: policy.awards,
    noPointsReason: policy.reason,
    phase: phaseOf(activity, now),
    expectedCount: listedExpected(activity).length,
    cancelReason: activity.cancelReason,
    closedAt: activity.closedAt,
  };
}

/**
 * Each expected member's standing: their attendance record if it counts (a sign-in, or what
 * closing fixed), otherwise approved leave, then exemption, and otherwise not signed in yet. A guest
 * (welcome, not expected) is listed only once signed in. Someone on the way carries their status.
 */
export function attendanceItems(activity: ActivityDoc, records: AttendanceDoc[], leaves: LeaveDoc[]): AttendanceItem[] {
  const byMember = new Map(records.map((r) => [r.memberId, r]));
  const approved = new Map(leaves.filter((l) => l.status === 'approved').map((l) => [l.memberId, l]));
  const closed = activity.status === 'closed';
  const items: AttendanceItem[] = [];
  for (const attendee of activity.attendees) {
    const record = byMember.get(attendee.id);
    const who = {
      memberId: attendee.id,
      name: attendee.name,
      ...(attendee.partyStatus ? { partyStatus: attendee.partyStatus } : {}),
      ...(attendee.guest ? { guest: true } : {}),
    };
    if (record && record.status !== 'revoked') {
      items.push({
        ...who,
        status: record.status,
        at: record.status === 'present' || record.status === 'late' ? record.at : null,
        method: record.method === 'close' || record.method === 'host' ? null : record.method,
        note: record.note,
      });
      continue;
    }
    if (attendee.guest) continue;
    const leave = approved.get(attendee.id);
    let status: AttendanceStatus = closed ? 'absent' : 'expected';
    if (leave) status = 'leave';
    else if (attendee.exempt) status = 'exempt';
    items.push({ ...who, status, at: null, method: null, note: leave?.reason ?? attendee.exempt ?? null });
  }
  return items;
}

type Tally = Omit<ActivityCounts, 'onTheWay'>;

function tally(items: AttendanceItem[]): Tally {
  const counts: Tally = { expected: 0, present: 0, late: 0, leave: 0, exempt: 0, absent: 0, pending: 0, rate: null };
  for (const item of items) {
    if (!item.guest) counts.expected += 1;
    if (item.status === 'expected') counts.pending += 1;
    else counts[item.status] += 1;
  }
  const due = counts.expected - counts.exempt;
  const came = items.filter((i) => !i.guest && (i.status === 'present' || i.status === 'late')).length;
  counts.rate = due > 0 ? Math.round((came / due) * 1000) / 1000 : null;
  return counts;
}

/**
 * The Party members' counts and rate; the people on the way (expected, and guests who came) apart
 * in `onTheWay`, counted in no rate of the branch.
 */
export function countsOf(items: AttendanceItem[]): ActivityCounts {
  const way = items.filter((i) => i.partyStatus);
  const counts: ActivityCounts = tally(way.length ? items.filter((i) => !i.partyStatus) : items);
  if (way.length) counts.onTheWay = { ...tally(way), guests: way.filter((i) => i.guest).length };
  return counts;
}

/**
 * The expected attendees as they stand: the list, and while the activity is open, the members who
 * joined its org after the list was fixed and before the start (late-members.ts).
 */
export async function expectedAttendees(ctx: HandlerContext, activity: ActivityDoc): Promise<Attendee[]> {
  if (activity.status !== 'active') return activity.attendees;
  const place = activity.orgId === activity.branchId ? { branchId: activity.branchId } : { groupId: activity.orgId };
  const late = (await activeMembersOf(ctx.store, place)).filter((m) => expectedLate(activity, m));
  return late.length ? [...activity.attendees, ...late.map((m) => attendeeOf(m))] : activity.attendees;
}

/**
 * Puts a member who joined the org late on the activity's list (when they sign in or ask for leave),
 * in its own transaction so that two joining at once are both kept.
 */
export async function addAttendee(ctx: HandlerContext, activity: ActivityDoc, member: MemberDoc): Promise<ActivityDoc> {
  const attendees = await ctx.store.transaction(async (tx) => {
    const current = await tx.get('activities', activity._id);
    const list = current?.attendees ?? activity.attendees;
    if (!current || list.some((a) => a.id === member._id)) return list;
    const next = [...list, attendeeOf(member)];
    await tx.update('activities', activity._id, { $set: { attendees: next } });
    return next;
  });
  forgetActivity(ctx.store, activity._id);
  return { ...activity, attendees };
}

export async function loadAttendance(
  ctx: HandlerContext,
  activity: ActivityDoc,
): Promise<{ items: AttendanceItem[]; counts: ActivityCounts }> {
  const [records, leaves, attendees] = await Promise.all([
    attendanceOf(ctx.store, activity._id),
    leavesOf(ctx.store, activity._id),
    expectedAttendees(ctx, activity),
  ]);
  const items = attendanceItems({ ...activity, attendees }, records, leaves);
  return { items, counts: countsOf(items) };
}
