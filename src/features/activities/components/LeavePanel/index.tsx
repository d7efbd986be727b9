import { Text, View } from '@tarojs/components';
import { usePointsBranches } from '@/features/points';
import { useLeaves } from '@/features/activities/hooks/useLeaves';
import { SelectField } from '@/components/Field';
import LeaveReviewList from '@/features/activities/components/LeaveReviewList';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import './index.scss';

/** 审核's 请假 tab: the pending leave requests of a branch's activities, to approve or reject. */
export default function LeavePanel() {
  const branches = usePointsBranches();
  const leaves = useLeaves(branches.orgId);

  if (branches.loading) return <LoadingSkeleton rows={4} cards={2} />;
  if (branches.error) return <ErrorState error={branches.error} onRetry={branches.reload} />;
  if (!branches.options.length)
    return <EmptyState title="没有可审批的支部" description="请假由支部书记、支委审批。如需权限，请联系党委管理员。" />;

  let body;
  if (leaves.error) body = <ErrorState error={leaves.error} onRetry={leaves.reload} />;
  else if (!leaves.items) body = <LoadingSkeleton rows={4} cards={2} />;
  else if (!leaves.items.length)
    body = (
      <EmptyState
        title="没有待审批的请假"
        description="党员在活动页申请请假后会出现在这里。批准的请假在结束活动时不计缺席。"
      />
    );
  else
    body = (
      <>
        <Text className="zb-leavepanel__count">{`共 ${leaves.items.length} 条待审批`}</Text>
        <LeaveReviewList leaves={leaves} showActivity />
      </>
    );

  return (
    <View className="zb-leavepanel e2e-leave-panel">
      {branches.options.length > 1 ? (
        <View className="zb-leavepanel__org">
          <SelectField
            label="支部"
            options={branches.options}
            value={branches.orgId}
            pickerClassName="e2e-leave-org"
            onChange={branches.setOrgId}
          />
        </View>
      ) : null}
      {body}
    </View>
  );
}
