import { View } from '@tarojs/components';
import './index.scss';

interface Props<V extends string> {
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V;
  onChange: (value: V) => void;
  className?: string;
}

/** Two to four mutually exclusive choices as big tappable segments (正式/预备, 待审核/已通过/已驳回). */
export default function SegmentedControl<V extends string>({ options, value, onChange, className }: Props<V>) {
  return (
    <View className={`zb-segmented ${className ?? ''}`}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`zb-segmented__item e2e-segment-${o.value} ${o.value === value ? 'zb-segmented__item--active' : ''}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  );
}
