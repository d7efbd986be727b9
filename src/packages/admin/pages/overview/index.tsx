import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import PageShell from '@/components/PageShell';
import { requestPage } from '@/components/RequestPage';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { may } from '@/features/identity/model/permissions';
import PointsPeriodPicker from '@/features/points/components/PointsPeriodPicker';
import { usePointsPeriod } from '@/features/points/hooks/usePointsRanking';
import BranchOverviewList from '@/features/roster/components/BranchOverviewList';
import { useAdminTree } from '@/features/roster/hooks/useAdminTree';
import { OVERVIEW_SORTS, sortOverview, type OverviewSort } from '@/features/roster/model/overview';
import { getOverview } from '@/features/roster/services/roster';
import { useRequest } from '@/hooks/useRequest';
import './index.scss';

const ORDERS = [
  { value: 'behind', label: '落后在前' },
  { value: 'ahead', label: '领先在前' },
] as const;

/** 支部概览: every branch of the admin's committee side by side, to find the ones that need help. */
export default function Overview() {
  const tree = useAdminTree();
  const committee = tree.orgs.find((o) => o.kind === 'committee' && may(tree.me, 'roster.read', o.id));
  const period = usePointsPeriod('month');
  const [sort, setSort] = useState<OverviewSort>('cadence');
  const [order, setOrder] = useState<(typeof ORDERS)[number]['value']>('behind');
  const overview = useRequest(
    () => getOverview(committee?.id ?? '', period.period, period.date),
    [committee?.id, period.period, period.date],
    { manual: !committee },
  );
  const items = useMemo(
    () => sortOverview(overview.data?.items ?? [], sort, order === 'behind'),
    [overview.data, sort, order],
  );

  usePullDownRefresh(() => void overview.reload().finally(() => Taro.stopPullDownRefresh()));

  const waiting = requestPage(tree);
  if (waiting) return waiting;
  if (!committee)
    return (
      <PageShell>
        <EmptyState title="仅党委管理员可用" description="支部概览由党委管理员查看。" className="e2e-forbidden" />
      </PageShell>
    );

  return (
    <PageShell className="zb-overview-page">
      <View className="zb-overview-page__intro">
        <Text className="zb-overview-page__title">{committee.name}</Text>
        <Text className="zb-overview-page__key">三会一课完成情况、出勤率、学习完成率、亮身份覆盖率和人均积分</Text>
      </View>
      <PointsPeriodPicker state={period} />
      <SegmentedControl
        options={OVERVIEW_SORTS}
        value={sort}
        onChange={setSort}
        className="zb-overview-page__sort e2e-overview-sort"
      />
      <SegmentedControl options={ORDERS} value={order} onChange={setOrder} className="e2e-overview-order" />
      {overview.error ? (
        <ErrorState error={overview.error} onRetry={overview.reload} />
      ) : !overview.data ? (
        <LoadingSkeleton rows={4} cards={2} />
      ) : items.length ? (
        <BranchOverviewList items={items} />
      ) : (
        <EmptyState title="还没有支部" description="在组织架构中设立党支部后，会在这里比较各支部。" />
      )}
      <Text className="zb-overview-page__note">
        各项只计党员（正式、预备），入党积极分子等另计人数。出勤率 = 已结束活动的实到（含迟到）÷
        应到（不含免参加）；学习 = 本期学完至少一门课程的党员占比；亮身份 = 已绑定微信的党员占比；人均积分 =
        本期党员净分 ÷ 现有党员人数。
      </Text>
    </PageShell>
  );
}
