import { attendanceOf } from '../queries';
import { activitySchemas, type ActivityOutputs } from '../../../contracts/activity';
import { absenceEntryId, attendanceId, awardEntryId, type ActivityDoc } from '../documents';
import { heldWithOthers, isOrganiser, pointsPolicy } from '../awards';
import { deductsAbsence, ruleForKind } from '../window';
import type { MemberDoc } from '../../roster';
import { postEntry, reverseEntry } from '../../points';
import { ruleFor } from '../../points';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden, invalidInput, notFound } from '../../runtime/errors';
import { attendeeOf, refusedAt } from '../late-members';
import { participationOf } from '../../../contracts/labels/participation';
import { absenceReason, entryReason, loadManagedActivity, organiserIds } from './support';
import { writeAudit } from '../../shared/audit';
import { committeeRules, forgetActivity } from '../../shared/snapshots';
import type { Tx } from '../../shared/collections';

/**
 * A member of the activity's branch (or already on the list) whom the secretary may sign in by hand:
 * the members creating the activity could have chosen, so a group meeting's guest from another
 * group of the branch included. Someone on the way not on the list comes as the kind says: as a
 * guest (列席) where it welcomes them, not at all where it refuses them. `guest`: on the list, or
 * to be put on it, as a guest.
 */
async function manageableMember(
  ctx: HandlerContext,
  activity: ActivityDoc,
  memberId: string,
): Promise<{ member: MemberDoc; guest: boolean }> {
  const member = await ctx.store.get('members', memberId);
  const listed = activity.attendees.find((a) => a.id === memberId);
  if (!member || member.status !== 'active' || !(member.branchId === activity.branchId || listed))
    throw notFound('党员');
  if (listed) return { member, guest: Boolean(listed.guest) };
  const standing = participationOf(activity.kind, member.partyStatus);
  if (standing === 'refused') throw invalidInput('memberId', refusedAt(activity.kind, member.partyStatus));
  return { member, guest: standing === 'welcome' };
}

/**
 * Whether a 补签 earns the award: not when the activity expects too few; for an organiser, only
 * once closed and if someone else came (before the close, the close decides).
 */
async function awardsByHand(ctx: HandlerContext, activity: ActivityDoc, member: MemberDoc): Promise<boolean> {
  if (!pointsPolicy(activity).awards) return false;
  if (!isOrganiser(activity, member)) return true;
  if (activity.status !== 'closed') return false;
  const [organisers, records] = await Promise.all([organiserIds(ctx, activity), attendanceOf(ctx.store, activity._id)]);
  return heldWithOthers(activity, organisers, records);
}

async function reverseIfPosted(
  tx: Tx,
  entryId: string | null,
  request: { reason: string; recordedBy: string; at: Date },
): Promise<void> {
  if (!entryId) return;
  const original = await tx.get('ledger', entryId);
  if (original) await reverseEntry(tx, original, { ...request, source: 'reversal' });
}

