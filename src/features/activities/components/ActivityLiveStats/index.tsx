import { Text, View } from '@tarojs/components';
import type { ActivityCounts, ActivityPhase } from '@contracts';
import ActivityRateBar from '@/features/activities/components/ActivityRateBar';
import { attendanceFigures, onTheWayLine } from '@/features/activities/model/attendance-figures';
import './index.scss';

interface Props {
  counts: ActivityCounts;
  phase: ActivityPhase;
  /** True while the figures are refreshed every few seconds. */
  live: boolean;
}

/** 应到 / 已签到 / 迟到 / 请假 / 未签到 as large figures, and 出勤率 as a bar. */
export default function ActivityLiveStats({ counts, phase, live }: Props) {
  const figures = attendanceFigures(counts, phase === 'closed');
  const way = onTheWayLine(counts, phase === 'closed');
  return (
    <View className="zb-actlive e2e-live-stats">
      <View className="zb-actlive__head">
        <Text className="zb-actlive__title">出勤</Text>
        {live ? <Text className="zb-actlive__live">实时更新</Text> : null}
      </View>
      <View className="zb-actlive__hero">
        <Text className="zb-actlive__big e2e-live-count">{counts.present + counts.late}</Text>
        <Text className="zb-actlive__of">{`/ 应到 ${counts.expected} 人`}</Text>
        <Text className="zb-actlive__label">已签到</Text>
      </View>
      <View className="zb-actlive__grid">
        {figures.map(({ label, value, key }) => (
          <View className={`zb-actlive__cell e2e-live-${key}`} key={key}>
            <Text className="zb-actlive__num">{value}</Text>
            <Text className="zb-actlive__cap">{label}</Text>
          </View>
        ))}
      </View>
      {way ? <Text className="zb-actlive__way e2e-live-way">{way}</Text> : null}
      <ActivityRateBar rate={counts.rate} label={way ? '党员出勤率' : undefined} />
    </View>
  );
}
