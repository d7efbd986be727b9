import {
  activitySchemas,
  type ActivityOutputs,
  type AttendanceItem,
  type MeetingRecordFields,
  type MeetingRecordView,
  type QuorumView,
} from '../../../contracts/activity';
import type { ActivityDoc } from '../documents';
import {
  quorumOf,
  recordAttendance,
  voteProblem,
  votePassed,
  type Entitled,
  type MeetingRecordDoc,
} from '../meeting-record';
import { loadAttendance, loadManagedActivity, toActivityView } from './support';
import { visibleAttendance } from './report';
import { activeMembersOf } from '../../roster';
import { writeAudit } from '../../shared/audit';
import type { Caller } from '../../shared/caller';
import type { OrgTree } from '../../shared/org-tree';
import { byIds } from '../../shared/paging';
import { can } from '../../shared/permissions';
import { committeeRules } from '../../shared/snapshots';
import type { HandlerContext } from '../../runtime/context';
import { action } from '../../runtime/dispatch';
import { conflict, invalidInput } from '../../runtime/errors';

/** Held: closed, or its end has passed (and not cancelled). Only then may its record be written. */
export const isHeld = (activity: ActivityDoc, now: Date): boolean =>
  activity.status === 'closed' || (activity.status === 'active' && now.getTime() >= Date.parse(activity.endAt));

/**
 * The members who could vote at a 支部党员大会 and whether each does: those the activity expected
 * and the branch's active members it did not (counted as not present), as the roster stands now.
 */
async function entitledOf(ctx: HandlerContext, activity: ActivityDoc, items: AttendanceItem[]): Promise<Entitled[]> {
  const [branch, listed] = await Promise.all([
    activeMembersOf(ctx.store, { branchId: activity.branchId }),
    byIds(
      ctx.store,
      'members',
      items.map((item) => item.memberId),
    ),
  ]);
  const byMember = new Map(items.map((item) => [item.memberId, item]));
  const entitled = new Map<string, Entitled>();
  for (const member of [...listed.values(), ...branch]) {
    const item = byMember.get(member._id);
    entitled.set(member._id, {
      memberId: member._id,
      full: member.partyStatus === 'full',
      exempt: item ? item.status === 'exempt' : Boolean(member.exemptReason),
    });
  }
  return [...entitled.values()];
}

/** The quorum of a 支部党员大会 (null for other kinds), over its whole attendance. */
async function quorumFor(
  ctx: HandlerContext,
  activity: ActivityDoc,
  items?: AttendanceItem[],
): Promise<QuorumView | null> {
  if (activity.kind !== 'party_congress') return null;
  const all = items ?? (await loadAttendance(ctx, activity)).items;
  return quorumOf(await entitledOf(ctx, activity, all), all);
}

const fieldsOf = (doc: MeetingRecordDoc): MeetingRecordFields => ({
  host: doc.host,
  recorder: doc.recorder,
  topics: doc.topics,
  summary: doc.summary,
  decisions: doc.decisions,
  vote: doc.vote,
});

/** The record as shown and printed: the activity, what was written, attendance by name, quorum and vote. */
export async function meetingRecordView(
  ctx: HandlerContext,
  caller: Caller,
  tree: OrgTree,
  activity: ActivityDoc,
): Promise<MeetingRecordView> {
  const now = ctx.clock();
  const [doc, sheet, rules] = await Promise.all([
    ctx.store.get('meetingRecords', activity._id),
    visibleAttendance(ctx, caller, tree, activity),
    committeeRules(ctx, activity.committeeId),
  ]);
  const quorum = await quorumFor(ctx, activity);
  const vote = doc?.vote ?? null;
  const held = isHeld(activity, now);
  return {
    activity: toActivityView(activity, tree, rules, now),
    record: doc ? { ...fieldsOf(doc), updatedAt: doc.updatedAt, updatedByName: doc.updatedByName } : null,
    attendance: recordAttendance(activity, sheet.items),
    quorum,
    passed: vote && quorum ? votePassed(vote, quorum) : null,
    held,
    canEdit: held && can(caller.roles, tree, 'activity.manage', activity.orgId),
  };
}

export const record = action(activitySchemas.record, async (ctx, input): Promise<ActivityOutputs['record']> => {
  const { caller, tree, activity } = await loadManagedActivity(ctx, input.id, 'activity.run');
  return meetingRecordView(ctx, caller, tree, activity);
});

export const saveRecord = action(
  activitySchemas.saveRecord,
  async (ctx, input): Promise<ActivityOutputs['saveRecord']> => {
    const { caller, activity } = await loadManagedActivity(ctx, input.id, 'activity.manage');
    if (activity.status === 'cancelled') throw conflict('活动已取消，没有会议记录');
    const now = ctx.clock();
    if (!isHeld(activity, now)) throw conflict('活动结束后才能填写会议记录');
    if (input.vote && activity.kind !== 'party_congress') throw invalidInput('vote', '只有支部党员大会记录表决结果');
    const quorum = await quorumFor(ctx, activity);
    if (input.vote && quorum) {
      const problem = voteProblem(input.vote, quorum);
      if (problem) throw invalidInput('vote', problem);
    }
    const fields: MeetingRecordFields = {
      host: input.host,
      recorder: input.recorder,
      topics: input.topics,
      summary: input.summary,
      decisions: input.decisions ? input.decisions : null,
      vote: input.vote ?? null,
    };
    const passed = fields.vote && quorum ? votePassed(fields.vote, quorum) : null;
    const at = now.toISOString();
    await ctx.store.transaction(async (tx) => {
      const before = await tx.get('meetingRecords', activity._id);
      const doc: MeetingRecordDoc = {
        _id: activity._id,
        activityId: activity._id,
        branchId: activity.branchId,
        committeeId: activity.committeeId,
        ...fields,
        quorum,
        passed,
        createdBy: before?.createdBy ?? caller.openid,
        createdAt: before?.createdAt ?? at,
        updatedBy: caller.openid,
        updatedByName: caller.member?.name ?? null,
        updatedAt: at,
      };
      await tx.set('meetingRecords', doc);
      await writeAudit(tx, ctx, caller.openid, {
        action: 'activity.record',
        target: `meetingRecords/${activity._id}`,
        committeeId: activity.committeeId,
        before: before ? { ...fieldsOf(before), quorum: before.quorum, passed: before.passed } : null,
        after: { ...fields, quorum, passed },
      });
    });
    return { id: activity._id, quorum: quorum ? quorum.reached : null, passed };
  },
);
