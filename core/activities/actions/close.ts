import { byIds } from '../../shared/paging';
import { activitiesDue, attendanceOf, leavesOf } from '../queries';
import { activitySchemas, type ActivityOutputs, type ClosePreview } from '../../../contracts/activity';
import { heldWithOthers, pointsPolicy } from '../awards';
import { absenceEntryId, attendanceId, awardEntryId, type ActivityDoc, type Attendee } from '../documents';
import { deductsAbsence, AUTO_CLOSE_AFTER_HOURS, ruleForKind } from '../window';
import { scopesFor } from '../../shared/permissions';
import type { MemberDoc } from '../../roster';
import { postEntry } from '../../points';
import { findRule, ruleApplies, type RuleSet } from '../../points';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden } from '../../runtime/errors';
import {
  absenceReason,
  entryReason,
  expectedAttendees,
  loadAttendance,
  loadManagedActivity,
  organiserIds,
} from './support';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree } from '../../shared/caller';
import { committeeRules, forgetActivity } from '../../shared/snapshots';
import { inBatches } from '../../shared/in-batches';

type Summary = ActivityOutputs['close'];
type FinalStatus = 'leave' | 'exempt' | 'absent' | 'host';

const NOT_STARTED = '活动尚未开始，不能结束；如不再举行请取消活动';

interface ClosePlan {
  /** Each expected member without a sign-in that counts, and what the close records for them. */
  unsettled: Array<{ attendee: Attendee; member: MemberDoc | undefined; status: FinalStatus; note: string | null }>;
  /** The organisers among the expected members who are still on the roster. */
  organisers: Attendee[];
  members: Map<string, MemberDoc>;
  rules: RuleSet;
  /** Whether someone who did not run the activity came: the organisers' award depends on it. */
  heldWithOthers: boolean;
}

/**
 * What closing would record, read afresh from the store: shared by the close and its preview so
 * that the dialog's count is the close's. An organiser who did not sign in ran the activity, so is
 * recorded present (`host`) rather than absent, unless a colleague undid their sign-in.
 */
async function planClose(ctx: HandlerContext, activity: ActivityDoc): Promise<ClosePlan> {
  const [records, leaves, members, rules, organisers] = await Promise.all([
    attendanceOf(ctx.store, activity._id),
    leavesOf(ctx.store, activity._id),
    byIds(
      ctx.store,
      'members',
      activity.attendees.map((a) => a.id),
    ),
    committeeRules(ctx, activity.committeeId),
    organiserIds(ctx, activity),
  ]);
  const counted = new Set(records.filter((r) => r.status !== 'revoked').map((r) => r.memberId));
  const undone = new Set(records.filter((r) => r.status === 'revoked').map((r) => r.memberId));
  const approved = new Map(leaves.filter((l) => l.status === 'approved').map((l) => [l.memberId, l]));
  // A guest (welcome, not expected) who did not come is not absent: nothing is recorded.
  const unsettled = activity.attendees
    .filter((a) => !counted.has(a.id) && !a.guest)
    .map((attendee) => {
      const member = members.get(attendee.id);
      let status: FinalStatus = 'absent';
      let note: string | null = null;
      if (!member || member.status !== 'active') [status, note] = ['exempt', '已不在册'];
      else if (approved.has(attendee.id)) [status, note] = ['leave', approved.get(attendee.id)?.reason ?? null];
      else if (organisers.has(attendee.id) && !undone.has(attendee.id)) [status, note] = ['host', '组织者'];
      else if (member.exemptReason) [status, note] = ['exempt', member.exemptReason];
      return { attendee, member, status, note };
    });
  return {
    unsettled,
    organisers: activity.attendees.filter((a) => organisers.has(a.id) && members.get(a.id)?.status === 'active'),
    members,
    rules,
    heldWithOthers: heldWithOthers(activity, organisers, records),
  };
}

/**
 * Fixes attendance: every expected member without a sign-in gets a record — on leave (approved),
 * exempt, or absent with the 无故缺席组织生活 deduction. Each member is one transaction whose
 * record creation excludes a sign-in landing at the same moment; entry ids are fixed per activity
 * and member, so closing twice (or two closes at once) deducts once.
 */
