import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { LedgerEntryView } from '@contracts';
import { SelectField } from '@/components/Field';
import ObjectionPanel from '@/features/points/components/ObjectionPanel';
import PageShell from '@/components/PageShell';
import PointsEntryList from '@/features/points/components/PointsEntryList';
import PointsLedgerFilter from '@/features/points/components/PointsLedgerFilter';
import PointsPeriodPicker from '@/features/points/components/PointsPeriodPicker';
import PointsReverseDialog from '@/features/points/components/PointsReverseDialog';
import RankingTable from '@/features/points/components/RankingTable';
import RankingCategoryChips from '@/features/points/components/RankingCategoryChips';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { usePermissions } from '@/features/identity/hooks/useMe';
import { useObjections } from '@/features/points/hooks/useObjections';
import { usePointsBranches } from '@/features/points/hooks/usePointsBranches';
import { usePointsExport } from '@/features/points/hooks/usePointsExport';
import { usePointsLedger } from '@/features/points/hooks/usePointsLedger';
import { usePointsLedgerFilter } from '@/features/points/hooks/usePointsLedgerFilter';
import { ledgerEmpty } from '@/features/points/model/ledger-filter';
import { categoryEmpty } from '@/features/points/model/ranking-filter';
import { categoryStatuses, type StatusCategory } from '@/utils/status-categories';
import {
  useMemberVisibilityNote,
  useOpenOnPeriodWithPoints,
  usePointsPeriod,
  usePointsRanking,
} from '@/features/points/hooks/usePointsRanking';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

type Tab = 'ranking' | 'ledger' | 'objections';
const tabs = (openObjections = 0): ReadonlyArray<{ value: Tab; label: string }> => [
  { value: 'ranking', label: '排名' },
  { value: 'ledger', label: '积分明细' },
  { value: 'objections', label: openObjections ? `异议（${openObjections}）` : '异议' },
];

export default function PointsManage() {
  const branches = usePointsBranches();
  const { orgId } = branches;
  const [tab, setTab] = useState<Tab>('ranking');
  const period = usePointsPeriod('month');
  const [category, setCategory] = useState<StatusCategory>('all');
  const statuses = categoryStatuses(category);
  const ranking = usePointsRanking(orgId, period, statuses);
  useOpenOnPeriodWithPoints(period, ranking, false);
  const ledgerFilter = usePointsLedgerFilter();
  const ledger = usePointsLedger(orgId, undefined, ledgerFilter.query);
  const objections = useObjections(orgId);
  const visibilityNote = useMemberVisibilityNote();
  // 记录加减分, 冲正 and deciding objections are points writes: 支委 see the figures only.
  const mayWrite = usePermissions().may('points.write', orgId);
  const [reversing, setReversing] = useState<LedgerEntryView | null>(null);
  const { exporting, exportShownPeriod } = usePointsExport(orgId, period, statuses);
  const emptyCategory = categoryEmpty(category);

  useReachBottom(() => {
    if (tab === 'ledger') void ledger.loadMore();
  });
  usePullDownRefresh(() => {
    void Promise.all([branches.reload(), ranking.reload(), ledger.reload(), objections.reload()]).finally(() =>
      Taro.stopPullDownRefresh(),
    );
  });

  if (branches.loading)
    return (
      <PageShell>
        <LoadingSkeleton rows={6} cards={2} />
      </PageShell>
    );
  if (branches.error)
    return (
      <PageShell>
        <ErrorState error={branches.error} onRetry={branches.reload} />
      </PageShell>
    );
  if (!branches.options.length)
    return (
      <PageShell>
        <EmptyState
          title="没有可管理的支部"
          description="积分由支部书记、支委和党委管理员管理。如需权限，请联系党委管理员。"
        />
      </PageShell>
    );

  return (
    <PageShell className="zb-pmanage">
      <View className="zb-pmanage__panel">
        <SelectField
          label="支部"
          options={branches.options}
          value={orgId}
          pickerClassName="e2e-points-org"
          onChange={branches.setOrgId}
        />
        {mayWrite ? (
          <Button
            block
            type="primary"
            className="zb-pmanage__record e2e-record-open"
            onClick={() => go(ROUTES.pointsRecord(orgId, branches.orgName))}
          >
            记录加减分
          </Button>
        ) : null}
      </View>
      <SegmentedControl
        options={tabs(objections.openCount)}
        value={tab}
        onChange={setTab}
        className="zb-pmanage__tabs e2e-points-tabs"
      />
      {tab === 'ranking' ? (
        <>
          <PointsPeriodPicker state={period} />
          <RankingCategoryChips value={category} onChange={setCategory} />
          <Button
            size="small"
            fill="outline"
            type="primary"
            loading={exporting}
            className="zb-pmanage__export e2e-points-export"
            onClick={exportShownPeriod}
          >
            导出 Excel
          </Button>
          <RankingTable
            ranking={ranking}
            mode="staff"
            note={visibilityNote}
            emptyTitle={emptyCategory?.title}
            emptyDescription={
              emptyCategory?.description ??
              (mayWrite
                ? '党员参加组织生活、志愿服务或学习微党课后会自动记分；也可以点「记录加减分」。'
                : '党员参加组织生活、志愿服务或学习微党课后会自动记分。')
            }
          />
        </>
      ) : tab === 'objections' ? (
        <ObjectionPanel objections={objections} mayResolve={mayWrite} />
      ) : (
        <>
          <PointsLedgerFilter state={ledgerFilter} />
          <PointsEntryList
            list={ledger}
            showMember
            onReverse={mayWrite ? setReversing : undefined}
            empty={ledgerEmpty(ledgerFilter.filter, {
              title: '还没有积分记录',
              description: mayWrite
                ? '系统自动记分和您记录的加减分都会显示在这里，记错的可以冲正。'
                : '系统自动记分和书记记录的加减分都会显示在这里。',
            })}
          />
        </>
      )}
      <PointsReverseDialog entry={reversing} onDone={() => setReversing(null)} onClose={() => setReversing(null)} />
    </PageShell>
  );
}
