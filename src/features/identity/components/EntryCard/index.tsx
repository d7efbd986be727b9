import { Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  title: string;
  description: string;
  onClick: () => void;
  className?: string;
  badge?: number;
}

/** A tappable card leading somewhere (工作台). */
export default function EntryCard({ title, description, onClick, className, badge }: Props) {
  return (
    <View className={`zb-entry ${className ?? ''}`} onClick={onClick}>
      <View className="zb-entry__icon">
        <View className="zb-entry__icon-bar" />
        <View className="zb-entry__icon-bar zb-entry__icon-bar--short" />
      </View>
      <View className="zb-entry__main">
        <Text className="zb-entry__title">{title}</Text>
        <Text className="zb-entry__desc">{description}</Text>
      </View>
      {badge ? <Text className="zb-entry__badge">{badge}</Text> : null}
      <Text className="zb-entry__arrow">›</Text>
    </View>
  );
}
