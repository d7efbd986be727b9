import { Text, Textarea } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { LeaveView } from '@contracts';
import type { LeaveDecision, LeavesState } from '@/features/activities/hooks/useLeaves';
import { toastError, toastSuccess } from '@/utils/feedback';
import ActionDialog from '@/components/ActionDialog';

export interface LeaveTarget {
  item: LeaveView;
  decision: LeaveDecision;
}

interface Props {
  target: LeaveTarget | null;
  review: LeavesState['review'];
  onDone: () => void;
  onClose: () => void;
}

/** 批准 or 驳回 one leave request, with an optional note the member reads. */
export default function LeaveReviewDialog({ target, review, onDone, onClose }: Props) {
  const [note, setNote] = useState('');
  useEffect(() => setNote(''), [target]);
  const approve = target?.decision === 'approve';
  const name = target?.item.name ?? '';

  const confirm = async () => {
    if (!target) return;
    try {
      await review(target.item, target.decision, note.trim() || undefined);
    } catch (e) {
      toastError(e);
      throw e;
    }
    toastSuccess(approve ? '已批准' : '已驳回');
    onDone();
  };

  return (
    <ActionDialog
      visible={!!target}
      title={approve ? '批准请假' : '驳回请假'}
      confirmText={approve ? '确认批准' : '确认驳回'}
      className={`e2e-leave-dialog ${approve ? 'e2e-leave-approve-dialog' : 'e2e-leave-reject-dialog'}`}
      onConfirm={confirm}
      onClose={onClose}
    >
      {target ? (
        <>
          <Text className="zb-dialog__text">
            {approve
              ? `批准 ${name} 不参加「${target.item.activityTitle}」：结束活动时记为请假，不计缺席。`
              : `驳回后 ${name} 仍应参加「${target.item.activityTitle}」；未签到的，结束活动时记为缺席。`}
          </Text>
          <Textarea
            className="zb-dialog__textarea e2e-leave-note"
            value={note}
            maxlength={200}
            placeholder={approve ? '给党员的答复（选填）' : '驳回原因（选填），如：本次为换届选举，请务必参加'}
            onInput={(e) => setNote(e.detail.value)}
          />
        </>
      ) : null}
    </ActionDialog>
  );
}
