import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import ObjectionDialog from '../../components/ObjectionDialog';
import PageShell from '../../components/PageShell';
import PointsEntryList from '../../components/PointsEntryList';
import PointsScoreCard from '../../components/PointsScoreCard';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/StateViews';
import { todayInChina } from '../../domain/dates';
import { POINTS_ROUTES } from '../../domain/points';
import { useMe } from '../../hooks/useMe';
import { usePointsMine, type MyPointsEntry } from '../../hooks/usePointsMine';
import { go, ROUTES } from '../../utils/routes';
import './index.scss';

export default function Points() {
  const { me, error, loading, reload } = useMe();
  const { summary, list } = usePointsMine(!!me?.member);
  const [objecting, setObjecting] = useState<MyPointsEntry | null>(null);

  useReachBottom(() => void list.loadMore());
  usePullDownRefresh(() => {
    void Promise.all([reload(), me?.member ? list.reload() : undefined]).finally(() => Taro.stopPullDownRefresh());
  });

  if (loading)
    return (
      <PageShell>
        <LoadingSkeleton rows={4} cards={2} />
      </PageShell>
    );
  if (!me)
    return (
      <PageShell>
        <ErrorState error={error} onRetry={reload} />
      </PageShell>
    );
  if (!me.member)
    return (
      <PageShell>
        <EmptyState
          title="亮身份后查看积分"
          description="通过支部审核后，参加组织生活、志愿服务、学习微党课都会记入积分。"
          actionText="去亮身份"
          onAction={() => go(ROUTES.declare)}
          className="e2e-points-visitor"
        />
      </PageShell>
    );
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
        onOpenRanking={() => go(POINTS_ROUTES.ranking('year'))}
      />
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
