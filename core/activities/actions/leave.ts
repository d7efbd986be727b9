import { latestLeavesIn } from '../queries';
import { activitySchemas, type ActivityOutputs, type LeaveView } from '../../../contracts/activity';
import { attendanceId, leaveId, type LeaveDoc } from '../documents';
import { action } from '../../runtime/dispatch';
import { conflict, forbidden, invalidInput, notFound } from '../../runtime/errors';
import { addAttendee, loadActivity, loadManagedActivity } from './support';
import { mayJoinLate, welcomeAt } from '../late-members';
import { writeAudit } from '../../shared/audit';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { branchDocsOf } from '../../roster';
import { notify } from '../../notices';

/** How many leave requests a secretary's list shows, newest first. */
const LEAVE_LIST_LIMIT = 200;

const toLeaveView = (doc: LeaveDoc): LeaveView => ({
  activityId: doc.activityId,
  activityTitle: doc.activityTitle,
  activityStartAt: doc.activityStartAt,
  memberId: doc.memberId,
  name: doc.name,
  reason: doc.reason,
  status: doc.status,
  note: doc.note,
  at: doc.at,
});

export const requestLeave = action(
  activitySchemas.requestLeave,
  async (ctx, input): Promise<ActivityOutputs['requestLeave']> => {
    const caller = await loadCaller(ctx);
    const member = caller.member;
    if (!member) throw forbidden('请先亮身份');
    let activity = await loadActivity(ctx, input.id);
    const listed = activity.attendees.find((a) => a.id === member._id);
    // A guest (列席, welcome, not expected) is never absent, so has no leave to ask for.
    if (listed?.guest || (!listed && welcomeAt(activity, member)))
      throw conflict('您可自愿参加本次活动，不计缺席，无需请假');
    const join = !listed;
    if (join && !mayJoinLate(activity, member)) throw notFound('活动');
    if (activity.status !== 'active')
      throw conflict(activity.status === 'closed' ? '活动已结束，不能请假' : '活动已取消');
    const now = ctx.clock();
    if (now.getTime() >= Date.parse(activity.endAt)) throw conflict('活动已结束，不能请假');
    const record = await ctx.store.get('attendance', attendanceId(activity._id, member._id));
    if (record && (record.status === 'present' || record.status === 'late')) throw conflict('您已签到，无需请假');
    // A member who joined the org late asks for leave from the list, as everyone else does.
    if (join) activity = await addAttendee(ctx, activity, member);
    await ctx.store.transaction(async (tx) => {
      const existing = await tx.get('leaves', leaveId(activity._id, member._id));
      if (existing?.status === 'approved') throw conflict('您的请假已获批准');
      await tx.set('leaves', {
        _id: leaveId(activity._id, member._id),
        activityId: activity._id,
        activityTitle: activity.title,
        activityStartAt: activity.startAt,
        branchId: activity.branchId,
        committeeId: activity.committeeId,
        memberId: member._id,
        name: member.name,
        reason: input.reason,
        status: 'pending',
        note: null,
        at: now.toISOString(),
        reviewedBy: null,
        reviewedAt: null,
      });
    });
    return { status: 'pending' };
  },
);

/**
 * The member takes back their own request while it is pending and the activity has not started
 * (once decided, or once the activity runs, the secretary's record stands).
 */
export const withdrawLeave = action(
  activitySchemas.withdrawLeave,
  async (ctx, input): Promise<ActivityOutputs['withdrawLeave']> => {
    const caller = await loadCaller(ctx);
    const member = caller.member;
    if (!member) throw forbidden('请先亮身份');
    const activity = await loadActivity(ctx, input.id);
    const id = leaveId(activity._id, member._id);
    // Only one's own request can be named: the id is the caller's.
    if (!(await ctx.store.get('leaves', id))) throw notFound('请假申请');
    if (activity.status !== 'active')
      throw conflict(activity.status === 'closed' ? '活动已结束，不能撤回请假' : '活动已取消');
    if (ctx.clock().getTime() >= Date.parse(activity.startAt)) throw conflict('活动已开始，不能撤回请假');
    await ctx.store.transaction(async (tx) => {
      const leave = await tx.get('leaves', id);
      if (!leave) throw notFound('请假申请');
      if (leave.status !== 'pending')
        throw conflict(leave.status === 'approved' ? '请假已获批准，不能撤回' : '请假申请已处理，不能撤回');
      await tx.remove('leaves', id);
    });
    return { id: activity._id, withdrawn: true };
  },
);

export const reviewLeave = action(
  activitySchemas.reviewLeave,
  async (ctx, input): Promise<ActivityOutputs['reviewLeave']> => {
    const { caller, activity } = await loadManagedActivity(ctx, input.id, 'activity.manage');
    if (caller.member?._id === input.memberId) throw forbidden('不能审批自己的请假，请由其他支委审批');
    if (activity.status === 'closed') throw conflict('活动已结束，不能再审批请假');
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await ctx.store.transaction(async (tx) => {
      const leave = await tx.get('leaves', leaveId(activity._id, input.memberId));
      if (!leave) throw notFound('请假申请');
      if (leave.status !== 'pending') throw conflict('该请假申请已处理');
      await tx.update('leaves', leave._id, {
        $set: { status, note: input.note ?? null, reviewedBy: caller.openid, reviewedAt: ctx.clock().toISOString() },
      });
      await writeAudit(tx, ctx, caller.openid, {
        action: `activity.leave.${status}`,
        target: `leaves/${leave._id}`,
        committeeId: activity.committeeId,
        after: { status, note: input.note ?? null },
      });
      await notify(tx, {
        memberId: input.memberId,
        kind: status === 'approved' ? 'leave.approved' : 'leave.rejected',
        title: activity.title,
        body: input.note ?? '',
        link: `/pages/activity/index?id=${activity._id}`,
        key: `leave:${leave._id}:${leave.at}`,
        at: ctx.clock().toISOString(),
      });
    });
    return { memberId: input.memberId, status };
  },
);

export const leaves = action(activitySchemas.leaves, async (ctx, input): Promise<ActivityOutputs['leaves']> => {
  const caller = await loadCaller(ctx);
  const tree = await loadTree(ctx);
  requirePermission(caller, tree, 'activity.manage', input.orgId);
  if (!tree.nearest(input.orgId, 'branch')) throw invalidInput('orgId', '请选择党支部');
  // Leave is kept by branch: a group's list holds its members' requests only.
  const docs = await latestLeavesIn(
    ctx.store,
    await branchDocsOf(ctx, tree, input.orgId),
    input.status,
    LEAVE_LIST_LIMIT,
  );
  return { items: docs.map(toLeaveView) };
});
