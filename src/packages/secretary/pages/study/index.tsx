import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { SelectField } from '@/components/Field';
import LectureStatsLecture from '@/features/lectures/components/LectureStatsLecture';
import LectureStatsMembers from '@/features/lectures/components/LectureStatsMembers';
import PageShell from '@/components/PageShell';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { canPublishLectures } from '@/features/lectures/model/lecture-admin';
import { useLectureStats, useLectureStatsOrg } from '@/features/lectures/hooks/useLectureStats';
import { useLectureStatsMembers } from '@/features/lectures/hooks/useLectureStatsMembers';
import { useMe } from '@/features/identity/hooks/useMe';
import './index.scss';

type Tab = 'lecture' | 'members';
const TABS: ReadonlyArray<{ value: Tab; label: string }> = [
  { value: 'lecture', label: '按课程' },
  { value: 'members', label: '按党员' },
];

/** 学习统计: per lecture, who in the branch started, finished and passed; per member, completions by period. */
export default function LectureStats() {
  const { id } = useRouter().params;
  const org = useLectureStatsOrg();
  const [tab, setTab] = useState<Tab>('lecture');
  const lecture = useLectureStats(org.orgId, id);
  const members = useLectureStatsMembers(org.orgId, tab === 'members');
  const canPublish = canPublishLectures(useMe().me);

  usePullDownRefresh(() => {
    void Promise.all([org.reload(), lecture.reload(), tab === 'members' ? members.reload() : null]).finally(() =>
      Taro.stopPullDownRefresh(),
    );
  });

  if (org.loading || org.error || !org.options.length)
    return (
      <PageShell>
        {org.loading ? <LoadingSkeleton rows={6} cards={2} /> : null}
        {!org.loading && org.error ? <ErrorState error={org.error} onRetry={org.reload} /> : null}
        {!org.loading && !org.error ? (
          <EmptyState
            title="没有可查看的支部"
            description="学习统计由支部书记、支委和党委管理员查看。如需权限，请联系党委管理员。"
          />
        ) : null}
      </PageShell>
    );

  return (
    <PageShell className="zb-lstats">
      <View className="zb-lstats__org">
        <SelectField
          label="支部 / 党小组"
          options={org.options}
          value={org.orgId}
          pickerClassName="e2e-lecture-stats-org"
          onChange={org.setOrgId}
        />
      </View>
      <SegmentedControl
        options={TABS}
        value={tab}
        onChange={setTab}
        className="zb-lstats__tabs e2e-lecture-stats-tabs"
      />
      {tab === 'lecture' ? (
        <LectureStatsLecture state={lecture} canPublish={canPublish} />
      ) : (
        <LectureStatsMembers state={members} />
      )}
    </PageShell>
  );
}
