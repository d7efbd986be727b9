import { useRouter } from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import PointsRecordForm from '@/features/points/components/PointsRecordForm';
import { EmptyState } from '@/components/StateViews';
import { usePointsRecord } from '@/features/points/hooks/usePointsRecord';
import { back, go, ROUTES } from '@/utils/routes';

/** WeChat hands query values over still encoded; H5 decodes them already. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `?orgId=` (and `orgName=` for the heading): records one rule for members of that branch. */
export default function PointsRecord() {
  const params = useRouter().params;
  const orgId = params.orgId ?? '';
  const orgName = safeDecode(params.orgName ?? '');
  const rec = usePointsRecord(orgId, () => setTimeout(back, 600));

  if (!orgId)
    return (
      <PageShell>
        <EmptyState
          title="请先选择支部"
          description="从「积分管理」选择支部后再记录加减分。"
          actionText="去积分管理"
          onAction={() => go(ROUTES.managePoints)}
        />
      </PageShell>
    );
  return (
    <PageShell>
      <PointsRecordForm rec={rec} orgName={orgName} />
    </PageShell>
  );
}
