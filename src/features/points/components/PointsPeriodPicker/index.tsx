import { Text, View } from '@tarojs/components';
import { PERIODS, periodName } from '@/features/points/model/points';
import type { PointsPeriodState } from '@/features/points/hooks/usePointsRanking';
import SegmentedControl from '@/components/SegmentedControl';
import './index.scss';

/** 月 / 季 / 年, and ‹ › to step back to earlier periods. */
export default function PointsPeriodPicker({ state, className }: { state: PointsPeriodState; className?: string }) {
  const name = periodName(state.period, state.offset);
  return (
    <View className={`zb-period ${className ?? ''}`}>
      <SegmentedControl
        options={PERIODS}
        value={state.period}
        onChange={state.setPeriod}
        className="zb-period__switch e2e-points-period"
      />
      <View className="zb-period__nav">
        <View className="zb-period__step e2e-period-prev" onClick={state.previous}>
          <Text>‹</Text>
        </View>
        <View className="zb-period__label">
          <Text className="zb-period__title e2e-period-label">{state.label}</Text>
          {name ? <Text className="zb-period__name">{name}</Text> : null}
        </View>
        <View
          className={`zb-period__step e2e-period-next ${state.offset === 0 ? 'zb-period__step--disabled' : ''}`}
          onClick={state.offset === 0 ? undefined : state.next}
        >
          <Text>›</Text>
        </View>
      </View>
    </View>
  );
}
