import { Text } from '@tarojs/components';
import { activityReasonError } from '@/features/activities/model/activity-form';
import { cancelActivity } from '@/features/activities/services/activity';
import ReasonDialog from '@/components/ReasonDialog';

interface Props {
  activity: { id: string; title: string } | null;
  onDone: () => void;
  onClose: () => void;
}

/** 取消活动 with a reason the members will see. */
export default function ActivityCancelDialog({ activity, onDone, onClose }: Props) {
  return (
    <ReasonDialog
      subject={activity}
      title="取消活动"
      confirmText="确认取消活动"
      className="e2e-cancel-dialog"
      reasonClassName="e2e-cancel-reason"
      placeholder="取消原因（必填），如：与区委会议冲突，另行通知"
      validate={(reason) => activityReasonError(reason, '取消原因')}
      submit={(reason) => cancelActivity(activity?.id ?? '', reason)}
      successText="已取消"
      onDone={onDone}
      onClose={onClose}
      footnote="已有党员签到的活动不能取消，活动开始后请结束活动。"
    >
      <Text className="zb-dialog__text">{`取消「${activity?.title ?? ''}」后，党员会看到活动已取消和取消原因，不计出勤。`}</Text>
    </ReasonDialog>
  );
}
