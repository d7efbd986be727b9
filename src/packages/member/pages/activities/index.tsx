import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import MemberOnly from '@/features/identity/components/MemberOnly';
import MyActivityCard from '@/features/activities/components/MyActivityCard';
import PageShell from '@/components/PageShell';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { MY_ACTIVITY_SCOPES, type MyActivityScope } from '@/features/activities/model/my-activities';
import { useMyActivities } from '@/features/activities/hooks/useMyActivities';
import { go, ROUTES } from '@/utils/routes';
import LoadMoreFooter from '@/components/LoadMoreFooter';
import './index.scss';

const EMPTY: Record<MyActivityScope, { title: string; description: string }> = {
  upcoming: {
    title: '近期没有活动',
    description: '支部安排组织生活后会出现在这里；到现场扫书记出示的签到码即可签到。',
  },
  past: { title: '还没有往期活动', description: '参加过的活动和您的出勤情况会记在这里。' },
};

function MyActivities({ reloadMe }: { reloadMe: () => Promise<unknown> }) {
  const [scope, setScope] = useState<MyActivityScope>('upcoming');
  const list = useMyActivities(scope);

  useReachBottom(() => void list.loadMore());
  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), list.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  let content;
  if (list.loading) content = <LoadingSkeleton rows={3} cards={3} />;
  else if (list.error) content = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.items.length) content = <EmptyState {...EMPTY[scope]} />;
  else
    content = (
      <View className="e2e-my-activities">
        {list.items.map((item) => (
          <MyActivityCard key={item.id} item={item} onOpen={() => go(ROUTES.activity(item.id))} />
        ))}
        <LoadMoreFooter list={list} />
      </View>
    );

  return (
    <PageShell className="zb-activities">
      <SegmentedControl
        className="zb-activities__scope"
        options={MY_ACTIVITY_SCOPES}
        value={scope}
        onChange={setScope}
      />
      {content}
    </PageShell>
  );
}

/** 我的活动: the member's upcoming and past activities with their status; a tap opens one. */
export default function Activities() {
  return (
    <MemberOnly
      visitor={{
        title: '亮身份后查看活动',
        description: '通过支部审核后，支部的组织生活会列在这里，到场扫码即可签到。',
        className: 'e2e-activities-visitor',
      }}
    >
      {(_member, reloadMe) => <MyActivities reloadMe={reloadMe} />}
    </MemberOnly>
  );
}
