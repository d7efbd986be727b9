import { View } from '@tarojs/components';
import './index.scss';

interface Props {
  /** 0–100. */
  percent: number;
  done?: boolean;
  className?: string;
}

/** A thin progress bar for watched time (green once complete). */
export default function LectureBar({ percent, done, className }: Props) {
  const width = Math.min(100, Math.max(0, percent));
  return (
    <View className={`zb-lbar ${className ?? ''}`}>
      <View className={`zb-lbar__fill ${done ? 'zb-lbar__fill--done' : ''}`} style={{ width: `${width}%` }} />
    </View>
  );
}
