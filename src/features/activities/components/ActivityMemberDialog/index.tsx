import { Text } from '@tarojs/components';
import type { AttendanceItem } from '@contracts';
import { activityReasonError } from '@/features/activities/model/activity-form';
import { manualCheckIn, undoCheckIn } from '@/features/activities/services/activity';
import ReasonDialog from '@/components/ReasonDialog';
import { emit } from '@/utils/events';

export interface MemberActionTarget {
  item: AttendanceItem;
  mode: 'manual' | 'undo';
}

interface Props {
  activityId: string;
  closed: boolean;
  target: MemberActionTarget | null;
  onDone: () => void;
  onClose: () => void;
}

/** 补签 or 撤销签到 for one member: confirmed, with a reason that goes into the audit log. */
export default function ActivityMemberDialog({ activityId, closed, target, onDone, onClose }: Props) {
  const manual = target?.mode === 'manual';
  const name = target?.item.name ?? '';
  let text = '';
  if (manual)
    text = closed
      ? `将 ${name} 改记为已签到，并退回缺席扣分、计入组织生活积分。`
      : `将 ${name} 记为已签到，并按规则计入积分。`;
  else if (target)
    text = closed
      ? `将撤销 ${name} 的签到，签到所得积分会冲正，并改记为缺席。`
      : `将撤销 ${name} 的签到，签到所得积分会冲正；本人可以重新扫码签到。`;
  return (
    <ReasonDialog
      subject={target}
      title={manual ? `补签 ${name}` : `撤销 ${name} 的签到`}
      confirmText={manual ? '确认补签' : '确认撤销'}
      className={manual ? 'e2e-manual-dialog' : 'e2e-undo-dialog'}
      reasonClassName="e2e-member-reason"
      placeholder={manual ? '补签原因（必填），如：手机没电，现场确认到会' : '撤销原因（必填），如：误签'}
      validate={(reason) => activityReasonError(reason, manual ? '补签原因' : '撤销原因')}
      submit={(reason) =>
        manual
          ? manualCheckIn(activityId, target?.item.memberId ?? '', reason)
          : undoCheckIn(activityId, target?.item.memberId ?? '', reason)
      }
      successText={manual ? '已补签' : '已撤销'}
      onDone={() => {
        // A sign-in earns points and undoing it reverses them: rankings and ledgers reload.
        emit('pointsChanged');
        onDone();
      }}
      onClose={onClose}
      footnote="操作和原因会记入操作日志。"
    >
      <Text className="zb-dialog__text">{text}</Text>
    </ReasonDialog>
  );
}
