import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { DeclarationItem, DeclarationStatus } from '../../../../../contracts';
import DeclarationReviewCard from '../../../../components/DeclarationReviewCard';
import PageShell from '../../../../components/PageShell';
import ReviewDialog, { type ReviewMode } from '../../../../components/ReviewDialog';
import SegmentedControl from '../../../../components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../../components/StateViews';
import { refreshMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { listDeclarations } from '../../../../services/identity';
import './index.scss';

type Tab = Extract<DeclarationStatus, 'pending' | 'approved' | 'rejected'>;

const TABS: ReadonlyArray<{ value: Tab; label: string }> = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已驳回' },
];

const EMPTY: Record<Tab, { title: string; description: string }> = {
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
  const list = useRequest(() => listDeclarations({ status: tab }), [tab]);

  usePullDownRefresh(() => {
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
      {list.loading && !list.data ? <LoadingSkeleton rows={5} cards={2} /> : null}
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.data && !list.error ? (
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
