import { Text, View } from '@tarojs/components';
import { studyPeriodTexts } from '@/features/lectures/model/lecture-admin';
import type { LectureStatsMembersState } from '@/features/lectures/hooks/useLectureStatsMembers';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { CANDIDATE_TAGS } from '@contracts/labels/participation';
import './index.scss';

/** 按党员: how many lectures each member completed this month, quarter and year. */
export default function LectureStatsMembers({ state }: { state: LectureStatsMembersState }) {
  const { data, error, loading, reload } = state;
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <LoadingSkeleton rows={6} /> : null;
  if (!data.items.length)
    return <EmptyState title="还没有在册党员" description="在「花名册」添加党员后，这里会列出每人完成的课程数。" />;
  const periods = studyPeriodTexts(data.period);
  return (
    <View className="zb-lmembers e2e-lecture-member-stats">
      <Text className="zb-lmembers__note">{`完成的课程数（观看达 90%，有测验的须通过）。本月为${periods.month}，本季度为${periods.quarter}。`}</Text>
      <View className="zb-lmembers__table">
        <View className="zb-lmembers__head">
          <Text className="zb-lmembers__name">党员</Text>
          <Text className="zb-lmembers__num">本月</Text>
          <Text className="zb-lmembers__num">本季度</Text>
          <Text className="zb-lmembers__num">本年</Text>
        </View>
        {data.items.map((m) => (
          <View key={m.memberId} className="zb-lmembers__row e2e-lecture-member-row" data-member={m.memberId}>
            <Text className="zb-lmembers__name">
              {m.partyStatus ? `${m.name}（${CANDIDATE_TAGS[m.partyStatus]}）` : m.name}
            </Text>
            <Text className={`zb-lmembers__num ${m.month ? '' : 'zb-lmembers__num--zero'}`}>{String(m.month)}</Text>
            <Text className={`zb-lmembers__num ${m.quarter ? '' : 'zb-lmembers__num--zero'}`}>{String(m.quarter)}</Text>
            <Text className={`zb-lmembers__num ${m.year ? '' : 'zb-lmembers__num--zero'}`}>{String(m.year)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
