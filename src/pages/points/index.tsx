import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import MemberOnly from '@/features/identity/components/MemberOnly';
import ObjectionDialog from '@/features/points/components/ObjectionDialog';
import PageShell from '@/components/PageShell';
import PointsEntryList from '@/features/points/components/PointsEntryList';
import PointsScoreCard from '@/features/points/components/PointsScoreCard';
import PointsTrend from '@/features/points/components/PointsTrend';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { todayInChina } from '@/utils/dates';
import { usePointsMine, type MyPointsEntry } from '@/features/points/hooks/usePointsMine';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

function MyPoints({ reloadMe }: { reloadMe: () => Promise<unknown> }) {
  const { summary, list } = usePointsMine(true);
  const [objecting, setObjecting] = useState<MyPointsEntry | null>(null);

  useReachBottom(() => void list.loadMore());
  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), list.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  if (!summary && list.error)
    return (
      <PageShell>
        <ErrorState error={list.error} onRetry={list.reload} />
      </PageShell>
    );
  if (!summary)
    return (
      <PageShell>
        <LoadingSkeleton rows={4} cards={2} />
      </PageShell>
    );

  return (
    <PageShell className="zb-points">
      <PointsScoreCard
        summary={summary}
        year={todayInChina().slice(0, 4)}
        onOpenRanking={() => go(ROUTES.pointsRanking('year'))}
      />
      <PointsTrend months={summary.months} />
      <Text className="zb-points__section">积分明细</Text>
      <PointsEntryList
        list={list}
        onObject={setObjecting}
        empty={{
          title: '还没有积分记录',
          description: '参加组织生活、志愿服务，学习微党课，都会在这里记下加分和原因。',
        }}
      />
      <ObjectionDialog
        entry={objecting}
        onDone={() => {
          setObjecting(null);
          void list.reload();
        }}
        onClose={() => setObjecting(null)}
      />
    </PageShell>
  );
}

export default function Points() {
  return (
    <MemberOnly
      visitor={{
        title: '亮身份后查看积分',
        description: '通过支部审核后，参加组织生活、志愿服务、学习微党课都会记入积分。',
        className: 'e2e-points-visitor',
      }}
    >
      {(_member, reloadMe) => <MyPoints reloadMe={reloadMe} />}
    </MemberOnly>
  );
}
