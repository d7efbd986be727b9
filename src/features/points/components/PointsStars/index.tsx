import { Text } from '@tarojs/components';
import { starParts } from '@/features/points/model/points';
import './index.scss';

interface Props {
  stars: number;
  /** `light` for a red background. */
  tone?: 'light' | 'dark';
  className?: string;
}

/** ★★★☆☆ in gold: the filled stars earned this year, the rest outlined. */
export default function PointsStars({ stars, tone = 'dark', className }: Props) {
  const { filled, empty } = starParts(stars);
  return (
    <Text className={`zb-stars zb-stars--${tone} e2e-points-stars ${className ?? ''}`}>
      <Text className="zb-stars__on e2e-points-stars-on">{filled}</Text>
      <Text className="zb-stars__off">{empty}</Text>
    </Text>
  );
}
