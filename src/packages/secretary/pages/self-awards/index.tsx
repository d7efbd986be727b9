import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { CellGroup } from '@/components/ListCell';
import LoadMoreFooter from '@/components/LoadMoreFooter';
import PageShell from '@/components/PageShell';
import SelfAwardCard from '@/features/points/components/SelfAwardCard';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useSelfAwards } from '@/features/points/hooks/useSelfAwards';
import { back } from '@/utils/routes';
import './index.scss';

/**
 * 自我加分复核, for committee admins: the bonus entries whose beneficiary also organised, recorded,
 * published or approved the cause, newest first, each with a link to that cause. A questionable one
 * is corrected by 冲正 on the branch's ledger, with its reason.
 */
export default function SelfAwards() {
  const list = useSelfAwards();

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());

  if (list.forbidden)
    return (
      <PageShell>
        <EmptyState
          title="仅党委管理员可用"
          description={list.forbidden.message}
          actionText="返回"
          onAction={back}
          className="e2e-forbidden"
        />
      </PageShell>
    );
  if (list.loading && !list.items.length)
    return (
      <PageShell>
        <LoadingSkeleton rows={4} cards={2} />
      </PageShell>
    );
  if (list.error)
    return (
      <PageShell>
        <ErrorState error={list.error} onRetry={list.reload} />
      </PageShell>
    );

  return (
    <PageShell className="zb-selfawards">
      <View className="zb-selfawards__intro">
        <Text className="zb-selfawards__title">自我加分复核</Text>
        <Text className="zb-selfawards__key">
          本人组织的活动、本人发布的课程、本人记录或审核而为自己带来的加分，供党委复核；如有不当，请在支部积分明细中冲正并写明原因。
        </Text>
      </View>
      {list.items.length ? (
        <>
          <Text className="zb-selfawards__count e2e-self-awards-count">{`共 ${list.total} 条`}</Text>
          <CellGroup>
            {list.items.map((item) => (
              <SelfAwardCard key={item.entryId} item={item} />
            ))}
          </CellGroup>
          <LoadMoreFooter list={list} />
        </>
      ) : (
        <EmptyState
          title="暂无自我加分记录"
          description="没有党员从本人组织、发布、记录或审核的事项中获得加分。"
          className="e2e-self-awards-empty"
        />
      )}
    </PageShell>
  );
}
