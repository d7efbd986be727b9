import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import ActivityInfo from '@/features/activities/components/ActivityInfo';
import LeaveRequestDialog from '@/features/activities/components/LeaveRequestDialog';
import MemberOnly from '@/features/identity/components/MemberOnly';
import PageShell from '@/components/PageShell';
import ScanButton from '@/features/activities/components/ScanButton';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useActivityDetail } from '@/features/activities/hooks/useActivityDetail';
import { useScanToCheckin } from '@/features/activities/hooks/useCheckin';
import { ROUTES } from '@/utils/routes';
import './index.scss';

function Detail({ id }: { id: string }) {
  const { detail, canLeave, canScan, canWithdraw, withdraw, withdrawing, leave } = useActivityDetail(id);
  const scanToCheckin = useScanToCheckin();

  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh());
  });
  // An invitation to the activity, shared to a chat: opens this page (members of the branch see it).
  useShareAppMessage(() => ({
    title: detail.data ? `${detail.data.kindLabel}：${detail.data.title}` : '支部活动',
    path: ROUTES.activity(id),
  }));

  const a = detail.data;
  if (!a)
    return (
      <PageShell>
        {detail.loading ? <LoadingSkeleton rows={5} /> : <ErrorState error={detail.error} onRetry={detail.reload} />}
      </PageShell>
    );

  return (
    <PageShell className="zb-activity">
      <ActivityInfo activity={a} />
      <View className="zb-activity__actions">
        {canScan ? <ScanButton className="e2e-activity-checkin" onClick={() => void scanToCheckin()} /> : null}
        {canLeave ? (
          <Button type="primary" fill="outline" block className="e2e-activity-leave" onClick={leave.show}>
            请假
          </Button>
        ) : null}
        {canWithdraw ? (
          <Button
            fill="outline"
            block
            loading={withdrawing}
            className="e2e-activity-withdraw-leave"
            onClick={() => void withdraw()}
          >
            撤回请假
          </Button>
        ) : null}
      </View>
      <LeaveRequestDialog
        activity={leave.open ? a : null}
        submit={leave.submit}
        onDone={leave.done}
        onClose={leave.close}
      />
    </PageShell>
  );
}

/** An activity for the member: the details, my attendance, 请假 and 扫码签到 while sign-in is open. */
export default function ActivityPage() {
  const id = useRouter().params.id ?? '';
  return (
    <MemberOnly
      visitor={{ title: '亮身份后查看活动', description: '通过支部审核后，即可查看支部活动并扫码签到。' }}
      skeletonRows={5}
    >
      {() => <Detail id={id} />}
    </MemberOnly>
  );
}
