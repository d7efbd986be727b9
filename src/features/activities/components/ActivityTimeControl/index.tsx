/**
 * A time of day with the platform's picker. WeChat: <Picker mode="time"> (native wheel). H5
 * resolves index.h5.tsx instead: the browser's own <input type="time"> (drivable by tests).
 */
import { Picker, Text, View } from '@tarojs/components';
import type { TimeControlProps } from './types';

export default function ActivityTimeControl({ value, onChange, placeholder, className }: TimeControlProps) {
  return (
    <Picker
      mode="time"
      value={value || '09:00'}
      onChange={(e) => onChange(String(e.detail.value))}
      className="zb-picker"
    >
      <View className={`zb-select ${className ?? ''}`}>
        <Text className={value ? 'zb-select__value' : 'zb-select__placeholder'}>{value || placeholder}</Text>
        <Text className="zb-select__arrow">›</Text>
      </View>
    </Picker>
  );
}
