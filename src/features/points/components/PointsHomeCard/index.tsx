import { Text, View } from '@tarojs/components';
import { signed, valueTone } from '@/features/points/model/points';
import { usePointsSummary } from '@/features/points/hooks/usePointsMine';
import PointsStars from '@/features/points/components/PointsStars';
import './index.scss';

/** 首页's 我的积分 card: this year's score and stars, this month's net; taps through to the 积分 tab. */
export default function PointsHomeCard({ onOpen }: { onOpen: () => void }) {
  const summary = usePointsSummary(true);
  const s = summary.data;
  return (
    <View className="zb-phome e2e-home-points" onClick={onOpen}>
      <View className="zb-phome__main">
        <Text className="zb-phome__caption">我的积分</Text>
        {s ? (
          <View className="zb-phome__row">
            <Text className="zb-phome__score e2e-home-points-score">{s.score}</Text>
            <Text className="zb-phome__unit">分</Text>
            <PointsStars stars={s.stars} className="zb-phome__stars" />
          </View>
        ) : (
          <Text className="zb-phome__hint">
            {summary.loading ? '加载中…' : summary.error ? '暂时没能加载，点此查看' : ''}
          </Text>
        )}
      </View>
      {s ? (
        <View className="zb-phome__month">
          <Text className={`zb-phome__month-value zb-phome__month-value--${valueTone(s.totals.month)}`}>
            {signed(s.totals.month)}
          </Text>
          <Text className="zb-phome__month-label">本月</Text>
        </View>
      ) : null}
      <Text className="zb-phome__arrow">›</Text>
    </View>
  );
}
