import { Text, Textarea } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { objectReasonError } from '../../domain/objections';
import { entryTime, signed } from '../../domain/points';
import { objectToEntry } from '../../services/points';
import { toastError, toastSuccess } from '../../utils/feedback';
import ActionDialog, { KeepOpen } from '../ActionDialog';
import type { EntryRowData } from '../PointsEntryRow';
import './index.scss';

interface Props {
  entry: EntryRowData | null;
  onDone: () => void;
  onClose: () => void;
}

/** 提出异议: the member disputes one of their own entries, with a required reason. */
export default function ObjectionDialog({ entry, onDone, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    setReason('');
    setError('');
  }, [entry]);

  const confirm = async () => {
    if (!entry) return;
    const problem = objectReasonError(reason);
    if (problem) {
      setError(problem);
      throw new KeepOpen();
    }
    try {
      await objectToEntry(entry.id, reason.trim());
    } catch (e) {
      toastError(e);
      throw e;
    }
    toastSuccess('已提交');
    onDone();
  };

  return (
    <ActionDialog
      visible={!!entry}
      title="提出异议"
      confirmText="提交异议"
      className="e2e-object-dialog"
      onConfirm={confirm}
      onClose={onClose}
    >
      {entry ? (
        <>
          <Text className="zb-dialog__text zb-objdialog__entry">
            {`「${entry.ruleName} ${signed(entry.value)}」 ${entryTime(entry.at)}`}
          </Text>
          <Text className="zb-dialog__muted">{`记录原因：${entry.reason}`}</Text>
          <Text className="zb-dialog__muted zb-objdialog__hint">
            支部书记核实后答复；异议成立的，该记录将被冲正。每条记录只能提出一次异议。
          </Text>
          <Textarea
            className="zb-dialog__textarea e2e-object-reason"
            value={reason}
            maxlength={200}
            placeholder="异议理由（必填），如：当天已请假并获批准"
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
