import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useMemo } from 'react';
import BranchRanking from '@/features/points/components/BranchRanking';
import BranchRankingVerify from '@/features/points/components/BranchRankingVerify';
import ListCell, { CellGroup } from '@/components/ListCell';
import PageShell from '@/components/PageShell';
import PointsPeriodPicker from '@/features/points/components/PointsPeriodPicker';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useBranchRanking, usePointsVerify } from '@/features/points/hooks/useBranchRanking';
import { usePointsPeriod } from '@/features/points/hooks/usePointsRanking';
import { back, go, ROUTES } from '@/utils/routes';
import './index.scss';

/** 党委积分 (季度赛马), for committee admins: the branches ranked by 人均积分, 核对积分, and the rules. */
export default function PointsAdmin() {
  const period = usePointsPeriod('quarter');
  const ranking = useBranchRanking(period);
  const verify = usePointsVerify();
  const names = useMemo(
    () => new Map((ranking.data?.items ?? []).map((b) => [b.orgId, b.name] as const)),
    [ranking.data],
  );

  usePullDownRefresh(() => {
    void ranking.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (ranking.forbidden)
    return (
      <PageShell>
        <EmptyState
          title="仅党委管理员可用"
          description={ranking.forbidden.message}
          actionText="返回"
          onAction={back}
          className="e2e-forbidden"
        />
      </PageShell>
    );
  // Until the first answer says the caller may see it, show nothing of the admin tools.
  if (!ranking.data)
    return (
      <PageShell>
        {ranking.error ? (
          <ErrorState error={ranking.error} onRetry={ranking.reload} />
        ) : (
          <LoadingSkeleton rows={5} cards={2} />
        )}
      </PageShell>
    );

  return (
    <PageShell className="zb-padmin">
      <View className="zb-padmin__intro">
        <Text className="zb-padmin__title">支部积分排名</Text>
        <Text className="zb-padmin__key e2e-branch-ranking-key">按人均积分排名，参与率为本期获得加分的党员占比</Text>
      </View>
      <PointsPeriodPicker state={period} />
      <BranchRanking ranking={ranking} />
      <Text className="zb-padmin__note">人均积分 = 支部本期净分 ÷ 现有党员人数；人均相同的支部名次相同。</Text>

      <Text className="zb-padmin__section">管理</Text>
      <CellGroup>
        <ListCell
          title="积分规则"
          description="分值、上限、成员可见的排名、异议期"
          className="e2e-rules-link"
          onClick={() => go(ROUTES.pointsRules)}
        />
        <ListCell
          title="自我加分复核"
          description="从本人组织、发布、记录或审核的事项中获得的加分"
          className="e2e-self-awards-link"
          onClick={() => go(ROUTES.selfAwards)}
        />
      </CellGroup>
      <BranchRankingVerify state={verify} names={names} />
    </PageShell>
  );
}
