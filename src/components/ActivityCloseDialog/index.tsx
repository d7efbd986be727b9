import { Text, View } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActionOutput, ActivityKind } from '../../../contracts';
import { closeConsequence } from '../../domain/activity-form';
import { emitPointsChanged } from '../../hooks/usePointsChanged';
import { closeActivity } from '../../services/activity';
import { toastError } from '../../utils/feedback';
import ActionDialog from '../ActionDialog';
import './index.scss';

type CloseResult = ActionOutput<'activity', 'close'>;

interface Props {
  activity: { id: string; title: string; kind: ActivityKind };
  visible: boolean;
  /** Expected members not signed in yet (for the warning). */
  notSignedIn: number;
  onClosed: () => void;
  onClose: () => void;
}

/** 结束活动: says what closing does to the absent, then shows how attendance was fixed. */
export default function ActivityCloseDialog({ activity, visible, notSignedIn, onClosed, onClose }: Props) {
  const [result, setResult] = useState<CloseResult | null>(null);

  const confirm = async () => {
    try {
      setResult(await closeActivity(activity.id));
    } catch (e) {
      toastError(e);
      throw e;
    }
    emitPointsChanged();
    onClose();
    onClosed();
  };

  const rows: Array<[string, number]> = result
    ? [
        ['出席', result.present],
        ['迟到', result.late],
        ['请假', result.leave],
        ['免参加', result.exempt],
        ['缺席', result.absent],
      ]
    : [];
  return (
    <>
      <ActionDialog
        visible={visible}
        title="结束活动"
        confirmText="确认结束"
        className="e2e-close-dialog"
        onConfirm={confirm}
        onClose={onClose}
      >
        <Text className="zb-dialog__text">{`结束「${activity.title}」？`}</Text>
        <Text className="zb-dialog__text zb-actclose__warn">{closeConsequence(activity.kind, notSignedIn)}</Text>
      </ActionDialog>
      <Dialog
        className="zb-dialog e2e-close-result"
        visible={!!result}
        title="活动已结束"
        confirmText="知道了"
        hideCancelButton
        onConfirm={() => setResult(null)}
        onClose={() => setResult(null)}
      >
        <View className="zb-actclose__grid">
          {rows.map(([label, value]) => (
            <View className="zb-actclose__cell" key={label}>
              <Text className="zb-actclose__num">{value}</Text>
              <Text className="zb-actclose__cap">{label}</Text>
            </View>
          ))}
        </View>
        {result?.absent ? (
          <Text className="zb-dialog__muted">缺席的党员已按规则扣分；如有误，可在名单中补签。</Text>
        ) : null}
      </Dialog>
    </>
  );
}
