import { Text, View } from '@tarojs/components';
import type { Medal } from '@/features/points/model/points';
import './index.scss';

interface Props {
  /** The rank as shown ('—' for no points in the period). */
  text: string;
  medal: Medal | null;
  /** Shared with others: said as 并列. */
  tied?: boolean;
  className?: string;
}

/** A rank in a ranking table: 1, 2, 3 in gold, silver and bronze; 并列 under a shared rank. */
export default function RankBadge({ text, medal, tied = false, className = '' }: Props) {
  return (
    <View className="zb-rank-badge__wrap">
      <Text className={`zb-rank-badge ${medal ? `zb-rank-badge--${medal}` : ''} ${className}`}>{text}</Text>
      {tied ? <Text className="zb-rank-badge__tied e2e-rank-tied">并列</Text> : null}
    </View>
  );
}
