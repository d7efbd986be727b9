import { Text } from '@tarojs/components';
import type { ObjectionView } from '@contracts';
import { resolveConsequence, resolveReasonError, type ObjectionDecision } from '@/features/points/model/objections';
import { entryTime, signed } from '@/features/points/model/points';
import { resolveObjection } from '@/features/points/services/points';
import ReasonDialog from '@/components/ReasonDialog';
import { emit } from '@/utils/events';
import './index.scss';

export interface ResolveTarget {
  item: ObjectionView;
  decision: ObjectionDecision;
}

interface Props {
  target: ResolveTarget | null;
  onDone: () => void;
  onClose: () => void;
}

/** 成立（冲正） or 不成立 for one objection: the consequence stated, a required reason the member will read. */
export default function ObjectionResolveDialog({ target, onDone, onClose }: Props) {
  const uphold = target?.decision === 'uphold';
  const item = target?.item;
  return (
    <ReasonDialog
      subject={target}
      title={uphold ? '异议成立' : '异议不成立'}
      confirmText={uphold ? '确认冲正' : '确认不成立'}
      className={`e2e-resolve-dialog ${uphold ? 'e2e-resolve-dialog-uphold' : 'e2e-resolve-dialog-dismiss'}`}
      reasonClassName="e2e-resolve-reason"
      placeholder={uphold ? '处理理由（必填），如：核实当天已请假' : '处理理由（必填），如：有签到记录为证'}
      validate={resolveReasonError}
      submit={(reason) =>
        resolveObjection({ id: target?.item.id ?? '', decision: target?.decision ?? 'dismiss', reason })
      }
      successText={uphold ? '已冲正' : '已处理'}
      onDone={() => {
        // Upholding posts a reversal: rankings, ledgers and scores reload.
        if (uphold) emit('pointsChanged');
        onDone();
      }}
      onClose={onClose}
      footnote="处理理由会显示给本人。"
    >
      {item && target ? (
        <>
          <Text className="zb-dialog__text zb-resolve__entry">{`${item.memberName} · ${item.ruleName} ${signed(item.value)}`}</Text>
          <Text className="zb-dialog__muted">{`${entryTime(item.entryAt)} 记录：${item.entryReason}`}</Text>
          <Text className="zb-dialog__muted zb-resolve__objection">{`异议理由：${item.reason}`}</Text>
          <Text
            className={`zb-resolve__consequence ${uphold ? 'zb-resolve__consequence--uphold' : ''} e2e-resolve-consequence`}
          >
            {resolveConsequence(item, target.decision)}
          </Text>
        </>
      ) : null}
    </ReasonDialog>
  );
}
