import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { Role, RosterMember } from '@contracts';
import ListCell, { CellGroup } from '@/components/ListCell';
import { SelectField } from '@/components/Field';
import PageShell from '@/components/PageShell';
import { requestPage } from '@/components/RequestPage';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import MemberPicker from '@/features/roster/components/MemberPicker';
import { useAdminTree } from '@/features/roster/hooks/useAdminTree';
import { appointableRoles, managedNodeOptions, ROLE_NAME } from '@/features/roster/model/admin';
import { grantRole, listRoles, revokeRole } from '@/features/roster/services/roster';
import { useRequest } from '@/hooks/useRequest';
import { useSubmit } from '@/hooks/useFormSubmit';
import { confirmAction } from '@/utils/feedback';
import './index.scss';

/** 人员任职: who holds 书记 / 支委 / 管理员 on a node; appoint by searching a member, revoke with confirmation. */
export default function Roles() {
  const tree = useAdminTree();
  const options = managedNodeOptions(tree.rows, tree.me);
  const [orgId, setOrgId] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const { busy, send } = useSubmit<string>();

  useEffect(() => {
    if (!orgId && options.length) setOrgId(options[0].value);
  }, [orgId, options]);

  const node = tree.orgs.find((o) => o.id === orgId);
  const roles = appointableRoles(tree.me, node);
  useEffect(() => {
    if (!role || !roles.includes(role)) setRole(roles[0] ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orgId, roles.join()]);

  const holders = useRequest(() => listRoles(orgId), [orgId], { manual: !orgId });

  const waiting = requestPage(tree);
  if (waiting) return waiting;
  if (!options.length)
    return (
      <PageShell>
        <EmptyState title="没有可任命职务的组织" description="人员任职由党委管理员办理。" />
      </PageShell>
    );

  const appoint = async (member: RosterMember) => {
    if (!role || !node) return;
    const ok = await confirmAction({
      title: '任命职务',
      content: `任命${member.name}为${node.name}${ROLE_NAME[role]}？此操作将记入操作日志。`,
      confirmText: '任命',
    });
    if (!ok) return;
    await send('grant', () => grantRole({ orgId, memberId: member.id, role }), {
      successText: '已任命',
      onDone: () => void holders.reload(),
    });
  };

  const revoke = async (item: { memberId: string | null; name: string | null; role: Role }) => {
    if (!item.memberId || !node) return;
    const ok = await confirmAction({
      title: '撤销职务',
      content: `撤销${item.name ?? ''}的${node.name}${ROLE_NAME[item.role]}职务？此操作将记入操作日志。`,
      confirmText: '撤销',
    });
    if (!ok) return;
    const memberId = item.memberId;
    await send(`revoke:${memberId}:${item.role}`, () => revokeRole({ orgId, memberId, role: item.role }), {
      successText: '已撤销',
      onDone: () => void holders.reload(),
    });
  };

  const items = holders.data?.items ?? [];
  return (
    <PageShell className="zb-roles">
      <View className="zb-roles__panel">
        <SelectField label="组织" options={options} value={orgId} pickerClassName="e2e-roles-org" onChange={setOrgId} />
      </View>
      <CellGroup title="现任职务" className="e2e-roles-holders">
        {holders.loading && !holders.data ? <LoadingSkeleton rows={2} /> : null}
        {holders.error ? <ErrorState error={holders.error} onRetry={holders.reload} /> : null}
        {holders.data && !items.length ? <Text className="zb-roles__none">暂无任职，可在下方任命</Text> : null}
        {items.map((item) => (
          <ListCell
            key={`${item.memberId ?? ''}:${item.role}`}
            className="e2e-role-holder"
            title={item.name ?? '（未绑定的账号）'}
            description={ROLE_NAME[item.role]}
            value={
              item.memberId ? (
                <Button
                  size="small"
                  className="e2e-role-revoke"
                  loading={busy === `revoke:${item.memberId}:${item.role}`}
                  onClick={() => void revoke(item)}
                >
                  撤销
                </Button>
              ) : undefined
            }
          />
        ))}
      </CellGroup>
      {roles.length ? (
        <View className="zb-roles__panel">
          <Text className="zb-roles__title">任命</Text>
          <SegmentedControl
            options={roles.map((r) => ({ value: r, label: ROLE_NAME[r] }))}
            value={role || roles[0]}
            onChange={setRole}
            className="e2e-role-kind"
          />
          <Text className="zb-roles__hint">搜索党员后点选即可任命。</Text>
          <MemberPicker
            orgId={tree.committeeOf(orgId)}
            unboundReason="尚未亮身份（绑定微信），暂不能任命"
            onPick={(m) => void appoint(m)}
          />
        </View>
      ) : null}
    </PageShell>
  );
}
