import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import ListCell, { CellGroup } from '@/components/ListCell';
import PageShell from '@/components/PageShell';
import { DateField, TextField } from '@/components/Field';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import StatusTag from '@/components/StatusTag';
import { categoryLabel, stageTitle } from '@/features/develop/model/develop';
import {
  developBoard,
  developPipeline,
  exportDevelopPipeline,
  startDevelopFile,
} from '@/features/develop/services/develop';
import DevelopPipeline from '@/features/develop/components/DevelopPipeline';
import { useMe } from '@/features/identity/hooks/useMe';
import { may } from '@/features/identity/model/permissions';
import { useSubmit } from '@/hooks/useFormSubmit';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { useRequest } from '@/hooks/useRequest';
import { errorMessage } from '@/services/client';
import { formatDate } from '@/utils/dates';
import { toastSuccess } from '@/utils/feedback';
import { back, go, ROUTES } from '@/utils/routes';
import './index.scss';

/**
 * 发展党员: the people on the way to membership in the caller's branch (or committee), overdue
 * first, each with the next step and its due date; a secretary opens a new file here when someone
 * hands in 入党申请书, and records each step in the person's file.
 */
export default function Develop() {
  const { me, loading: meLoading } = useMe();
  const grant = me?.permissions.find((g) => g.permissions.includes('develop.read'));
  const orgId = grant?.orgId ?? '';
  const board = useRequest(() => developBoard(orgId), [orgId], { manual: !orgId });
  const canStart = may(me, 'develop.manage', orgId);
  // A committee admin's grant is on the committee: its branches side by side first.
  const isCommittee = may(me, 'org.manage', orgId);
  const pipeline = useRequest(() => developPipeline(orgId), [orgId, isCommittee], { manual: !isCommittee });
  const [form, setForm] = useState({ name: '', phone: '', appliedAt: '' });
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);
  const { busy, send } = useSubmit<'export'>();

  usePullDownRefresh(() => {
    void Promise.all([board.reload(), isCommittee ? pipeline.reload() : null]).finally(() =>
      Taro.stopPullDownRefresh(),
    );
  });
  useReloadOnShow(board.reload, !!orgId);

  async function start() {
    if (!form.name.trim() || !form.appliedAt) {
      setFormError('请填写姓名和递交申请的日期');
      return;
    }
    setSaving(true);
    setFormError('');
    try {
      const { id } = await startDevelopFile({
        orgId,
        name: form.name.trim(),
        appliedAt: form.appliedAt,
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      });
      toastSuccess('已建立档案');
      setForm({ name: '', phone: '', appliedAt: '' });
      void board.reload();
      go(ROUTES.developFile(id));
    } catch (e) {
      setFormError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  if (meLoading)
    return (
      <PageShell>
        <LoadingSkeleton rows={4} />
      </PageShell>
    );
  if (!orgId)
    return (
      <PageShell>
        <EmptyState
          title="没有可查看的支部"
          description="发展党员由支部书记、支委和党委管理员办理。"
          actionText="返回"
          onAction={back}
          className="e2e-forbidden"
        />
      </PageShell>
    );

  return (
    <PageShell className="zb-develop">
      <View className="zb-develop__head">
        <Text className="zb-develop__title">发展党员</Text>
        <Text className="zb-develop__org">{grant?.orgName}</Text>
      </View>
      {isCommittee && pipeline.data ? <DevelopPipeline data={pipeline.data} /> : null}
      {isCommittee ? (
        <View className="zb-develop__bar">
          <Button
            className="zb-develop__action e2e-develop-export"
            loading={busy === 'export'}
            disabled={Boolean(busy)}
            onClick={() => void send('export', () => exportDevelopPipeline(orgId))}
          >
            导出 Excel
          </Button>
          <Button className="zb-develop__action e2e-develop-steps-link" onClick={() => go(ROUTES.developSteps)}>
            步骤和时间规则
          </Button>
        </View>
      ) : null}
      {board.loading && !board.data ? (
        <LoadingSkeleton rows={4} />
      ) : board.error ? (
        <ErrorState error={board.error} onRetry={board.reload} />
      ) : board.data?.items.length ? (
        <CellGroup title={`培养发展中 ${board.data.items.length} 人`} className="e2e-develop-board">
          {board.data.items.map((item) => (
            <ListCell
              key={item.id}
              className="e2e-develop-item"
              title={`${item.name} · ${categoryLabel(item.category)}`}
              description={`${stageTitle(item.stage)}｜下一步：${item.nextStepName ?? '已完成'}${
                item.due ? `（${formatDate(item.due)}前）` : ''
              }`}
              value={item.overdue ? <StatusTag tone="warning">已超期</StatusTag> : undefined}
              onClick={() => go(ROUTES.developFile(item.id))}
            />
          ))}
        </CellGroup>
      ) : (
        <EmptyState
          title="暂无培养发展对象"
          description={
            canStart ? '有人递交入党申请书后，在下方建立档案。' : '支部书记建立档案后，这里会列出每个人的进度。'
          }
          className="e2e-develop-empty"
        />
      )}
      {canStart ? (
        <View className="zb-develop__card e2e-develop-start">
          <Text className="zb-develop__card-title">新建档案（递交入党申请书）</Text>
          <TextField
            label="姓名"
            required
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            placeholder="申请人姓名"
            maxLength={20}
            className="e2e-develop-name"
          />
          <TextField
            label="手机号"
            value={form.phone}
            onChange={(phone) => setForm({ ...form, phone })}
            placeholder="选填，登记到花名册，亮身份时据此核对"
            maxLength={11}
            className="e2e-develop-phone"
          />
          <DateField
            label="递交申请日期"
            required
            value={form.appliedAt}
            onChange={(appliedAt) => setForm({ ...form, appliedAt })}
            className="e2e-develop-applied"
          />
          {formError ? <Text className="zb-develop__error e2e-develop-start-error">{formError}</Text> : null}
          <Button block type="primary" loading={saving} className="e2e-develop-start-submit" onClick={start}>
            建立档案
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