export async function closeActivity(
  ctx: HandlerContext,
  asStored: ActivityDoc,
  actor: string | null,
): Promise<Summary> {
  // Closed already: the counts as they stand now (补签 and undo may have corrected them since).
  if (asStored.status === 'closed') return summaryOf(ctx, asStored);
  if (asStored.status === 'cancelled') throw conflict('活动已取消');
  const now = ctx.clock();
  if (now.getTime() < Date.parse(asStored.startAt)) throw conflict(NOT_STARTED);
  // Members who joined before the start are expected (late-members.ts): the close fixes them on the list.
  const activity = await withLateAttendees(ctx, asStored);
  const plan = await planClose(ctx, activity);
  const absence = findRule(plan.rules, 'absence');
  const deducts = deductsAbsence(activity.kind) && Boolean(absence?.active);

  await inBatches(plan.unsettled, 8, async ({ attendee, member, status, note }) => {
    await ctx.store.transaction(async (tx) => {
      const id = attendanceId(activity._id, attendee.id);
      const existing = await tx.get('attendance', id);
      if (existing && existing.status !== 'revoked') return;
      let entryId: string | null = null;
      let points = 0;
      if (status === 'absent' && deducts && absence && member && ruleApplies(absence, member.partyStatus)) {
        const posted = await postEntry(tx, {
          id: absenceEntryId(activity._id, attendee.id),
          member,
          rule: absence,
          reason: absenceReason(activity),
          source: 'activity',
          recordedBy: actor,
          at: now,
          countsAt: new Date(activity.startAt),
        });
        entryId = posted.entry._id;
        points = posted.entry.value;
      }
      const host = status === 'host';
      await tx.set('attendance', {
        _id: id,
        activityId: activity._id,
        memberId: attendee.id,
        name: member?.name ?? attendee.name,
        branchId: member?.branchId ?? activity.branchId,
        status: host ? 'present' : status,
        at: now.toISOString(),
        method: host ? 'host' : 'close',
        note,
        entryId,
        points,
        round: host ? 1 : (existing?.round ?? 0),
      });
    });
  });
  await awardOrganisers(ctx, activity, plan, actor, now);

  const summary = await summaryOf(ctx, activity);
  const stored = await ctx.store.transaction(async (tx) => {
    const current = await tx.get('activities', activity._id);
    if (current?.status === 'closed') return summary;
    await tx.update('activities', activity._id, {
      $set: { status: 'closed', closedAt: now.toISOString(), closeSummary: summary, updatedAt: now.toISOString() },
    });
    await writeAudit(tx, ctx, actor ?? 'system', {
      action: 'activity.close',
      target: `activities/${activity._id}`,
      committeeId: activity.committeeId,
      after: summary,
    });
    return summary;
  });
  forgetActivity(ctx.store, activity._id);
  return stored;
}

/** Adds the members who joined the org after the list was fixed and before the start to the stored list. */
async function withLateAttendees(ctx: HandlerContext, activity: ActivityDoc): Promise<ActivityDoc> {
  const attendees = await expectedAttendees(ctx, activity);
  if (attendees.length === activity.attendees.length) return activity;
  const added = attendees.slice(activity.attendees.length);
  const next = await ctx.store.transaction(async (tx) => {
    const current = await tx.get('activities', activity._id);
    const list = current?.attendees ?? activity.attendees;
    const known = new Set(list.map((a) => a.id));
    const merged = [...list, ...added.filter((a) => !known.has(a.id))];
    if (current && merged.length > list.length)
      await tx.update('activities', activity._id, { $set: { attendees: merged } });
    return merged;
  });
  forgetActivity(ctx.store, activity._id);
  return { ...activity, attendees: next };
}

/**
 * The organisers' awards, held back at their sign-in: posted now if the activity awards points
 * and someone who did not run it came. The entry is the sign-in's own (`activity:<id>:<member>`),
 * so a second close finds it and awards nothing more.
 */
