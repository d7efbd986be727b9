import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { LeaveView } from '@contracts';
import { LEAVE_LABELS } from '@/features/activities/model/activities';
import { formatDateTime } from '@/utils/dates';
import type { LeaveDecision } from '@/features/activities/hooks/useLeaves';
import StatusTag from '@/components/StatusTag';
import './index.scss';

interface Props {
  item: LeaveView;
  /** Name the activity (审核 lists the leave of every activity; an activity's page does not). */
  showActivity: boolean;
  onDecide: (item: LeaveView, decision: LeaveDecision) => void;
}

/** One leave request: who, for which activity, why, and 批准 / 驳回. */
export default function LeaveReviewCard({ item, showActivity, onDecide }: Props) {
  return (
    <View className="zb-leave e2e-leave-item">
      <View className="zb-leave__head">
        <Text className="zb-leave__name e2e-leave-name">{item.name}</Text>
        <StatusTag tone={item.status === 'pending' ? 'gold' : item.status === 'approved' ? 'success' : 'muted'}>
          {LEAVE_LABELS[item.status]}
        </StatusTag>
      </View>
      {showActivity ? (
        <Text className="zb-leave__activity">{`${item.activityTitle} · ${formatDateTime(item.activityStartAt)}`}</Text>
      ) : null}
      <Text className="zb-leave__reason">{`请假原因：${item.reason}`}</Text>
      <Text className="zb-leave__at">{`提交于 ${formatDateTime(item.at)}`}</Text>
      {item.status === 'pending' ? (
        <View className="zb-leave__actions">
          <Button fill="outline" className="zb-leave__btn e2e-leave-reject" onClick={() => onDecide(item, 'reject')}>
            驳回
          </Button>
          <Button type="primary" className="zb-leave__btn e2e-leave-approve" onClick={() => onDecide(item, 'approve')}>
            批准
          </Button>
        </View>
      ) : null}
    </View>
  );
}
