import { Text, View } from '@tarojs/components';
import Dialog from '@/components/Dialog';
import { useState } from 'react';
import type { ActionOutput, ActivityKind } from '@contracts';
import { closePreviewText, useActivityClosePreview } from '@/features/activities/hooks/useActivityClosePreview';
import { closeActivity } from '@/features/activities/services/activity';
import { toastError, toastInfo } from '@/utils/feedback';
import ActionDialog, { KeepOpen } from '@/components/ActionDialog';
import { emit } from '@/utils/events';
import './index.scss';

type CloseResult = ActionOutput<'activity', 'close'>;

interface Props {
  activity: { id: string; title: string; kind: ActivityKind };
  visible: boolean;
  /** Expected members not signed in yet (the warning asks the server instead: organisers are not absent). */
  notSignedIn?: number;
  onClosed: () => void;
  onClose: () => void;
}

/**
 * 结束活动: says, from the server, how many will be marked absent (or why it cannot be closed yet:
 * before the start), then shows how attendance was fixed.
 */
export default function ActivityCloseDialog({ activity, visible, onClosed, onClose }: Props) {
  const [result, setResult] = useState<CloseResult | null>(null);
  const preview = useActivityClosePreview(activity.id, visible);
  const refused = preview.data && !preview.data.canClose ? closePreviewText(preview.data) : null;

  const confirm = async () => {
    if (refused) {
      toastInfo(refused);
      throw new KeepOpen();
    }
    try {
      setResult(await closeActivity(activity.id));
    } catch (e) {
      toastError(e);
      throw e;
    }
    emit('pointsChanged');
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
        {preview.data ? (
          <Text className={`zb-dialog__text zb-actclose__warn ${refused ? 'e2e-close-refused' : 'e2e-close-preview'}`}>
            {closePreviewText(preview.data)}
          </Text>
        ) : (
          <Text className="zb-dialog__text zb-actclose__warn">
            {preview.error ? '暂时无法统计缺席人数，请稍后重试' : '正在统计将记为缺席的人数…'}
          </Text>
        )}
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