async function awardOrganisers(
  ctx: HandlerContext,
  activity: ActivityDoc,
  plan: ClosePlan,
  actor: string | null,
  now: Date,
): Promise<void> {
  const rule = findRule(plan.rules, ruleForKind(activity.kind));
  if (!rule?.active || !pointsPolicy(activity).awards || !plan.heldWithOthers) return;
  await inBatches(plan.organisers, 8, async (attendee) => {
    const member = plan.members.get(attendee.id);
    if (!member || !ruleApplies(rule, member.partyStatus)) return;
    await ctx.store.transaction(async (tx) => {
      const id = attendanceId(activity._id, attendee.id);
      const record = await tx.get('attendance', id);
      if (!record || (record.status !== 'present' && record.status !== 'late') || record.entryId) return;
      const posted = await postEntry(tx, {
        id: awardEntryId(activity._id, attendee.id, Math.max(record.round, 1)),
        member,
        rule,
        reason: `${entryReason(activity, record.status === 'late')}（组织者）`,
        source: 'activity',
        recordedBy: actor,
        at: now,
        countsAt: new Date(activity.startAt),
      });
      await tx.set('attendance', { ...record, entryId: posted.entry._id, points: posted.entry.value });
    });
  });
}

async function summaryOf(ctx: HandlerContext, activity: ActivityDoc): Promise<Summary> {
  const { counts } = await loadAttendance(ctx, { ...activity, status: 'closed' });
  return {
    present: counts.present,
    late: counts.late,
    leave: counts.leave,
    exempt: counts.exempt,
    absent: counts.absent + counts.pending,
  };
}

export const close = action(activitySchemas.close, async (ctx, input): Promise<ActivityOutputs['close']> => {
  const { caller, activity } = await loadManagedActivity(ctx, input.id, 'activity.manage');
  return closeActivity(ctx, activity, caller.openid);
});

/**
 * Closes the activities that ended {@link AUTO_CLOSE_AFTER_HOURS} hours ago or more (a batch per
 * call). `actor`: the admin who ran it by hand; null for the timer.
 */
export async function closeDueActivities(
  ctx: HandlerContext,
  committeeIds?: string[],
  actor: string | null = null,
): Promise<ActivityOutputs['closeDue']> {
  const cutoff = new Date(ctx.clock().getTime() - AUTO_CLOSE_AFTER_HOURS * 3_600_000).toISOString();
  const due = await activitiesDue(ctx.store, cutoff, committeeIds, 20);
  // One activity that cannot be closed (a damaged document) must not keep the others open.
  const failed: string[] = [];
  for (const activity of due) {
    try {
      await closeActivity(ctx, activity, actor);
    } catch (error) {
      failed.push(activity._id);
      console.error(`[closeDue] could not close ${activity._id}:`, error);
    }
  }
  return { closed: due.length - failed.length, failed };
}

export const closeDue = action(activitySchemas.closeDue, async (ctx): Promise<ActivityOutputs['closeDue']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  const committees = scopesFor(caller.roles, 'org.manage').filter((id) => tree.get(id)?.kind === 'committee');
  if (committees.length === 0) throw forbidden('只有党委管理员可以执行');
  return closeDueActivities(ctx, committees, caller.openid);
});

export const closePreview = action(
  activitySchemas.closePreview,
  async (ctx, input): Promise<ActivityOutputs['closePreview']> => {
    const { activity } = await loadManagedActivity(ctx, input.id, 'activity.run');
    const refused = (reason: string): ClosePreview => ({
      canClose: false,
      reason,
      absent: 0,
      deducts: false,
      organisers: [],
    });
    if (activity.status === 'closed') return refused('活动已结束');
    if (activity.status === 'cancelled') return refused('活动已取消');
    if (ctx.clock().getTime() < Date.parse(activity.startAt)) return refused(NOT_STARTED);
    const plan = await planClose(ctx, { ...activity, attendees: await expectedAttendees(ctx, activity) });
    return {
      canClose: true,
      reason: null,
      absent: plan.unsettled.filter((u) => u.status === 'absent').length,
      deducts: deductsAbsence(activity.kind) && Boolean(findRule(plan.rules, 'absence')?.active),
      organisers: plan.organisers.map((a) => plan.members.get(a.id)?.name ?? a.name),
    };
  },
);
