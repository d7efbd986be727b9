import { Input, Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  className?: string;
}

/** A search box with a clear button; the list follows as the user types. */
export default function SearchInput({ value, onChange, placeholder, className }: Props) {
  return (
    <View className={`zb-search ${className ?? ''}`}>
      <View className="zb-search__icon" />
      <Input
        className="zb-search__input e2e-search-input"
        value={value}
        confirmType="search"
        maxlength={20}
        placeholder={placeholder}
        placeholderClass="zb-search__placeholder"
        onInput={(e) => onChange(e.detail.value)}
      />
      {value ? (
        <Text className="zb-search__clear" onClick={() => onChange('')}>
          清除
        </Text>
      ) : null}
    </View>
  );
}
