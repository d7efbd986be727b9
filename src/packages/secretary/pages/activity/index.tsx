import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import ActivityAttendanceLists from '@/features/activities/components/ActivityAttendanceLists';
import ActivityCodePanel from '@/features/activities/components/ActivityCodePanel';
import ActivityLiveStats from '@/features/activities/components/ActivityLiveStats';
import ActivityManageBar from '@/features/activities/components/ActivityManageBar';
import ActivityManageHeader from '@/features/activities/components/ActivityManageHeader';
import ActivityMemberDialog from '@/features/activities/components/ActivityMemberDialog';
import ActivityScanMember from '@/features/activities/components/ActivityScanMember';
import LeaveReviewList from '@/features/activities/components/LeaveReviewList';
import MeetingRecordSection from '@/features/activities/components/MeetingRecordSection';
import PageShell from '@/components/PageShell';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useActivityManage } from '@/features/activities/hooks/useActivityManage';
import { usePermissions } from '@/features/identity/hooks/useMe';
import { go, ROUTES } from '@/utils/routes';
import RemindButton from '@/components/RemindButton';
import { remindNotSignedIn } from '@/features/activities/services/activity';
import { notSignedIn } from '@/features/activities/model/attendance-figures';
import './index.scss';

/** The secretary's activity: the rotating sign-in code, live attendance, leave, closing, and the 会议记录 once held. */
export default function ManageActivity() {
  const id = useRouter().params.id ?? '';
  const p = useActivityManage(id);
  const { live } = p;
  const permissions = usePermissions();

  usePullDownRefresh(() => {
    void p.refreshAll().finally(() => Taro.stopPullDownRefresh());
  });

  const a = p.detail.data;
  if (!a || !p.phase)
    return (
      <PageShell>
        {p.detail.error ? (
          <ErrorState error={p.detail.error} onRetry={p.detail.reload} />
        ) : (
          <LoadingSkeleton rows={6} cards={2} />
        )}
      </PageShell>
    );

  const phase = p.phase;
  const cancelled = phase === 'cancelled';
  const open = phase !== 'closed' && !cancelled;
  // 补签, 撤销签到 and leave review are the secretary's; an officer running the day sees who came.
  const manage = permissions.may('activity.manage', a.orgId);
  const pendingLeaves = manage ? (p.leaves.items ?? []) : [];
  // Expected and not signed in, the 发展对象 and 积极分子 the kind expects included.
  const notYet = notSignedIn(live.data?.counts);
  return (
    <PageShell className="zb-actpage">
      <ActivityManageHeader activity={a} phase={phase} />
      {p.codeActive ? (
        <ActivityCodePanel state={p.code} phase={phase} onScreen={() => go(ROUTES.activityScreen(id))} />
      ) : null}
      {live.data && !cancelled ? <ActivityLiveStats counts={live.data.counts} phase={phase} live={open} /> : null}
      {!live.data && live.error ? <ErrorState error={live.error} onRetry={() => void live.refresh()} /> : null}
      {!live.data && !live.error ? <LoadingSkeleton rows={3} /> : null}
      {phase === 'signing' && notYet ? (
        <RemindButton
          text={`提醒未签到（${notYet} 人）`}
          send={() => remindNotSignedIn(id)}
          className="zb-actpage__remind e2e-remind-checkin"
        />
      ) : null}
      {phase === 'signing' || phase === 'running' ? (
        <ActivityScanMember activityId={id} onSigned={live.refresh} />
      ) : null}
      {open && pendingLeaves.length ? (
        <>
          <Text className="zb-actpage__section">{`请假申请（${pendingLeaves.length}）`}</Text>
          <LeaveReviewList leaves={p.leaves} showActivity={false} onReviewed={() => void live.refresh()} />
        </>
      ) : null}
      {live.data && !cancelled ? (
        <ActivityAttendanceLists
          live={live.data}
          onManual={manage ? (item) => p.setMember({ item, mode: 'manual' }) : undefined}
          onUndo={manage ? (item) => p.setMember({ item, mode: 'undo' }) : undefined}
        />
      ) : null}
      <MeetingRecordSection activityId={id} phase={phase} />
      <ActivityManageBar activity={a} phase={phase} notSignedIn={notYet} counts={live.data?.counts} page={p} />
      <ActivityMemberDialog
        activityId={id}
        closed={phase === 'closed'}
        target={p.member}
        onDone={() => {
          p.setMember(null);
          void live.refresh();
        }}
        onClose={() => p.setMember(null)}
      />
    </PageShell>
  );
}
