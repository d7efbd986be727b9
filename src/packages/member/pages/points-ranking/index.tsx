import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { MeOutput } from '@contracts';
import MemberOnly from '@/features/identity/components/MemberOnly';
import PageShell from '@/components/PageShell';
import PointsPeriodPicker from '@/features/points/components/PointsPeriodPicker';
import RankingTable from '@/features/points/components/RankingTable';
import { parsePeriod } from '@/features/points/model/points';
import { useOpenOnPeriodWithPoints, usePointsPeriod, usePointsRanking } from '@/features/points/hooks/usePointsRanking';
import './index.scss';

type Member = NonNullable<MeOutput['member']>;

function BranchRanking({ member, reloadMe }: { member: Member; reloadMe: () => Promise<unknown> }) {
  const chosen = parsePeriod(useRouter().params.period);
  const period = usePointsPeriod(chosen ?? 'month');
  const ranking = usePointsRanking(member.orgId, period);
  useOpenOnPeriodWithPoints(period, ranking, !!chosen);

  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), ranking.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <PageShell className="zb-pranking">
      <Text className="zb-pranking__org">{member.orgName}</Text>
      <PointsPeriodPicker state={period} />
      <RankingTable ranking={ranking} mode="member" />
    </PageShell>
  );
}

/** The member's own position in the branch by period (never others' lines), unless turned off; `?period=year` opens on a period. */
export default function PointsRanking() {
  return (
    <MemberOnly visitor={{ title: '亮身份后查看名次', description: '名次只对本人显示。' }} skeletonRows={6}>
      {(member, reloadMe) => <BranchRanking member={member} reloadMe={reloadMe} />}
    </MemberOnly>
  );
}
