import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { MeOutput } from '../../../../contracts';
import MemberOnly from '../../../components/MemberOnly';
import PageShell from '../../../components/PageShell';
import PointsPeriodPicker from '../../../components/PointsPeriodPicker';
import RankingTable from '../../../components/RankingTable';
import { parsePeriod } from '../../../domain/points';
import { usePointsPeriod, usePointsRanking } from '../../../hooks/usePointsRanking';
import './index.scss';

type Member = NonNullable<MeOutput['member']>;

function BranchRanking({ member, reloadMe }: { member: Member; reloadMe: () => Promise<unknown> }) {
  const period = usePointsPeriod(parsePeriod(useRouter().params.period) ?? 'month');
  const ranking = usePointsRanking(member.orgId, period);

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

/** The member's branch ranking, as much of it as the branch's setting shows; `?period=year` opens on a period. */
export default function PointsRanking() {
  return (
    <MemberOnly visitor={{ title: '亮身份后查看排行', description: '排行只对本支部党员开放。' }} skeletonRows={6}>
      {(member, reloadMe) => <BranchRanking member={member} reloadMe={reloadMe} />}
    </MemberOnly>
  );
}