export const manualCheckin = action(
  activitySchemas.manualCheckin,
  async (ctx, input): Promise<ActivityOutputs['manualCheckin']> => {
    const { caller, activity } = await loadManagedActivity(ctx, input.id, 'activity.manage');
    if (activity.status === 'cancelled') throw conflict('活动已取消');
    const { member, guest } = await manageableMember(ctx, activity, input.memberId);
    if (caller.member?._id === member._id) throw forbidden('不能为自己补签，请由其他支委操作');
    const rules = await committeeRules(ctx, member.committeeId);
    const rule = (await awardsByHand(ctx, activity, member))
      ? ruleFor(rules, ruleForKind(activity.kind), member)
      : undefined;
    const now = ctx.clock();
    const result = await ctx.store.transaction(async (tx) => {
      const id = attendanceId(activity._id, member._id);
      const record = await tx.get('attendance', id);
      if (record && (record.status === 'present' || record.status === 'late'))
        return { status: record.status, at: record.at };
      // After closing, 补签 corrects the record: the absence deduction is reversed.
      if (record?.status === 'absent')
        await reverseIfPosted(tx, record.entryId, {
          reason: `补签：${input.reason}`,
          recordedBy: caller.openid,
          at: now,
        });
      const round = (record?.round ?? 0) + 1;
      const entryId = rule?.active ? awardEntryId(activity._id, member._id, round) : null;
      let points = 0;
      if (rule && entryId) {
        const posted = await postEntry(tx, {
          id: entryId,
          member,
          rule,
          reason: `${entryReason(activity, false)}，补签：${input.reason}`,
          source: 'activity',
          recordedBy: caller.openid,
          at: now,
        });
        points = posted.entry.value;
      }
      await tx.set('attendance', {
        _id: id,
        activityId: activity._id,
        memberId: member._id,
        name: member.name,
        branchId: member.branchId,
        status: 'present',
        at: now.toISOString(),
        method: 'manual',
        note: input.reason,
        entryId,
        points,
        round,
      });
      const current = await tx.get('activities', activity._id);
      if (current && !current.attendees.some((a) => a.id === member._id))
        await tx.update('activities', activity._id, {
          $set: {
            attendees: [...current.attendees, attendeeOf(member, guest)],
          },
        });
      await writeAudit(tx, ctx, caller.openid, {
        action: 'activity.manualCheckin',
        target: `attendance/${id}`,
        committeeId: activity.committeeId,
        before: record ? { status: record.status } : null,
        after: { status: 'present', reason: input.reason },
      });
      return { status: 'present' as const, at: now.toISOString() };
    });
    forgetActivity(ctx.store, activity._id);
    return { memberId: member._id, ...result };
  },
);

export const undoCheckin = action(
  activitySchemas.undoCheckin,
  async (ctx, input): Promise<ActivityOutputs['undoCheckin']> => {
    const { caller, activity } = await loadManagedActivity(ctx, input.id, 'activity.manage');
    if (activity.status === 'cancelled') throw conflict('活动已取消');
    const { member, guest } = await manageableMember(ctx, activity, input.memberId);
    if (caller.member?._id === member._id) throw forbidden('不能撤销自己的签到，请由其他支委操作');
    const rules = await committeeRules(ctx, member.committeeId);
    const absence = ruleFor(rules, 'absence', member);
    // A guest's undone sign-in is no absence: they were never expected.
    const closed = activity.status === 'closed' && !guest;
    const now = ctx.clock();
    const status = await ctx.store.transaction(async (tx) => {
      const id = attendanceId(activity._id, member._id);
      const record = await tx.get('attendance', id);
      if (!record || (record.status !== 'present' && record.status !== 'late')) throw conflict('该党员尚未签到');
      await reverseIfPosted(tx, record.entryId, {
        reason: `撤销签到：${input.reason}`,
        recordedBy: caller.openid,
        at: now,
      });
      let entryId: string | null = null;
      let points = 0;
      // Once closed, a sign-in that did not happen is an absence, with its deduction.
      if (closed && deductsAbsence(activity.kind) && absence?.active) {
        // Closing's deduction, unless the member already had it (and a 补签 reversed it).
        const first = absenceEntryId(activity._id, member._id);
        const taken = Boolean(await tx.get('ledger', first));
        const posted = await postEntry(tx, {
          id: taken ? absenceEntryId(activity._id, member._id, record.round) : first,
          member,
          rule: absence,
          reason: absenceReason(activity),
          source: 'activity',
          recordedBy: caller.openid,
          at: now,
          countsAt: new Date(activity.startAt),
        });
        entryId = posted.entry._id;
        points = posted.entry.value;
      }
      const next = closed ? ('absent' as const) : ('revoked' as const);
      await tx.set('attendance', {
        ...record,
        status: next,
        note: input.reason,
        entryId,
        points,
        at: now.toISOString(),
      });
      await writeAudit(tx, ctx, caller.openid, {
        action: 'activity.undoCheckin',
        target: `attendance/${id}`,
        committeeId: activity.committeeId,
        before: { status: record.status },
        after: { status: next, reason: input.reason },
      });
      return next;
    });
    return { memberId: member._id, status: status === 'absent' ? 'absent' : 'expected' };
  },
);

/** The secretary's corrections: 补签 and 撤销签到, before or after closing, each audited. */
