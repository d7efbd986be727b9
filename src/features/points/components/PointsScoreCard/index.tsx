import { Text, View } from '@tarojs/components';
import { rankText, signed, valueTone } from '@/features/points/model/points';
import type { MyPointsSummary } from '@/features/points/hooks/usePointsMine';
import PointsStars from '@/features/points/components/PointsStars';
import './index.scss';

interface Props {
  summary: MyPointsSummary;
  /** The year the score is for (China time). */
  year: string;
  onOpenRanking: () => void;
}

const FIGURES = [
  { key: 'month', label: '本月' },
  { key: 'quarter', label: '本季度' },
  { key: 'year', label: '本年度' },
] as const;

/** 积分 tab's head: the annual score with its stars and band, the period totals and the member's own rank (if shown). */
export default function PointsScoreCard({ summary, year, onOpenRanking }: Props) {
  return (
    <View className="zb-score e2e-points-summary">
      <View className="zb-score__hero">
        <View className="zb-score__top">
          <Text className="zb-score__caption">{`${year}年度积分`}</Text>
          <Text className="zb-score__band e2e-points-band">{summary.starLabel}</Text>
        </View>
        <View className="zb-score__main">
          <Text className="zb-score__figure e2e-points-score">{summary.score}</Text>
          <Text className="zb-score__unit">分</Text>
        </View>
        <PointsStars stars={summary.stars} tone="light" className="zb-score__stars" />
      </View>
      <View className="zb-score__figures">
        {FIGURES.map((f) => {
          const value = summary.totals[f.key];
          return (
            <View className="zb-score__cell" key={f.key}>
              <Text className={`zb-score__value zb-score__value--${valueTone(value)} e2e-points-${f.key}`}>
                {signed(value)}
              </Text>
              <Text className="zb-score__label">{f.label}</Text>
            </View>
          );
        })}
      </View>
      {/* No rank at all when the committee has turned member rankings off. */}
      {summary.rank === null ? null : (
        <View className="zb-score__rank e2e-points-rank-link" onClick={onOpenRanking}>
          <Text className="zb-score__rank-label">我的年度名次</Text>
          <Text className="zb-score__rank-value e2e-points-rank">{rankText(summary.rank, summary.rankOf)}</Text>
          <Text className="zb-score__rank-link">按期查看 ›</Text>
        </View>
      )}
    </View>
  );
}
