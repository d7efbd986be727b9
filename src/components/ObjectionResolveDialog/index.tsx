import { Text, Textarea } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { ObjectionView } from '../../../contracts';
import { resolveConsequence, resolveReasonError, type ObjectionDecision } from '../../domain/objections';
import { entryTime, signed } from '../../domain/points';
import { emitPointsChanged } from '../../hooks/usePointsChanged';
import { resolveObjection } from '../../services/points';
import { toastError, toastSuccess } from '../../utils/feedback';
import ActionDialog, { KeepOpen } from '../ActionDialog';
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
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    setReason('');
    setError('');
  }, [target]);

  const confirm = async () => {
    if (!target) return;
    const problem = resolveReasonError(reason);
    if (problem) {
      setError(problem);
      throw new KeepOpen();
    }
    try {
      await resolveObjection({ id: target.item.id, decision: target.decision, reason: reason.trim() });
    } catch (e) {
      toastError(e);
      throw e;
    }
    toastSuccess(target.decision === 'uphold' ? '已冲正' : '已处理');
    // Upholding posts a reversal: rankings, ledgers and scores reload.
    if (target.decision === 'uphold') emitPointsChanged();
    onDone();
  };

  const uphold = target?.decision === 'uphold';
  const item = target?.item;
  return (
    <ActionDialog
      visible={!!target}
      title={uphold ? '异议成立' : '异议不成立'}
      confirmText={uphold ? '确认冲正' : '确认不成立'}
      className={`e2e-resolve-dialog ${uphold ? 'e2e-resolve-dialog-uphold' : 'e2e-resolve-dialog-dismiss'}`}
      onConfirm={confirm}
      onClose={onClose}
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
          <Textarea
            className="zb-dialog__textarea e2e-resolve-reason"
            value={reason}
            maxlength={200}
            placeholder={uphold ? '处理理由（必填），如：核实当天已请假' : '处理理由（必填），如：有签到记录为证'}
            onInput={(e) => {
              setReason(e.detail.value);
              setError('');
            }}
          />
          <Text className="zb-dialog__muted zb-resolve__hint">处理理由会显示给本人。</Text>
          {error ? <Text className="zb-dialog__error e2e-field-error">{error}</Text> : null}
        </>
      ) : null}
    </ActionDialog>
  );
}
