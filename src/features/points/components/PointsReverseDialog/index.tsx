import { Text } from '@tarojs/components';
import { entryTime, reverseReasonError, signed } from '@/features/points/model/points';
import { reversePointsEntry } from '@/features/points/services/points';
import type { EntryRowData } from '@/features/points/components/PointsEntryRow';
import ReasonDialog from '@/components/ReasonDialog';
import { emit } from '@/utils/events';
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
  const who = entry?.memberName ? `${entry.memberName}的` : '';
  return (
    <ReasonDialog
      subject={entry}
      title="冲正积分记录"
      confirmText="确认冲正"
      className="e2e-reverse-dialog"
      reasonClassName="e2e-reverse-reason"
      placeholder="冲正原因（必填），如：记错了人"
      validate={reverseReasonError}
      submit={(reason) => reversePointsEntry(entry?.id ?? '', reason)}
      successText="已冲正"
      onDone={() => {
        emit('pointsChanged');
        onDone();
      }}
      onClose={onClose}
    >
      {entry ? (
        <>
          <Text className="zb-dialog__text">
            {`将冲正${who}「${entry.ruleName} ${signed(entry.value)}」（${entryTime(entry.at)}），记入一条 ${signed(-entry.value)} 分的冲正记录。原记录保留，不会删除。`}
          </Text>
          <Text className="zb-dialog__muted zb-preverse__original">{`原记录原因：${entry.reason}`}</Text>
        </>
      ) : null}
    </ReasonDialog>
  );
}
