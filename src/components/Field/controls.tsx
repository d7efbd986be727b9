/**
 * The platform's pickers. WeChat: <Picker> (native wheel). H5 resolves controls.h5.tsx instead,
 * which uses the browser's own <input type="date"> and <select> (native on phones, and
 * drivable by end-to-end tests).
 */
import { Picker, Text, View } from '@tarojs/components';
import { formatDate } from '@/utils/dates';
import type { DateControlProps, SelectControlProps } from './types';

export function DateControl({ value, onChange, placeholder, start, end, className }: DateControlProps) {
  return (
    <Picker
      mode="date"
      value={value || end}
      start={start}
      end={end}
      onChange={(e) => onChange(e.detail.value)}
      className="zb-picker"
    >
      <View className={`zb-select ${className ?? ''}`}>
        <Text className={value ? 'zb-select__value' : 'zb-select__placeholder'}>
          {value ? formatDate(value) : placeholder}
        </Text>
        <Text className="zb-select__arrow">›</Text>
      </View>
    </Picker>
  );
}

export function SelectControl({ options, value, onChange, placeholder, className }: SelectControlProps) {
  const index = options.findIndex((o) => o.value === value);
  return (
    <Picker
      mode="selector"
      className="zb-picker"
      range={options.map((o) => o.label)}
      value={Math.max(0, index)}
      onChange={(e) => {
        const picked = options[Number(e.detail.value)];
        if (picked) onChange(picked.value);
      }}
    >
      <View className={`zb-select ${className ?? ''}`}>
        <Text className={index >= 0 ? 'zb-select__value' : 'zb-select__placeholder'}>
          {index >= 0 ? options[index].label : placeholder}
        </Text>
        <Text className="zb-select__arrow">›</Text>
      </View>
    </Picker>
  );
}
