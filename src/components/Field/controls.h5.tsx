import { Text, View } from '@tarojs/components';
import type { ChangeEvent, MouseEvent } from 'react';
import { formatDate } from '@/utils/dates';
import type { DateControlProps, SelectControlProps } from './types';

/** Desktop browsers open the calendar only from its icon; open it wherever the row is clicked. */
function openPicker(input: HTMLInputElement): void {
  try {
    input.showPicker?.();
  } catch {
    // Not allowed here (no user gesture, or unsupported): the input still takes typing.
  }
}

/** The browser's date input, laid transparently over our formatted label (so it reads `2026年11月23日`). */
export function DateControl({ value, onChange, placeholder, start, end, className }: DateControlProps) {
  return (
    <View className={`zb-select zb-select--native ${className ?? ''}`}>
      <Text className={value ? 'zb-select__value' : 'zb-select__placeholder'}>
        {value ? formatDate(value) : placeholder}
      </Text>
      <Text className="zb-select__arrow">›</Text>
      <input
        type="date"
        className="zb-select__native"
        value={value}
        min={start}
        max={end}
        aria-label={placeholder}
        onClick={(e: MouseEvent<HTMLInputElement>) => openPicker(e.currentTarget)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
    </View>
  );
}

export function SelectControl({ options, value, onChange, placeholder, className }: SelectControlProps) {
  const current = options.find((o) => o.value === value);
  return (
    <View className={`zb-select zb-select--native ${className ?? ''}`}>
      <Text className={current ? 'zb-select__value' : 'zb-select__placeholder'}>
        {current ? current.label : placeholder}
      </Text>
      <Text className="zb-select__arrow">›</Text>
      <select
        className="zb-select__native"
        value={value}
        aria-label={placeholder}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)}
      >
        <option value="" disabled>
          {placeholder}
        </option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </View>
  );
}
