import { Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  title: string;
  description: string;
  /** A short mark drawn in the tile's corner (the first character of the title by default). */
  mark?: string;
  badge?: number;
  disabled?: boolean;
  onClick?: () => void;
  className?: string;
}

/** A big square entry on 工作台; disabled tiles read 即将上线. */
export default function Tile({ title, description, mark, badge, disabled, onClick, className }: Props) {
  return (
    <View
      className={`zb-tile ${disabled ? 'zb-tile--disabled' : ''} ${className ?? ''}`}
      onClick={disabled ? undefined : onClick}
    >
      <View className="zb-tile__mark">
        <Text>{mark ?? title.slice(0, 1)}</Text>
        {badge ? <Text className="zb-tile__badge">{badge > 99 ? '99+' : badge}</Text> : null}
      </View>
      <Text className="zb-tile__title">{title}</Text>
      <Text className="zb-tile__desc">{disabled ? '即将上线' : description}</Text>
    </View>
  );
}
