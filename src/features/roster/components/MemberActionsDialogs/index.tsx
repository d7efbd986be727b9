import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { OrgNode, RosterMemberDetail } from '@contracts';
import { DEACTIVATION_REASONS, type DeactivationReason } from '@/features/roster/model/party';
import { deactivateMember, transferMember } from '@/features/roster/services/roster';
import { toastError, toastSuccess } from '@/utils/feedback';
import ActionDialog, { KeepOpen } from '@/components/ActionDialog';
import { SelectField } from '@/components/Field';

export type MemberAction = 'deactivate' | 'transfer';

interface Props {
  member: RosterMemberDetail;
  action: MemberAction | null;
  /** Branches and groups the member can move to (named for display). */
  targets: OrgNode[];
  onDone: () => void;
  onClose: () => void;
}

/** 停用 (reason + note, confirmed) and 调动支部 (target branch + note) for one roster entry. */
export default function MemberActionsDialogs({ member, action, targets, onDone, onClose }: Props) {
  const [reason, setReason] = useState<DeactivationReason | ''>('');
  const [toOrgId, setToOrgId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    setReason('');
    setToOrgId('');
    setNote('');
    setError('');
  }, [action]);

  const confirm = async () => {
    if (action === 'deactivate' && !reason) {
      setError('请选择停用原因');
      throw new KeepOpen();
    }
    if (action === 'transfer' && !toOrgId) {
      setError('请选择调入的支部或党小组');
      throw new KeepOpen();
    }
    const extra = note.trim() ? { note: note.trim() } : {};
    try {
      if (action === 'deactivate' && reason) await deactivateMember({ id: member.id, reason, ...extra });
      if (action === 'transfer') await transferMember({ id: member.id, toOrgId, ...extra });
    } catch (e) {
      toastError(e);
      throw e;
    }
    toastSuccess(action === 'deactivate' ? '已停用' : '已调动');
    onDone();
  };

  const noteField = (
    <Textarea
      className="zb-dialog__textarea e2e-member-action-note"
      value={note}
      maxlength={200}
      placeholder="备注（选填），如：转往某某街道党工委"
      onInput={(e) => setNote(e.detail.value)}
    />
  );

  return (
    <ActionDialog
      visible={!!action}
      title={action === 'deactivate' ? `停用 ${member.name}` : `调动 ${member.name}`}
      confirmText={action === 'deactivate' ? '确认停用' : '确认调动'}
      className={action === 'deactivate' ? 'e2e-deactivate-dialog' : 'e2e-transfer-dialog'}
      onConfirm={confirm}
      onClose={onClose}
    >
      {action === 'deactivate' ? (
        <>
          <Text className="zb-dialog__text">停用后，该党员不再计入支部在册人数，档案和记录会保留。请选择原因：</Text>
          <View className="zb-dialog__chips">
            {DEACTIVATION_REASONS.map((r) => (
              <View
                key={r}
                className={`zb-dialog__chip e2e-reason-chip ${r === reason ? 'zb-dialog__chip--active' : ''}`}
                onClick={() => {
                  setReason(r);
                  setError('');
                }}
              >
                {r}
              </View>
            ))}
          </View>
        </>
      ) : null}
      {action === 'transfer' ? (
        <>
          <Text className="zb-dialog__text">{`把 ${member.name} 从「${member.orgName}」调入：`}</Text>
          <SelectField
            label="调入支部或党小组"
            hint="只能调入您管理的支部或党小组；跨支部调动请联系党委管理员"
            options={targets.map((o) => ({ value: o.id, label: o.name }))}
            value={toOrgId}
            placeholder="请选择"
            pickerClassName="e2e-transfer-target"
            onChange={(v) => {
              setToOrgId(v);
              setError('');
            }}
          />
        </>
      ) : null}
      {action ? noteField : null}
      {error ? <Text className="zb-dialog__error e2e-field-error">{error}</Text> : null}
    </ActionDialog>
  );
}
