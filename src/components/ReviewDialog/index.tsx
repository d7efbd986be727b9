import { Text, Textarea } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { DeclarationItem } from '../../../contracts';
import { approveDeclaration, rejectDeclaration } from '../../services/identity';
import { toastError, toastSuccess } from '../../utils/feedback';
import ActionDialog, { KeepOpen } from '../ActionDialog';

export type ReviewMode = 'approve' | 'reject';

interface Props {
  item: DeclarationItem | null;
  mode: ReviewMode | null;
  onDone: () => void;
  onClose: () => void;
}

/** 通过 (confirm) or 驳回 (with a required reason) for one declaration. */
export default function ReviewDialog({ item, mode, onDone, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    setReason('');
    setError('');
  }, [item, mode]);

  const confirm = async () => {
    if (!item || !mode) return;
    if (mode === 'reject' && !reason.trim()) {
      setError('请填写驳回原因');
      throw new KeepOpen();
    }
    try {
      if (mode === 'approve') await approveDeclaration(item.id, item.match?.memberId);
      else await rejectDeclaration(item.id, reason.trim());
    } catch (e) {
      toastError(e);
      throw e;
    }
    toastSuccess(mode === 'approve' ? '已通过' : '已驳回');
    onDone();
  };

  return (
    <ActionDialog
      visible={!!item && !!mode}
      title={mode === 'reject' ? '驳回申报' : '通过申报'}
      confirmText={mode === 'reject' ? '确认驳回' : '确认通过'}
      className={mode === 'reject' ? 'e2e-reject-dialog' : 'e2e-approve-dialog'}
      onConfirm={confirm}
      onClose={onClose}
    >
      {item && mode === 'approve' ? (
        <Text className="zb-dialog__text">
          {item.match
            ? `通过后，${item.name} 将绑定花名册中的档案（${item.match.orgName}），并可查看党员身份卡。`
            : `通过后，将为 ${item.name} 在花名册中新建党员档案，并可查看党员身份卡。`}
        </Text>
      ) : null}
      {item && mode === 'reject' ? (
        <>
          <Text className="zb-dialog__text">{`请告诉 ${item.name} 未通过的原因，对方可据此修改后重新申报。`}</Text>
          <Textarea
            className="zb-dialog__textarea e2e-reject-reason-input"
            value={reason}
            maxlength={200}
            placeholder="如：入党日期与档案不符"
            onInput={(e) => {
              setReason(e.detail.value);
              setError('');
            }}
          />
          {error ? <Text className="zb-dialog__error e2e-field-error">{error}</Text> : null}
        </>
      ) : null}
    </ActionDialog>
  );
}
