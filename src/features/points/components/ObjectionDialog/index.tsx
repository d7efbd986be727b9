import { Text } from '@tarojs/components';
import { objectReasonError } from '@/features/points/model/objections';
import { entryTime, signed } from '@/features/points/model/points';
import { objectToEntry } from '@/features/points/services/points';
import type { EntryRowData } from '@/features/points/components/PointsEntryRow';
import ReasonDialog from '@/components/ReasonDialog';
import './index.scss';

interface Props {
  entry: EntryRowData | null;
  onDone: () => void;
  onClose: () => void;
}

/** 提出异议: the member disputes one of their own entries, with a required reason. */
export default function ObjectionDialog({ entry, onDone, onClose }: Props) {
  return (
    <ReasonDialog
      subject={entry}
      title="提出异议"
      confirmText="提交异议"
      className="e2e-object-dialog"
      reasonClassName="e2e-object-reason"
      placeholder="异议理由（必填），如：当天已请假并获批准"
      validate={objectReasonError}
      submit={(reason) => objectToEntry(entry?.id ?? '', reason)}
      successText="已提交"
      onDone={onDone}
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
        </>
      ) : null}
    </ReasonDialog>
  );
}
