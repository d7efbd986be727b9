import { Text, Textarea } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import type { DeclarationItem } from '@contracts';
import { orgLabel } from '@/features/roster/model';
import { placementOptions } from '@/features/identity/model/permissions';
import { useMe } from '@/features/identity/hooks/useMe';
import { useRequest } from '@/hooks/useRequest';
import { approveDeclaration, rejectDeclaration } from '@/features/identity/services/identity';
import { getTree } from '@/features/roster';
import { toastError, toastSuccess } from '@/utils/feedback';
import ActionDialog, { KeepOpen } from '@/components/ActionDialog';
import { SelectField } from '@/components/Field';
import { isPartyMember } from '@contracts/labels/common';

export type ReviewMode = 'approve' | 'reject';

/** 驳回 someone on the way whose branch has no 发展党员 file for them. */
const NO_FILE_REASON = '未找到您的发展党员档案，请联系支部书记';

interface Props {
  item: DeclarationItem | null;
  mode: ReviewMode | null;
  onDone: () => void;
  onClose: () => void;
}

/** A 流动党员's declaration names no branch of the tree: the reviewer places the member on approval. */
const needsPlacement = (item: DeclarationItem | null) => !!item && !item.orgId;

/** 通过 (confirm; a 流动党员 is placed in a branch first) or 驳回 (with a required reason) for one declaration. */
export default function ReviewDialog({ item, mode, onDone, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [orgId, setOrgId] = useState('');
  const [error, setError] = useState('');
  const { me } = useMe();
  const placing = mode === 'approve' && needsPlacement(item);
  const tree = useRequest(getTree, [placing], { manual: !placing });
  const options = useMemo(() => {
    const orgs = tree.data?.orgs ?? [];
    return placementOptions(me, orgs).map((o) => ({ value: o.id, label: orgLabel(orgs, o.id) }));
  }, [me, tree.data]);

  useEffect(() => {
    // Someone on the way with no 发展党员 file to bind to: the reason they are likely to need.
    setReason(item && !item.match && !isPartyMember(item.partyStatus) ? NO_FILE_REASON : '');
    setOrgId('');
    setError('');
  }, [item, mode]);

  const confirm = async () => {
    if (!item || !mode) return;
    if (mode === 'reject' && !reason.trim()) {
      setError('请填写驳回原因');
      throw new KeepOpen();
    }
    if (placing && !orgId) {
      setError('请选择编入的党支部或党小组：流动党员通过后编入该支部管理');
      throw new KeepOpen();
    }
    try {
      if (mode === 'approve') await approveDeclaration(item.id, item.match?.memberId, placing ? orgId : undefined);
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
      {item && mode === 'approve' && !placing ? (
        <Text className="zb-dialog__text">
          {!isPartyMember(item.partyStatus)
            ? `通过后，${item.name} 将绑定其发展党员档案（${item.match?.orgName ?? ''}），可参加活动、学习和积分；成为预备党员后可领取党员身份卡。`
            : item.match
              ? `通过后，${item.name} 将绑定花名册中的档案（${item.match.orgName}），并可查看党员身份卡。`
              : `通过后，将为 ${item.name} 在花名册中新建党员档案，并可查看党员身份卡。`}
        </Text>
      ) : null}
      {item && placing ? (
        <>
          <Text className="zb-dialog__text">
            {`${item.name} 是流动党员（组织关系在「${item.externalOrg ?? '外单位'}」）。请选择编入的党支部，通过后在该支部花名册中新建档案。`}
          </Text>
          <SelectField
            label="编入党支部"
            required
            hint={tree.error ? '支部列表加载失败，请关闭后重试' : '只能编入您管理范围内的党支部或党小组'}
            options={options}
            value={orgId}
            placeholder={tree.loading ? '加载中…' : '请选择党支部'}
            pickerClassName="e2e-approve-org"
            onChange={(v) => {
              setOrgId(v);
              setError('');
            }}
          />
        </>
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
        </>
      ) : null}
      {error ? <Text className="zb-dialog__error e2e-field-error">{error}</Text> : null}
    </ActionDialog>
  );
}
