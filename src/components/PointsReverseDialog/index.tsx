import { Text, Textarea } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { entryTime, reverseReasonError, signed } from '../../domain/points';
import { emitPointsChanged } from '../../hooks/usePointsChanged';
import { reversePointsEntry } from '../../services/points';
import { toastError, toastSuccess } from '../../utils/feedback';
import ActionDialog, { KeepOpen } from '../ActionDialog';
import type { EntryRowData } from '../PointsEntryRow';
import './index.scss';

interface Props {
  entry: EntryRowData | null;
  onDone: () => void;
  onClose: () => void;
}

/**
 * 冲正: cancels one entry with a reversing entry (the ledger is never edited). Confirmed in a
 * dialog that shows the entry and requires a reason.
 */
export default function PointsReverseDialog({ entry, onDone, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    setReason('');
    setError('');
  }, [entry]);

  const confirm = async () => {
    if (!entry) return;
    const problem = reverseReasonError(reason);
    if (problem) {
      setError(problem);
      throw new KeepOpen();
    }
    try {
      await reversePointsEntry(entry.id, reason.trim());
    } catch (e) {
      toastError(e);
      throw e;
    }
    toastSuccess('已冲正');
    emitPointsChanged();
    onDone();
  };

  const who = entry?.memberName ? `${entry.memberName}的` : '';
  return (
    <ActionDialog
      visible={!!entry}
      title="冲正积分记录"
      confirmText="确认冲正"
      className="e2e-reverse-dialog"
      onConfirm={confirm}
      onClose={onClose}
    >
      {entry ? (
        <>
          <Text className="zb-dialog__text">
            {`将冲正${who}「${entry.ruleName} ${signed(entry.value)}」（${entryTime(entry.at)}），记入一条 ${signed(-entry.value)} 分的冲正记录。原记录保留，不会删除。`}
          </Text>
          <Text className="zb-dialog__muted zb-preverse__original">{`原记录原因：${entry.reason}`}</Text>
          <Textarea
            className="zb-dialog__textarea e2e-reverse-reason"
            value={reason}
            maxlength={200}
            placeholder="冲正原因（必填），如：记错了人"
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
