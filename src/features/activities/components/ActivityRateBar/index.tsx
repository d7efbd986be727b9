import { Text, View } from '@tarojs/components';
import { formatRate } from '@/features/activities/model/activities';
import './index.scss';

interface Props {
  /** 0–1, or null when nobody is expected. */
  rate: number | null;
  label?: string;
  className?: string;
}

/** 出勤率 as a figure and a thin bar. */
export default function ActivityRateBar({ rate, label = '出勤率', className }: Props) {
  const width = rate === null ? 0 : Math.min(100, Math.max(0, Math.round(rate * 100)));
  return (
    <View className={`zb-actrate ${className ?? ''}`}>
      <View className="zb-actrate__head">
        <Text className="zb-actrate__label">{label}</Text>
        <Text className="zb-actrate__value e2e-activity-rate">{formatRate(rate)}</Text>
      </View>
      <View className="zb-actrate__track">
        <View className="zb-actrate__fill" style={{ width: `${width}%` }} />
      </View>
    </View>
  );
}
