import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { RatingCriteriaView, RatingProposal } from '@contracts';
import PageShell from '@/components/PageShell';
import { requestPage } from '@/components/RequestPage';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { may } from '@/features/identity/model';
import RatingCriteriaDialog from '@/features/roster/components/RatingCriteriaDialog';
import RatingDecideDialog from '@/features/roster/components/RatingDecideDialog';
import { useAdminTree } from '@/features/roster/hooks/useAdminTree';
import { criteriaText, decisionStatus, ratingYears, starsText } from '@/features/roster/model/rating';
import { getRatingProposals } from '@/features/roster/services/roster';
import { useRequest } from '@/hooks/useRequest';
import { todayInChina } from '@/utils/dates';
import './index.scss';

/** 评星定级: the system's proposal for each branch, the committee's decision, 公示 then final. */
export default function Rating() {
  const tree = useAdminTree();
  const committee = tree.orgs.find((o) => o.kind === 'committee' && may(tree.me, 'org.manage', o.id));
  const thisYear = Number(todayInChina().slice(0, 4));
  // Early in the year the committee rates the year just ended.
  const [year, setYear] = useState(String(thisYear - 1));
  const [deciding, setDeciding] = useState<RatingProposal | null>(null);
  const [editing, setEditing] = useState<RatingCriteriaView | null>(null);
  const proposals = useRequest(() => getRatingProposals(committee?.id ?? '', Number(year)), [committee?.id, year], {
    manual: !committee,
  });

  usePullDownRefresh(() => void proposals.reload().finally(() => Taro.stopPullDownRefresh()));

  const waiting = requestPage(tree);
  if (waiting) return waiting;
  if (!committee)
    return (
      <PageShell>
        <EmptyState title="仅党委管理员可用" description="评星定级由党委管理员评定。" className="e2e-forbidden" />
      </PageShell>
    );

  const years = ratingYears(thisYear)
    .slice(0, 3)
    .map((y) => ({ value: String(y), label: `${y}年` }));
  const data = proposals.data;

  return (
    <PageShell className="zb-rating">
      <SegmentedControl options={years} value={year} onChange={setYear} className="e2e-rating-year" />
      {proposals.error ? (
        <ErrorState error={proposals.error} onRetry={proposals.reload} />
      ) : !data ? (
        <LoadingSkeleton rows={4} cards={2} />
      ) : (
        <>
          <View className="zb-rating__criteria">
            <Text className="zb-rating__criteria-text e2e-rating-criteria">{criteriaText(data.criteria)}</Text>
            <Text className="zb-rating__link e2e-rating-criteria-edit" onClick={() => setEditing(data.criteria)}>
              修改标准
            </Text>
          </View>
          {Number(year) === thisYear ? (
            <Text className="zb-rating__note">今年尚未结束：按已结束的月份、季度计算，仅供参考。</Text>
          ) : null}
          {data.items.length ? null : <EmptyState title="还没有支部" description="设立党支部后可以评定。" />}
          {data.items.map((item) => (
            <View key={item.orgId} className="zb-rating__card e2e-rating-branch">
              <View className="zb-rating__head">
                <Text className="zb-rating__name">{item.name}</Text>
                <Text className="zb-rating__score e2e-rating-score">{`${item.score} 分`}</Text>
              </View>
              <Text className="zb-rating__proposed e2e-rating-proposed">{`系统建议 ${starsText(item.proposedStars)}`}</Text>
              {item.reasons.map((reason) => (
                <Text key={reason} className="zb-rating__reason">
                  {reason}
                </Text>
              ))}
              {item.decision ? (
                <View className="zb-rating__decision e2e-rating-decision">
                  <Text className="zb-rating__stars">{`评定 ${starsText(item.decision.stars)}`}</Text>
                  <Text className="zb-rating__status">{decisionStatus(item.decision)}</Text>
                  <Text className="zb-rating__reason">{`理由：${item.decision.reason}`}</Text>
                </View>
              ) : null}
              {item.decision?.status === 'final' ? null : (
                <Button className="zb-rating__decide e2e-rating-decide" onClick={() => setDeciding(item)}>
                  {item.decision ? '修改评定' : '评定'}
                </Button>
              )}
            </View>
          ))}
        </>
      )}
      <RatingDecideDialog
        year={Number(year)}
        proposal={deciding}
        onClose={() => setDeciding(null)}
        onDone={() => {
          setDeciding(null);
          void proposals.reload();
        }}
      />
      <RatingCriteriaDialog
        committeeId={committee.id}
        criteria={editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          void proposals.reload();
        }}
      />
    </PageShell>
  );
}
