import { Text, View } from '@tarojs/components';
import type { PointsOutputs } from '@contracts';
import {
  barPercent,
  maxAbsNet,
  memberRankingRows,
  RANKING_NOTE,
  rankDisplay,
  signed,
  staffRankingRows,
  valueTone,
} from '@/features/points/model/points';
import type { RequestState } from '@/hooks/useRequest';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import RankBadge from '@/features/points/components/RankBadge';
import './index.scss';

interface Props {
  ranking: RequestState<PointsOutputs['ranking']>;
  /** `member`: what the branch's setting lets a member see, net only; `staff`: everyone, with 加分 and 扣分. */
  mode: 'member' | 'staff';
  /** Said when nobody is ranked (staff: what to do next), under `emptyTitle` when given. */
  emptyDescription?: string;
  emptyTitle?: string;
  /** Said under the table; by default what the member's view shows. */
  note?: string;
}

/** A branch's ranking for one period: rank (ties share it), name, a bar for the net, and the figures. */
export default function RankingTable({ ranking, mode, emptyDescription, emptyTitle, note: staffNote }: Props) {
  if (ranking.error) return <ErrorState error={ranking.error} onRetry={ranking.reload} />;
  if (ranking.loading || !ranking.data) return <LoadingSkeleton rows={6} />;

  const data = ranking.data;
  const staff = mode === 'staff';
  const rows = staff ? staffRankingRows(data) : memberRankingRows(data);
  const note = staff ? (staffNote ?? '') : RANKING_NOTE[data.visibility];
  const max = maxAbsNet(rows);

  if (!rows.length)
    return (
      <EmptyState
        title={emptyTitle ?? (staff ? '本期还没有排名' : data.visibility === 'off' ? '不显示排名' : '暂无您的名次')}
        description={emptyDescription ?? (staff ? '党员有了积分记录后，会按净分排在这里。' : note)}
        className="e2e-ranking-empty"
      />
    );

  return (
    <View className={`zb-rank zb-rank--${mode} e2e-ranking`}>
      <View className="zb-rank__table">
        <View className="zb-rank__head">
          <Text className="zb-rank__no">名次</Text>
          <Text className="zb-rank__who">姓名</Text>
          {staff ? <Text className="zb-rank__num">加分</Text> : null}
          {staff ? <Text className="zb-rank__num">扣分</Text> : null}
          <Text className="zb-rank__net">净分</Text>
        </View>
        {rows.map((r) => (
          <View key={r.memberId}>
            {r.gapBefore ? <View className="zb-rank__gap">⋯</View> : null}
            <View className={`zb-rank__row e2e-ranking-row ${r.self ? 'zb-rank__row--self e2e-ranking-self' : ''}`}>
              <View className="zb-rank__no">
                <RankBadge {...rankDisplay(r)} className="e2e-ranking-rank" />
              </View>
              <View className="zb-rank__who">
                <Text className="zb-rank__name e2e-ranking-name">
                  {r.name}
                  {r.self ? <Text className="zb-rank__me">（我）</Text> : null}
                </Text>
                <View className="zb-rank__bar">
                  <View
                    className={`zb-rank__fill zb-rank__fill--${valueTone(r.net)}`}
                    style={{ width: `${barPercent(r.net, max)}%` }}
                  />
                </View>
              </View>
              {staff ? (
                <Text className="zb-rank__num zb-rank__num--bonus e2e-ranking-bonus">{signed(r.bonus)}</Text>
              ) : null}
              {staff ? (
                <Text className="zb-rank__num e2e-ranking-deduction">{signed(-Math.abs(r.deduction))}</Text>
              ) : null}
              <Text className={`zb-rank__net zb-rank__net--${valueTone(r.net)} e2e-ranking-net`}>{signed(r.net)}</Text>
            </View>
          </View>
        ))}
      </View>
      {note ? <Text className="zb-rank__note e2e-ranking-note">{note}</Text> : null}
    </View>
  );
}
