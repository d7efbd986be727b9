import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ActivityCounts, ActivityDetail, ActivityPhase } from '@contracts';
import { cancelBlocked as cancelBlockedBy } from '@/features/activities/model/attendance-figures';
import type { useActivityManage } from '@/features/activities/hooks/useActivityManage';
import { usePermissions } from '@/features/identity';
import { go, ROUTES } from '@/utils/routes';
import ActivityCancelDialog from '@/features/activities/components/ActivityCancelDialog';
import ActivityCloseDialog from '@/features/activities/components/ActivityCloseDialog';
import { emit } from '@/utils/events';
import './index.scss';

interface Props {
  activity: ActivityDetail;
  phase: ActivityPhase;
  /** Expected members not signed in yet. */
  notSignedIn: number;
  /** The live counts (unknown while loading): whether 取消活动 is possible is decided before its dialog opens. */
  counts?: ActivityCounts;
  page: Pick<ReturnType<typeof useActivityManage>, 'exporter' | 'dialog' | 'setDialog'>;
}

/**
 * 结束活动, 导出签到表, 编辑 and 取消活动, with their confirmations. Those who only run the day
 * (支委: code, scanning, export) see the export alone.
 */
export default function ActivityManageBar({ activity, phase, notSignedIn, counts, page }: Props) {
  const permissions = usePermissions();
  const manage = permissions.may('activity.manage', activity.orgId);
  const open = manage && phase !== 'closed' && phase !== 'cancelled';
  const canClose = open && phase !== 'upcoming';
  const cancelBlocked = cancelBlockedBy(counts);
  const changed = () => {
    page.setDialog('');
    emit('activityChanged');
  };
  // Until the caller's permissions are known, show no control rather than one that may vanish.
  if (!permissions.loaded) return null;
  return (
    <View className="zb-actbar">
      {canClose ? (
        <Button block type="primary" className="e2e-activity-close" onClick={() => page.setDialog('close')}>
          结束活动
        </Button>
      ) : null}
      {phase !== 'cancelled' ? (
        <Button
          block
          fill="outline"
          type="primary"
          loading={page.exporter.busy === 'activity'}
          className="e2e-activity-export"
          onClick={() => void page.exporter.exportActivity(activity.id)}
        >
          导出签到表
        </Button>
      ) : null}
      {open ? (
        <View className="zb-actbar__row">
          <Button
            fill="outline"
            className="zb-actbar__half e2e-activity-edit"
            onClick={() => go(ROUTES.activityEdit({ id: activity.id }))}
          >
            编辑
          </Button>
          <Button
            fill="outline"
            disabled={Boolean(cancelBlocked)}
            className="zb-actbar__half e2e-activity-cancel"
            onClick={() => {
              if (!cancelBlocked) page.setDialog('cancel');
            }}
          >
            取消活动
          </Button>
        </View>
      ) : null}
      {open && cancelBlocked ? (
        <View className="zb-actbar__note e2e-activity-cancel-blocked">
          <Text className="zb-actbar__note-line">{cancelBlocked.reason}</Text>
          <Text className="zb-actbar__note-line">{cancelBlocked.next}</Text>
        </View>
      ) : null}
      <ActivityCloseDialog
        activity={activity}
        visible={page.dialog === 'close'}
        notSignedIn={notSignedIn}
        onClosed={changed}
        onClose={() => page.setDialog('')}
      />
      <ActivityCancelDialog
        activity={page.dialog === 'cancel' ? activity : null}
        onDone={changed}
        onClose={() => page.setDialog('')}
      />
    </View>
  );
}
