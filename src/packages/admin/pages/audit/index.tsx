import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { DateField, Field, SelectField } from '@/components/Field';
import LoadMoreFooter from '@/components/LoadMoreFooter';
import PageShell from '@/components/PageShell';
import { requestPage } from '@/components/RequestPage';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import StatusTag from '@/components/StatusTag';
import { may, mayAnywhere } from '@/features/identity/model/permissions';
import MemberPicker from '@/features/roster/components/MemberPicker';
import { useAdminTree } from '@/features/roster/hooks/useAdminTree';
import {
  AUDIT_ACTION_OPTIONS,
  auditActionLabel,
  auditLogInput,
  auditSummary,
  NO_AUDIT_FILTERS,
  type AuditFilters,
} from '@/features/roster/model/admin';
import { getAuditLog } from '@/features/roster/services/roster';
import { usePagedList } from '@/hooks/usePagedList';
import { formatDateTime } from '@/utils/dates';
import './index.scss';

/** 操作日志: every audited change in the admin's committees, newest first, by who, what and when. */
export default function Audit() {
  const tree = useAdminTree();
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [actorName, setActorName] = useState('');
  const [pickingActor, setPickingActor] = useState(false);
  const allowed = mayAnywhere(tree.me, 'audit.read');
  const list = usePagedList((page) => getAuditLog(auditLogInput(filters, page)), [filters], {
    enabled: allowed,
  });
  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch }));

  useReachBottom(() => void list.loadMore());
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()));

  const waiting = requestPage(tree);
  if (waiting) return waiting;
  if (!allowed)
    return (
      <PageShell>
        <EmptyState title="没有查看操作日志的权限" description="操作日志由党委管理员查看。" />
      </PageShell>
    );

  const committee = tree.orgs.find((o) => o.kind === 'committee' && may(tree.me, 'audit.read', o.id));
  const filtered = Object.values(filters).some(Boolean);
  return (
    <PageShell className="zb-audit">
      <View className="zb-audit__filters">
        <SelectField
          label="操作"
          options={AUDIT_ACTION_OPTIONS}
          value={filters.action}
          pickerClassName="e2e-audit-action"
          onChange={(action) => set({ action })}
        />
        <Field label="操作人">
          {filters.actorMemberId ? (
            <View className="zb-audit__actor">
              <Text className="e2e-audit-actor">{actorName}</Text>
              <Text
                className="zb-audit__clear"
                onClick={() => {
                  set({ actorMemberId: '' });
                  setActorName('');
                }}
              >
                清除
              </Text>
            </View>
          ) : (
            <Text className="zb-audit__pick e2e-audit-pick-actor" onClick={() => setPickingActor(!pickingActor)}>
              {pickingActor ? '收起' : '全部（点此按人筛选）'}
            </Text>
          )}
        </Field>
        {pickingActor && !filters.actorMemberId && committee ? (
          <MemberPicker
            orgId={committee.id}
            onPick={(m) => {
              set({ actorMemberId: m.id });
              setActorName(m.name);
              setPickingActor(false);
            }}
          />
        ) : null}
        <DateField label="从" value={filters.from} onChange={(from) => set({ from })} placeholder="不限" />
        <DateField label="到" value={filters.to} onChange={(to) => set({ to })} placeholder="不限" />
        {filtered ? (
          <Text
            className="zb-audit__reset"
            onClick={() => {
              setFilters(NO_AUDIT_FILTERS);
              setActorName('');
            }}
          >
            清除全部筛选
          </Text>
        ) : null}
      </View>

      {list.loading ? <LoadingSkeleton rows={6} /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && !list.items.length ? (
        <EmptyState
          title={filtered ? '没有符合条件的记录' : '暂无操作记录'}
          description={filtered ? '换个条件试试，或清除筛选。' : '任命职务、修改花名册等操作会记录在这里。'}
        />
      ) : null}
      {list.items.map((entry) => (
        <View key={entry.id} className="zb-audit__entry e2e-audit-entry">
          <View className="zb-audit__line">
            <StatusTag tone="primary">{auditActionLabel(entry.action)}</StatusTag>
            <Text className="zb-audit__time">{formatDateTime(entry.at)}</Text>
          </View>
          <Text className="zb-audit__summary e2e-audit-summary">{auditSummary(entry, tree.orgs)}</Text>
          <Text className="zb-audit__who">{`操作人：${entry.actorName ?? '（未绑定的账号）'}`}</Text>
        </View>
      ))}
      {list.items.length ? <LoadMoreFooter list={list} /> : null}
    </PageShell>
  );
}
