import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { RosterMember } from '@contracts';
import { SelectField, TextField } from '@/components/Field';
import PageShell from '@/components/PageShell';
import { requestPage } from '@/components/RequestPage';
import { EmptyState } from '@/components/StateViews';
import { may } from '@/features/identity/model/permissions';
import MemberPicker from '@/features/roster/components/MemberPicker';
import { useAdminTree } from '@/features/roster/hooks/useAdminTree';
import { branchOptions } from '@/features/roster/model/admin';
import { transferMember } from '@/features/roster/services/roster';
import { useSubmit } from '@/hooks/useFormSubmit';
import { emit } from '@/utils/events';
import { confirmAction } from '@/utils/feedback';
import './index.scss';

/** 组织关系转接: the admin moves a member to another branch of the committee. */
export default function Transfer() {
  const tree = useAdminTree();
  const [member, setMember] = useState<RosterMember | null>(null);
  const [toOrgId, setToOrgId] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const { busy, send } = useSubmit<'transfer'>();

  const waiting = requestPage(tree);
  if (waiting) return waiting;
  const committees = tree.orgs.filter((o) => o.kind === 'committee' && may(tree.me, 'roster.write', o.id));
  if (!committees.length)
    return (
      <PageShell>
        <EmptyState
          title="没有办理转接的权限"
          description="党委内支部间的组织关系转接由党委管理员办理；支部内调动请在花名册中操作。"
        />
      </PageShell>
    );

  const targets = branchOptions(tree.orgs, tree.me, 'roster.write').filter((o) => o.value !== member?.orgId);
  const toName = targets.find((o) => o.value === toOrgId)?.label ?? '';

  const submit = async () => {
    if (!member || !toOrgId) return;
    const ok = await confirmAction({
      title: '确认转接',
      content: `将${member.name}的组织关系由${member.orgName}转至${toName}？此操作将记入操作日志。`,
      confirmText: '转接',
    });
    if (!ok) return;
    await send(
      'transfer',
      () => transferMember({ id: member.id, toOrgId, ...(note.trim() ? { note: note.trim() } : {}) }),
      {
        successText: '已转接',
        onDone: () => {
          setDone(`${member.name}已转至${toName}`);
          setMember(null);
          setToOrgId('');
          setNote('');
          emit('rosterChanged');
        },
      },
    );
  };

  return (
    <PageShell className="zb-transfer">
      {done ? <Text className="zb-transfer__done e2e-transfer-done">{done}</Text> : null}
      <View className="zb-transfer__panel">
        <Text className="zb-transfer__title">1. 选择党员</Text>
        {member ? (
          <View className="zb-transfer__member">
            <Text className="zb-transfer__name e2e-transfer-member">{member.name}</Text>
            <Text className="zb-transfer__meta">{`现在：${member.orgName}`}</Text>
            <Text className="zb-transfer__change" onClick={() => setMember(null)}>
              重新选择
            </Text>
          </View>
        ) : (
          <MemberPicker
            orgId={committees[0].id}
            onPick={(m) => {
              setMember(m);
              setDone('');
              setToOrgId('');
            }}
          />
        )}
      </View>
      {member ? (
        <View className="zb-transfer__panel">
          <Text className="zb-transfer__title">2. 转至</Text>
          <SelectField
            label="党支部"
            required
            options={targets}
            value={toOrgId}
            pickerClassName="e2e-transfer-target"
            onChange={setToOrgId}
          />
          <TextField
            label="备注"
            value={note}
            onChange={setNote}
            maxLength={200}
            placeholder="如：工作调动（选填）"
            inputClassName="e2e-transfer-note"
          />
          <Button
            block
            type="primary"
            size="large"
            className="e2e-transfer-submit"
            disabled={!toOrgId}
            loading={busy === 'transfer'}
            onClick={() => void submit()}
          >
            转接
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
