import { Input, Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { todayInChina } from '@/utils/dates';
import { DateControl, SelectControl } from './controls';
import './index.scss';

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  className?: string;
}

/** A labelled form row with its inline error underneath. */
export function Field({ label, error, hint, required, className, children }: PropsWithChildren<FieldProps>) {
  return (
    <View className={`zb-field ${error ? 'zb-field--error' : ''} ${className ?? ''}`}>
      <Text className="zb-field__label">
        {label}
        {required ? <Text className="zb-field__required"> *</Text> : null}
      </Text>
      <View className="zb-field__control">{children}</View>
      {error ? <Text className="zb-field__error e2e-field-error">{error}</Text> : null}
      {!error && hint ? <Text className="zb-field__hint">{hint}</Text> : null}
    </View>
  );
}

interface TextFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number';
  maxLength?: number;
  inputClassName?: string;
}

export function TextField({
  value,
  onChange,
  placeholder,
  type = 'text',
  maxLength,
  inputClassName,
  ...field
}: TextFieldProps) {
  return (
    <Field {...field}>
      <Input
        className={`zb-input ${inputClassName ?? ''}`}
        value={value}
        type={type}
        maxlength={maxLength ?? 140}
        placeholder={placeholder}
        placeholderClass="zb-input__placeholder"
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  );
}

interface DateFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  pickerClassName?: string;
}

/** A date chosen with the platform's date picker; shown as `2026年11月23日`. */
export function DateField({ value, onChange, placeholder = '请选择日期', pickerClassName, ...field }: DateFieldProps) {
  return (
    <Field {...field}>
      <DateControl
        value={value}
        onChange={onChange}
        placeholder={placeholder}
        start="1921-07-01"
        end={todayInChina()}
        className={pickerClassName}
      />
    </Field>
  );
}

interface SelectFieldProps extends FieldProps {
  options: Array<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  pickerClassName?: string;
}

/** One choice from a short list, with the platform's picker. */
export function SelectField({
  options,
  value,
  onChange,
  placeholder = '请选择',
  pickerClassName,
  ...field
}: SelectFieldProps) {
  return (
    <Field {...field}>
      <SelectControl
        options={options}
        value={value}
        onChange={onChange}
        placeholder={placeholder}
        className={pickerClassName}
      />
    </Field>
  );
}
