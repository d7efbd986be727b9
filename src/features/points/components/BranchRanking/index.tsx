import { Text, View } from '@tarojs/components';
import type { PointsOutputs } from '@contracts';
import { signed, valueTone } from '@/features/points/model/points';
import { averageText, participationBar, percentText } from '@/features/points/model/rules-editor';
import type { RequestState } from '@/hooks/useRequest';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import RankBadge from '@/features/points/components/RankBadge';
import './index.scss';

interface Props {
  ranking: RequestState<PointsOutputs['branchRanking']>;
}

/**
 * 季度赛马: the committee's branches for one period, ranked by 人均积分 (ties share a rank), with
 * each branch's members, participation (figure and bar) and net points.
 */
export default function BranchRanking({ ranking }: Props) {
  if (ranking.error) return <ErrorState error={ranking.error} onRetry={ranking.reload} />;
  if (ranking.loading || !ranking.data) return <LoadingSkeleton rows={4} />;

  const items = ranking.data.items;
  if (!items.length)
    return (
      <EmptyState
        title="还没有支部"
        description="党委下设立支部并录入党员后，会在这里按人均积分比较各支部。"
        className="e2e-branch-ranking-empty"
      />
    );

  return (
    <View className="zb-branchrank e2e-branch-ranking">
      <View className="zb-branchrank__head">
        <Text className="zb-branchrank__no">名次</Text>
        <Text className="zb-branchrank__who">支部 / 人数</Text>
        <Text className="zb-branchrank__part">参与率</Text>
        <Text className="zb-branchrank__net">净分</Text>
        <Text className="zb-branchrank__avg">人均</Text>
      </View>
      {items.map((b) => (
        <View key={b.orgId} className="zb-branchrank__row e2e-branch-row">
          <View className="zb-branchrank__no">
            <RankBadge
              text={String(b.rank)}
              medal={b.members > 0 && b.rank <= 3 ? (['gold', 'silver', 'bronze'] as const)[b.rank - 1] : null}
              className="e2e-branch-rank"
            />
          </View>
          <View className="zb-branchrank__who">
            <Text className="zb-branchrank__name e2e-branch-name">{b.name}</Text>
            <Text className="zb-branchrank__members e2e-branch-members">{`${b.members} 人`}</Text>
          </View>
          <View className="zb-branchrank__part">
            <Text className="zb-branchrank__percent e2e-branch-participation">{percentText(b.participation)}</Text>
            <View className="zb-branchrank__bar">
              <View className="zb-branchrank__fill" style={{ width: `${participationBar(b.participation)}%` }} />
            </View>
          </View>
          <Text className={`zb-branchrank__net zb-branchrank__net--${valueTone(b.net)} e2e-branch-net`}>
            {signed(b.net)}
          </Text>
          <Text className={`zb-branchrank__avg zb-branchrank__avg--${valueTone(b.average)} e2e-branch-average`}>
            {averageText(b.average)}
          </Text>
        </View>
      ))}
    </View>
  );
}
