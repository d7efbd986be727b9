import { Text, View } from '@tarojs/components';
import { committeeSummary, shareText, shareTone, cadenceText } from '@/features/roster/model/overview';
import { useWorkbenchOverview } from '@/features/roster/hooks/useWorkbenchOverview';
import { decisionStatus, starsText } from '@/features/roster/model/rating';
import { headcountText } from '@/features/roster/model/on-the-way';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

function Figure({ label, share, className }: { label: string; share: number | null; className: string }) {
  return (
    <View className={`zb-wbfig__figure ${className}`}>
      <Text className={`zb-wbfig__value zb-wbfig__value--${shareTone(share)}`}>{shareText(share)}</Text>
      <Text className="zb-wbfig__label">{label}</Text>
    </View>
  );
}

/**
 * 本月概况 on 工作台: for a committee admin the branches summed up (how many are behind or 静默,
 * rates averaged) and the way to 支部概览; for a secretary their branch's 出勤率, 学习 and 亮身份.
 * Nothing while loading or for callers without a roster to read: the tiles below still work.
 */
export default function WorkbenchOverview() {
  const { scope, figures } = useWorkbenchOverview();
  if (!scope.length || !figures.data) return null;
  return (
    <View className="zb-wbfig e2e-workbench-overview">
      {figures.data.map(({ kind, org, overview, rating }) => {
        if (kind === 'committee') {
          const sum = committeeSummary(overview.items);
          const behind = [sum.overdue ? `${sum.overdue} 个有逾期事项` : '', sum.silent ? `${sum.silent} 个静默` : '']
            .filter(Boolean)
            .join('，');
          return (
            <View key={org.id} className="zb-wbfig__card e2e-workbench-committee" onClick={() => go(ROUTES.overview)}>
              <View className="zb-wbfig__head">
                <Text className="zb-wbfig__title">{`${org.name} · ${overview.period}`}</Text>
                <Text className="zb-wbfig__more">支部概览 ›</Text>
              </View>
              <Text className={`zb-wbfig__line ${behind ? 'zb-wbfig__line--poor' : ''} e2e-workbench-behind`}>
                {`${sum.branches} 个支部${behind ? `，${behind}` : '，三会一课均无逾期'}`}
              </Text>
              <View className="zb-wbfig__row">
                <Figure label="平均出勤率" share={sum.attendanceRate} className="e2e-workbench-attendance" />
                <Figure label="平均学习" share={sum.studyRate} className="e2e-workbench-study" />
                <Figure label="亮身份" share={sum.declaredRate} className="e2e-workbench-declared" />
              </View>
            </View>
          );
        }
        const branch = overview.items[0];
        if (!branch) return null;
        const cadence = cadenceText(branch.cadence);
        return (
          <View key={org.id} className="zb-wbfig__card e2e-workbench-branch">
            <View className="zb-wbfig__head">
              <Text className="zb-wbfig__title">{`${branch.name} · ${overview.period}`}</Text>
              <Text className="zb-wbfig__more e2e-workbench-members">
                {headcountText(branch.members, branch.onTheWay)}
              </Text>
            </View>
            <Text className={`zb-wbfig__line zb-wbfig__line--${cadence.tone}`}>{`三会一课：${cadence.text}`}</Text>
            <View className="zb-wbfig__row">
              <Figure label="出勤率" share={branch.attendanceRate} className="e2e-workbench-attendance" />
              <Figure label="学习" share={branch.studyRate} className="e2e-workbench-study" />
              <Figure label="亮身份" share={branch.declaredRate} className="e2e-workbench-declared" />
            </View>
            {rating ? (
              <Text className="zb-wbfig__rating e2e-workbench-rating">
                {`${rating.year}年度评星 ${starsText(rating.stars)} ${decisionStatus(rating)}`}
              </Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
