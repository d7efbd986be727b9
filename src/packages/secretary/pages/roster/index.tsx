import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { SelectField } from '@/components/Field';
import PageShell from '@/components/PageShell';
import RosterExcel from '@/features/roster/components/RosterExcel';
import SearchInput from '@/components/SearchInput';
import SegmentedControl from '@/components/SegmentedControl';
import RosterResults from '@/features/roster/components/RosterResults';
import StatusChips from '@/features/roster/components/StatusChips';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useDebounced } from '@/hooks/useDebounced';
import { useManagedOrgs } from '@/features/roster/hooks/useManagedOrgs';
import { usePermissions } from '@/features/identity/hooks/useMe';
import { usePagedList } from '@/hooks/usePagedList';
import { listMembers } from '@/features/roster/services/roster';
import { CATEGORY_FILTER_OPTIONS } from '@/features/roster/model/profile';
import { categoryStatuses, type StatusCategory } from '@/utils/status-categories';
import type { MemberCategory, PartyStatus } from '@contracts';
import { go, ROUTES } from '@/utils/routes';
import { useEvent } from '@/utils/events';
import './index.scss';

const STATUS = [
  { value: 'active', label: '在册' },
  { value: 'inactive', label: '已停用' },
] as const;

export default function Roster() {
  const orgs = useManagedOrgs();
  const permissions = usePermissions();
  const [orgId, setOrgId] = useState('');
  const [status, setStatus] = useState<'active' | 'inactive'>('active');
  const [text, setText] = useState('');
  const [category, setCategory] = useState<MemberCategory | ''>('');
  const [chip, setChip] = useState<StatusCategory>('all');
  // How many each 党员身份 holds under the other filters: the chips' counts, from the first page.
  const [byStatus, setByStatus] = useState<Record<PartyStatus, number> | null>(null);
  const query = useDebounced(text.trim(), 400);
  const statuses = categoryStatuses(chip);

  useEffect(() => {
    if (!orgId && orgs.options.length) setOrgId(orgs.options[0].value);
  }, [orgId, orgs.options]);

  const list = usePagedList(
    async (page) => {
      const res = await listMembers({
        orgId,
        status,
        page,
        pageSize: 20,
        ...(query ? { query } : {}),
        ...(category ? { category } : {}),
        ...(statuses ? { statuses } : {}),
        ...(page === 1 ? { countStatuses: true } : {}),
      });
      if (res.byStatus) setByStatus(res.byStatus);
      return res;
    },
    [orgId, status, query, category, chip],
    { enabled: !!orgId },
  );

  useReachBottom(() => void list.loadMore());
  usePullDownRefresh(() => {
    void Promise.all([orgs.reload(), list.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  useEvent('rosterChanged', () => void list.reload());

  if (orgs.loading)
    return (
      <PageShell>
        <LoadingSkeleton rows={6} cards={2} />
      </PageShell>
    );
  if (orgs.error)
    return (
      <PageShell>
        <ErrorState error={orgs.error} onRetry={orgs.reload} />
      </PageShell>
    );
  if (!orgs.options.length)
    return (
      <PageShell>
        <EmptyState
          title="没有可管理的支部"
          description="花名册由支部书记、支委和党委管理员维护。如需权限，请联系党委管理员。"
        />
      </PageShell>
    );

  const orgName = orgs.options.find((o) => o.value === orgId)?.label ?? '';
  // 支委 read the roster and export it; adding and importing are the secretary's.
  const mayWrite = permissions.may('roster.write', orgId);
  return (
    <PageShell className="zb-roster">
      <View className="zb-roster__panel">
        <SelectField
          label="支部"
          options={orgs.options}
          value={orgId}
          pickerClassName="e2e-roster-org"
          onChange={setOrgId}
        />
        <SelectField
          label="党员分类"
          options={CATEGORY_FILTER_OPTIONS}
          value={category}
          pickerClassName="e2e-roster-category"
          onChange={(v) => setCategory(v as MemberCategory | '')}
        />
        <View className="zb-roster__tools">
          {mayWrite ? (
            <Button block type="primary" className="e2e-roster-add" onClick={() => go(ROUTES.memberEdit({ orgId }))}>
              新增党员
            </Button>
          ) : null}
          <RosterExcel
            orgId={orgId}
            orgName={orgName}
            statuses={statuses}
            canImport={mayWrite}
            onImported={() => void list.reload()}
          />
        </View>
      </View>
      <SearchInput value={text} onChange={setText} placeholder="搜索姓名或手机号" className="zb-roster__search" />
      <SegmentedControl options={STATUS} value={status} onChange={setStatus} className="zb-roster__status" />
      <StatusChips value={chip} byStatus={byStatus} onChange={setChip} />

      <RosterResults
        list={list}
        query={query}
        status={status}
        category={category}
        chip={chip}
        onClearQuery={() => setText('')}
        onClearCategory={() => setCategory('')}
        onClearChip={() => setChip('all')}
        onAdd={mayWrite ? () => go(ROUTES.memberEdit({ orgId })) : undefined}
        onOpen={(id) => go(ROUTES.member(id))}
      />
    </PageShell>
  );
}
