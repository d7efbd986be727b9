import { Text, View } from '@tarojs/components';
import type { ChangeEvent, MouseEvent } from 'react';
import type { TimeControlProps } from './types';

/** H5: the browser's time input, laid transparently over our label (see Field/controls.h5.tsx). */
export default function ActivityTimeControl({ value, onChange, placeholder, className }: TimeControlProps) {
  return (
    <View className={`zb-select zb-select--native ${className ?? ''}`}>
      <Text className={value ? 'zb-select__value' : 'zb-select__placeholder'}>{value || placeholder}</Text>
      <Text className="zb-select__arrow">›</Text>
      <input
        type="time"
        className="zb-select__native"
        value={value}
        aria-label={placeholder}
        onClick={(e: MouseEvent<HTMLInputElement>) => {
          try {
            e.currentTarget.showPicker?.();
          } catch {
            // No user gesture or unsupported: the input still takes typing.
          }
        }}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          if (e.target.value) onChange(e.target.value.slice(0, 5));
        }}
      />
    </View>
  );
}
