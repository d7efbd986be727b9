import { Text } from '@tarojs/components';
import { formatActivityTime } from '@/features/activities/model/activities';
import { leaveReasonError } from '@/features/activities/model/my-activities';
import ReasonDialog from '@/components/ReasonDialog';

interface Props {
  /** The activity asked about; the dialog shows while set. */
  activity: { title: string; startAt: string; endAt: string } | null;
  submit: (reason: string) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}

/** 请假: the member asks to be excused, with a reason the secretary reviews. */
export default function LeaveRequestDialog({ activity, submit, onDone, onClose }: Props) {
  return (
    <ReasonDialog
      subject={activity}
      title="请假"
      confirmText="提交请假"
      className="e2e-leave-dialog"
      reasonClassName="e2e-leave-reason"
      placeholder="请假原因（必填），如：外出学习培训"
      validate={leaveReasonError}
      submit={submit}
      successText="已提交"
      onDone={onDone}
      onClose={onClose}
      footnote="支部书记批准后记为请假，不计缺席扣分。"
    >
      {activity ? (
        <>
          <Text className="zb-dialog__text">{activity.title}</Text>
          <Text className="zb-dialog__muted">{formatActivityTime(activity.startAt, activity.endAt)}</Text>
        </>
      ) : null}
    </ReasonDialog>
  );
}
