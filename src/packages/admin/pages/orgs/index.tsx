import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { OrgNode } from '@contracts';
import ActionDialog, { KeepOpen } from '@/components/ActionDialog';
import { SelectField } from '@/components/Field';
import PageShell from '@/components/PageShell';
import { requestPage } from '@/components/RequestPage';
import { EmptyState } from '@/components/StateViews';
import StatusTag from '@/components/StatusTag';
import { useAdminTree } from '@/features/roster/hooks/useAdminTree';
import { archiveBlocker, childKind, moveTargets, ORG_KIND_LABEL } from '@/features/roster/model/admin';
import { archiveOrg, createOrg, moveOrg, renameOrg } from '@/features/roster/services/roster';
import { may, mayAnywhere } from '@/features/identity/model/permissions';
import { confirmAction, toastError, toastInfo, toastSuccess } from '@/utils/feedback';
import './index.scss';

type Editing = { mode: 'create' | 'rename' | 'move'; node: OrgNode } | null;

/** 组织架构: the tree with active member counts; create, rename, move (a group) and 撤销. */
export default function Orgs() {
  const tree = useAdminTree();
  const [selected, setSelected] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [name, setName] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState('');

  usePullDownRefresh(() => void tree.reload().finally(() => Taro.stopPullDownRefresh()));

  const waiting = requestPage(tree, 8);
  if (waiting) return waiting;
  if (!mayAnywhere(tree.me, 'org.manage'))
    return (
      <PageShell>
        <EmptyState title="没有管理组织架构的权限" description="组织架构由党委管理员维护。" />
      </PageShell>
    );

  const open = (mode: 'create' | 'rename' | 'move', node: OrgNode) => {
    setEditing({ mode, node });
    setName(mode === 'rename' ? node.name : '');
    setTarget('');
    setError('');
  };

  const confirm = async () => {
    if (!editing) return;
    const { mode, node } = editing;
    const trimmed = name.trim();
    if (mode !== 'move' && (trimmed.length < 2 || trimmed.length > 40)) {
      setError('名称 2～40 个字');
      throw new KeepOpen();
    }
    if (mode === 'move' && !target) {
      setError('请选择要移到的党支部');
      throw new KeepOpen();
    }
    try {
      if (mode === 'create') {
        const kind = childKind(node.kind);
        if (!kind) return;
        await createOrg({ parentId: node.id, name: trimmed, kind });
      } else if (mode === 'rename') await renameOrg({ id: node.id, name: trimmed });
      else await moveOrg({ id: node.id, parentId: target });
    } catch (e) {
      toastError(e);
      throw e;
    }
    toastSuccess(mode === 'create' ? '已新建' : mode === 'rename' ? '已改名' : '已移动');
    setEditing(null);
    await tree.reload();
  };

  const archive = async (node: OrgNode) => {
    const blocker = archiveBlocker(tree.orgs, node);
    if (blocker) {
      toastInfo(`不能撤销：${blocker}`);
      return;
    }
    const ok = await confirmAction({
      title: `撤销${node.name}`,
      content: '撤销后不再出现在各处的选择列表中，历史记录仍保留。此操作将记入操作日志。',
      confirmText: '撤销',
    });
    if (!ok) return;
    try {
      await archiveOrg(node.id);
      toastSuccess('已撤销');
      setSelected('');
      await tree.reload();
    } catch (e) {
      toastError(e);
    }
  };

  const targets = editing?.mode === 'move' ? moveTargets(tree.orgs, editing.node, tree.me) : [];
  const dialogTitle = !editing
    ? ''
    : editing.mode === 'create'
      ? `在${editing.node.name}下新建${ORG_KIND_LABEL[childKind(editing.node.kind) ?? 'group']}`
      : editing.mode === 'rename'
        ? `${editing.node.name}改名`
        : `移动${editing.node.name}`;

  return (
    <PageShell className="zb-orgs">
      <Text className="zb-orgs__hint">
        点选组织可新建下级、改名、移动或撤销；人数为在册党员数，入党积极分子等另计。
      </Text>
      {tree.rows.map(({ node, depth }) => {
        const open_ = selected === node.id;
        const kind = childKind(node.kind);
        return (
          <View
            key={node.id}
            className={`zb-orgs__node zb-orgs__node--d${depth} ${node.archived ? 'zb-orgs__node--archived' : ''}`}
          >
            <View
              className="zb-orgs__row e2e-org-row"
              onClick={() => setSelected(open_ || node.archived || !may(tree.me, 'org.manage', node.id) ? '' : node.id)}
            >
              <Text className="zb-orgs__name e2e-org-name">{node.name}</Text>
              <StatusTag tone={node.kind === 'committee' ? 'primary' : node.kind === 'branch' ? 'gold' : 'muted'}>
                {ORG_KIND_LABEL[node.kind]}
              </StatusTag>
              {node.archived ? <StatusTag tone="muted">已撤销</StatusTag> : null}
              <Text className="zb-orgs__count">
                {node.activeMembers === undefined
                  ? ''
                  : `${node.activeMembers} 人${node.activeOnTheWay ? ` · 积极分子等 ${node.activeOnTheWay} 人` : ''}`}
              </Text>
            </View>
            {open_ ? (
              <View className="zb-orgs__actions">
                {kind ? (
                  <Button size="small" type="primary" className="e2e-org-add" onClick={() => open('create', node)}>
                    {`新建${ORG_KIND_LABEL[kind]}`}
                  </Button>
                ) : null}
                <Button size="small" className="e2e-org-rename" onClick={() => open('rename', node)}>
                  改名
                </Button>
                {node.kind === 'group' ? (
                  <Button size="small" className="e2e-org-move" onClick={() => open('move', node)}>
                    移到其他支部
                  </Button>
                ) : null}
                {node.kind === 'committee' ? null : archiveBlocker(tree.orgs, node) ? (
                  <Text className="zb-orgs__blocked">{`不能撤销：${archiveBlocker(tree.orgs, node) ?? ''}`}</Text>
                ) : (
                  <Button size="small" className="e2e-org-archive" onClick={() => void archive(node)}>
                    撤销
                  </Button>
                )}
              </View>
            ) : null}
          </View>
        );
      })}
      <ActionDialog
        visible={!!editing}
        title={dialogTitle}
        confirmText="确定"
        className="e2e-org-dialog"
        onConfirm={confirm}
        onClose={() => setEditing(null)}
      >
        {editing?.mode === 'move' ? (
          targets.length ? (
            <SelectField
              label="移到"
              options={targets.map((o) => ({ value: o.id, label: o.name }))}
              value={target}
              pickerClassName="e2e-org-move-target"
              onChange={(v) => {
                setTarget(v);
                setError('');
              }}
            />
          ) : (
            <Text className="zb-dialog__muted">没有可移入的党支部</Text>
          )
        ) : (
          <Input
            className="zb-orgs__input e2e-org-name-input"
            value={name}
            maxlength={40}
            placeholder="名称，如：第三党支部"
            onInput={(e) => {
              setName(e.detail.value);
              setError('');
            }}
          />
        )}
        {editing?.mode === 'move' ? (
          <Text className="zb-dialog__muted">党小组的党员随之转入新支部，记入操作日志。</Text>
        ) : null}
        {error ? <Text className="zb-dialog__error e2e-field-error">{error}</Text> : null}
      </ActionDialog>
    </PageShell>
  );
}
