import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { DeclarationItem, DeclarationStatus } from '@contracts';
import DeclarationReviewCard from '@/features/identity/components/DeclarationReviewCard';
import LeavePanel from '@/features/activities/components/LeavePanel';
import PageShell from '@/components/PageShell';
import ReviewDialog, { type ReviewMode } from '@/features/identity/components/ReviewDialog';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { refreshMe } from '@/features/identity/hooks/useMe';
import { useRequest } from '@/hooks/useRequest';
import { listDeclarations } from '@/features/identity/services/identity';
import './index.scss';

type DeclarationTab = Extract<DeclarationStatus, 'pending' | 'approved' | 'rejected'>;
/** The declaration tabs, and 请假 (leave requests of the branch's activities). */
type Tab = DeclarationTab | 'leave';

const TABS: ReadonlyArray<{ value: Tab; label: string }> = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已驳回' },
  { value: 'leave', label: '请假' },
];

const EMPTY: Record<DeclarationTab, { title: string; description: string }> = {
  pending: {
    title: '没有待审核的申报',
    description: '党员提交亮身份后会出现在这里。可以把小程序转发到支部群，请大家亮身份。',
  },
  approved: { title: '还没有通过的申报', description: '在「待审核」中核对信息后点「通过」。' },
  rejected: { title: '没有驳回的申报', description: '驳回的申报会连同原因显示在这里。' },
};

export default function Review() {
  const [tab, setTab] = useState<Tab>('pending');
  const [target, setTarget] = useState<{ item: DeclarationItem; mode: ReviewMode } | null>(null);
  const list = useRequest(() => listDeclarations({ status: tab === 'leave' ? 'pending' : tab }), [tab], {
    manual: tab === 'leave',
  });
  // The leave panel mounts afresh (and reloads) when its tab is opened again.
  const [leaveKey, setLeaveKey] = useState(0);

  usePullDownRefresh(() => {
    if (tab === 'leave') {
      setLeaveKey((k) => k + 1);
      void Taro.stopPullDownRefresh();
      return;
    }
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const items = list.data?.items ?? [];
  const done = () => {
    setTarget(null);
    void list.reload();
    void refreshMe();
  };

  return (
    <PageShell className="zb-review">
      <SegmentedControl options={TABS} value={tab} onChange={setTab} className="zb-review__tabs e2e-review-tabs" />
      {tab === 'leave' ? <LeavePanel key={leaveKey} /> : null}
      {tab !== 'leave' && list.loading && !list.data ? <LoadingSkeleton rows={5} cards={2} /> : null}
      {tab !== 'leave' && list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {tab !== 'leave' && list.data && !list.error ? (
        items.length ? (
          <View>
            <Text className="zb-review__count">{`共 ${items.length} 条`}</Text>
            {items.map((item) => (
              <DeclarationReviewCard
                key={item.id}
                item={item}
                onApprove={(i) => setTarget({ item: i, mode: 'approve' })}
                onReject={(i) => setTarget({ item: i, mode: 'reject' })}
              />
            ))}
          </View>
        ) : (
          <EmptyState title={EMPTY[tab].title} description={EMPTY[tab].description} />
        )
      ) : null}
      <ReviewDialog
        item={target?.item ?? null}
        mode={target?.mode ?? null}
        onDone={done}
        onClose={() => setTarget(null)}
      />
    </PageShell>
  );
}
