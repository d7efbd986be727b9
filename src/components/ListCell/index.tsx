import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface Props {
  title: string;
  value?: ReactNode;
  description?: string;
  onClick?: () => void;
  arrow?: boolean;
  className?: string;
}

/** A full-width row inside a card: title on the left, value (and an arrow when tappable) on the right. */
export default function ListCell({ title, value, description, onClick, arrow = !!onClick, className }: Props) {
  return (
    <View className={`zb-cell ${onClick ? 'zb-cell--link' : ''} ${className ?? ''}`} onClick={onClick}>
      <View className="zb-cell__main">
        <Text className="zb-cell__title">{title}</Text>
        {description ? <Text className="zb-cell__desc">{description}</Text> : null}
      </View>
      {value !== undefined ? <View className="zb-cell__value">{value}</View> : null}
      {arrow ? <Text className="zb-cell__arrow">›</Text> : null}
    </View>
  );
}

/** A white rounded group of cells. */
export function CellGroup({ title, children, className }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <View className={`zb-cell-group ${className ?? ''}`}>
      {title ? <Text className="zb-cell-group__title">{title}</Text> : null}
      <View className="zb-cell-group__body">{children}</View>
    </View>
  );
}
