import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import LectureCard from '@/features/lectures/components/LectureCard';
import LectureContinue from '@/features/lectures/components/LectureContinue';
import MemberOnly from '@/features/identity/components/MemberOnly';
import PageShell from '@/components/PageShell';
import SearchInput from '@/components/SearchInput';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { LECTURE_KIND_FILTERS, type LectureKindFilter } from '@/features/lectures/model/lectures';
import { useDebounced } from '@/hooks/useDebounced';
import { useLectureList } from '@/features/lectures/hooks/useLectureList';
import { go, ROUTES } from '@/utils/routes';
import LoadMoreFooter from '@/components/LoadMoreFooter';
import './index.scss';

function Catalogue({ reloadMe }: { reloadMe: () => Promise<unknown> }) {
  const [kind, setKind] = useState<LectureKindFilter>('all');
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 300);
  const list = useLectureList(kind, query);
  const open = (id: string) => go(ROUTES.lecture(id));

  useReachBottom(() => void list.loadMore());
  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), list.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  let content;
  if (list.loading && !list.items.length) content = <LoadingSkeleton rows={2} cards={3} />;
  else if (list.error) content = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.items.length)
    content = query ? (
      <EmptyState title={`没有找到“${query}”`} description="换个关键词试试，可搜索标题、主讲人和标签。" />
    ) : (
      <EmptyState
        title="还没有可学习的课程"
        description="党委或支部发布微党课、教育片后会出现在这里，看完即可获得学习积分。"
      />
    );
  else
    content = (
      <View className="e2e-lectures">
        {list.items.map((item) => (
          <LectureCard key={item.id} item={item} onOpen={() => open(item.id)} />
        ))}
        <LoadMoreFooter list={list} />
      </View>
    );

  return (
    <PageShell className="zb-study">
      <SearchInput className="zb-study__search" value={search} onChange={setSearch} placeholder="搜索课程、主讲人" />
      <SegmentedControl className="zb-study__kinds" options={LECTURE_KIND_FILTERS} value={kind} onChange={setKind} />
      {kind === 'all' && !query ? <LectureContinue items={list.continueWatching} onOpen={open} /> : null}
      {content}
    </PageShell>
  );
}

/** 学习: 微党课 and 教育片 with search, 继续观看, and my progress on each. */
export default function Study() {
  return (
    <MemberOnly
      visitor={{
        title: '亮身份后学习微党课',
        description: '通过支部审核后，即可观看微党课和教育片，看完还能获得学习积分。',
        className: 'e2e-study-visitor',
      }}
    >
      {(_member, reloadMe) => <Catalogue reloadMe={reloadMe} />}
    </MemberOnly>
  );
}
