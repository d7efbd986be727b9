import { Text, View } from '@tarojs/components';
import type { BranchOverview } from '@contracts';
import { cadenceText, shareText, shareTone } from '@/features/roster/model/overview';
import { headcountText } from '@/features/roster/model/on-the-way';
import './index.scss';

function Share({ label, share, className }: { label: string; share: number | null; className: string }) {
  const tone = shareTone(share);
  return (
    <View className={`zb-overview__share ${className}`}>
      <Text className="zb-overview__label">{label}</Text>
      <Text className={`zb-overview__figure zb-overview__figure--${tone}`}>{shareText(share)}</Text>
      <View className="zb-overview__bar">
        <View
          className={`zb-overview__fill zb-overview__fill--${tone}`}
          style={{ width: `${Math.round((share ?? 0) * 100)}%` }}
        />
      </View>
    </View>
  );
}

/** The committee's branches, one card each: 三会一课, 出勤率, 学习, 亮身份 and 人均积分 side by side. */
export default function BranchOverviewList({ items }: { items: readonly BranchOverview[] }) {
  return (
    <View className="zb-overview e2e-overview">
      {items.map((item) => {
        const cadence = cadenceText(item.cadence);
        return (
          <View key={item.orgId} className="zb-overview__card e2e-overview-branch">
            <View className="zb-overview__head">
              <Text className="zb-overview__name e2e-overview-name">{item.name}</Text>
              <Text className="zb-overview__members e2e-overview-members">
                {headcountText(item.members, item.onTheWay)}
              </Text>
            </View>
            <Text className={`zb-overview__cadence zb-overview__cadence--${cadence.tone} e2e-overview-cadence`}>
              {`三会一课：${cadence.text}`}
            </Text>
            <View className="zb-overview__shares">
              <Share label="出勤率" share={item.attendanceRate} className="e2e-overview-attendance" />
              <Share label="学习" share={item.studyRate} className="e2e-overview-study" />
              <Share label="亮身份" share={item.declaredRate} className="e2e-overview-declared" />
            </View>
            <Text className="zb-overview__points e2e-overview-points">{`人均积分 ${item.pointsAverage}`}</Text>
          </View>
        );
      })}
    </View>
  );
}
