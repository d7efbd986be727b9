import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { SelectField } from '@/components/Field';
import LecturePublishForm from '@/features/lectures/components/LecturePublishForm';
import LecturePublishList from '@/features/lectures/components/LecturePublishList';
import PageShell from '@/components/PageShell';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useLecturePublish, useLecturePublishTargets } from '@/features/lectures/hooks/useLecturePublish';
import { useManagedLectures } from '@/features/lectures/hooks/useManagedLectures';
import './index.scss';

type Tab = 'list' | 'new';
const TABS: ReadonlyArray<{ value: Tab; label: string }> = [
  { value: 'list', label: '课程列表' },
  { value: 'new', label: '发布新课程' },
];

/** 发布课程: the lectures the caller manages (发布 / 下架), and the form for a new one. */
export default function LecturePublish() {
  const publish = useLecturePublishTargets();
  const [tab, setTab] = useState<Tab>('list');
  const [scope, setScope] = useState('');
  const listOrgId = scope || publish.defaultOrgId;
  const lectures = useManagedLectures(listOrgId);
  const form = useLecturePublish(publish.defaultOrgId, () => {
    setTab('list');
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  });

  usePullDownRefresh(() => {
    void Promise.all([publish.reload(), lectures.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  if (publish.loading || publish.error || !publish.targets.length)
    return (
      <PageShell>
        {publish.loading ? <LoadingSkeleton rows={5} cards={2} /> : null}
        {!publish.loading && publish.error ? <ErrorState error={publish.error} onRetry={publish.reload} /> : null}
        {!publish.loading && !publish.error ? (
          <EmptyState
            title="没有发布权限"
            description="微党课由支部书记和党委管理员发布。如需发布，请联系党委管理员。"
          />
        ) : null}
      </PageShell>
    );

  return (
    <PageShell className="zb-lpublish">
      <SegmentedControl
        options={TABS}
        value={tab}
        onChange={setTab}
        className="zb-lpublish__tabs e2e-lecture-publish-tabs"
      />
      {tab === 'list' ? (
        <>
          {publish.targets.length > 1 ? (
            <View className="zb-lpublish__scope">
              <SelectField
                label="查看范围"
                options={publish.targets}
                value={listOrgId}
                pickerClassName="e2e-lecture-manage-scope"
                onChange={setScope}
              />
            </View>
          ) : null}
          <LecturePublishList lectures={lectures} onCreate={() => setTab('new')} />
        </>
      ) : (
        <LecturePublishForm state={form} targets={publish.targets} />
      )}
    </PageShell>
  );
}
