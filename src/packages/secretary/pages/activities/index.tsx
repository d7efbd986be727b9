import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import ActivityListCard from '@/features/activities/components/ActivityListCard';
import ActivityPeriodExport from '@/features/activities/components/ActivityPeriodExport';
import { SelectField } from '@/components/Field';
import PageShell from '@/components/PageShell';
import SegmentedControl from '@/components/SegmentedControl';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useActivityExport } from '@/features/activities/hooks/useActivityExport';
import {
  ACTIVITY_SCOPES,
  useActivityList,
  useActivityOrg,
  type ActivityScope,
} from '@/features/activities/hooks/useActivityList';
import { usePermissions } from '@/features/identity/hooks/useMe';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

const EMPTY: Record<ActivityScope, string> = {
  upcoming: '没有即将开始的活动。点「新建活动」安排支部党员大会、党课或主题党日，党员到场扫码签到。',
  past: '还没有往期活动。活动结束后会出现在这里，可以查看出勤和导出签到表。',
  all: '还没有活动。点「新建活动」开始。',
};

/** 活动管理: the chosen branch's (or group's) activities, 新建活动 and 导出出勤统计. */
export default function ManageActivities() {
  const org = useActivityOrg(useRouter().params.orgId);
  const [scope, setScope] = useState<ActivityScope>('upcoming');
  const list = useActivityList(org.orgId, scope);
  const exporter = useActivityExport();
  const mayCreate = usePermissions().may('activity.manage', org.orgId);

  useReachBottom(() => void list.loadMore());
  usePullDownRefresh(() => {
    void Promise.all([org.reload(), list.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  if (org.loading || org.error || !org.options.length)
    return (
      <PageShell>
        {org.loading ? <LoadingSkeleton rows={5} cards={2} /> : null}
        {!org.loading && org.error ? <ErrorState error={org.error} onRetry={org.reload} /> : null}
        {!org.loading && !org.error ? (
          <EmptyState title="没有可管理的支部" description="活动由支部书记、支委组织。如需权限，请联系党委管理员。" />
        ) : null}
      </PageShell>
    );

  let body;
  if (list.loading && !list.items.length) body = <LoadingSkeleton rows={4} cards={2} />;
  else if (list.error) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.items.length)
    body = (
      <EmptyState
        title="暂无活动"
        description={mayCreate || scope === 'past' ? EMPTY[scope] : '活动由支部书记安排，安排后会出现在这里。'}
        actionText={mayCreate ? '新建活动' : undefined}
        onAction={mayCreate ? () => go(ROUTES.activityEdit({ orgId: org.orgId })) : undefined}
      />
    );
  else
    body = (
      <View className="e2e-manage-activities">
        <Text className="zb-actlist__count">{`共 ${list.total} 场`}</Text>
        {list.items.map((item) => (
          <ActivityListCard key={item.id} item={item} onOpen={(id) => go(ROUTES.manageActivity(id))} />
        ))}
        {list.hasMore ? (
          <Text className="zb-actlist__more">{list.loadingMore ? '加载中…' : '上拉加载更多'}</Text>
        ) : null}
      </View>
    );

  return (
    <PageShell className="zb-actlist">
      <View className="zb-actlist__panel">
        <SelectField
          label="支部 / 党小组"
          options={org.options}
          value={org.orgId}
          pickerClassName="e2e-activity-org"
          onChange={org.setOrgId}
        />
        <View className="zb-actlist__tools">
          {mayCreate ? (
            <Button
              block
              type="primary"
              className="e2e-activity-new"
              onClick={() => go(ROUTES.activityEdit({ orgId: org.orgId }))}
            >
              新建活动
            </Button>
          ) : null}
          <ActivityPeriodExport orgId={org.orgId} orgName={org.orgName} exporter={exporter} />
        </View>
      </View>
      <SegmentedControl options={ACTIVITY_SCOPES} value={scope} onChange={setScope} className="zb-actlist__scope" />
      {body}
    </PageShell>
  );
}
