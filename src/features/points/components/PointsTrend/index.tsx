import { Text, View } from '@tarojs/components';
import { signed, trendBars, valueTone } from '@/features/points/model/points';
import './index.scss';

/** This year's net by month as small bars, the current month last. */
export default function PointsTrend({ months }: { months: ReadonlyArray<{ month: number; net: number }> }) {
  const bars = trendBars(months);
  if (bars.length < 2) return null;
  return (
    <View className="zb-ptrend e2e-points-trend">
      <Text className="zb-ptrend__title">今年各月积分</Text>
      <View className="zb-ptrend__bars">
        {bars.map((b) => (
          <View key={b.month} className="zb-ptrend__col">
            <Text className="zb-ptrend__value">{b.net ? signed(b.net) : ''}</Text>
            <View className="zb-ptrend__track">
              <View
                className={`zb-ptrend__bar zb-ptrend__bar--${valueTone(b.net)}`}
                style={{ height: `${b.height}%` }}
              />
            </View>
            <Text className="zb-ptrend__month">{b.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
