import { Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  onClick: () => void;
  label?: string;
  /** `hero`: the sign-in page's big square; `bar`: a full-width button. */
  size?: 'hero' | 'bar';
  className?: string;
}

/** 扫码签到: a red button with a viewfinder drawn in CSS. */
export default function ScanButton({ onClick, label = '扫码签到', size = 'bar', className }: Props) {
  return (
    <View className={`zb-scanbtn zb-scanbtn--${size} ${className ?? ''}`} onClick={onClick}>
      <View className="zb-scanbtn__icon">
        <View className="zb-scanbtn__corner zb-scanbtn__corner--tl" />
        <View className="zb-scanbtn__corner zb-scanbtn__corner--tr" />
        <View className="zb-scanbtn__corner zb-scanbtn__corner--bl" />
        <View className="zb-scanbtn__corner zb-scanbtn__corner--br" />
        <View className="zb-scanbtn__line" />
      </View>
      <Text className="zb-scanbtn__label">{label}</Text>
    </View>
  );
}
