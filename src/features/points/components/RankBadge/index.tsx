import { Text } from '@tarojs/components';
import './index.scss';

/** A rank in a ranking table; the top three in gold. */
export default function RankBadge({ rank, top, className = '' }: { rank: number; top: boolean; className?: string }) {
  return <Text className={`zb-rank-badge ${top ? 'zb-rank-badge--top' : ''} ${className}`}>{rank}</Text>;
}
