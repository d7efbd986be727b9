import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import PageShell from '../../../components/PageShell';
import PointsPeriodPicker from '../../../components/PointsPeriodPicker';
import RankingTable from '../../../components/RankingTable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateViews';
import { parsePeriod } from '../../../domain/points';
import { useMe } from '../../../hooks/useMe';
import { usePointsPeriod, usePointsRanking } from '../../../hooks/usePointsRanking';
import { go, ROUTES } from '../../../utils/routes';
import './index.scss';

/** The member's branch ranking, as much of it as the branch's setting shows; `?period=year` opens on a period. */
export default function PointsRanking() {
  const { me, error, loading, reload } = useMe();
  const period = usePointsPeriod(parsePeriod(useRouter().params.period) ?? 'month');
  const ranking = usePointsRanking(me?.member?.orgId ?? '', period);

  usePullDownRefresh(() => {
    void Promise.all([reload(), ranking.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  if (loading)
    return (
      <PageShell>
        <LoadingSkeleton rows={6} />
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
          title="亮身份后查看排行"
          description="排行只对本支部党员开放。"
          actionText="去亮身份"
          onAction={() => go(ROUTES.declare)}
        />
      </PageShell>
    );

  return (
    <PageShell className="zb-pranking">
      <Text className="zb-pranking__org">{me.member.orgName}</Text>
      <PointsPeriodPicker state={period} />
      <RankingTable ranking={ranking} mode="member" />
    </PageShell>
  );
}
