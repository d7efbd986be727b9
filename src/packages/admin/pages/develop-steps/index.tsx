import PageShell from '@/components/PageShell';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import DevelopStepsEditor from '@/features/develop/components/DevelopStepsEditor';
import { useStepsEditor } from '@/features/develop/hooks/useStepsEditor';
import { useMe } from '@/features/identity/hooks/useMe';
import { back } from '@/utils/routes';

/** 发展党员步骤设置, for the committee admin: the committee's steps and time rules (develop.config / develop.setSteps). */
export default function DevelopSteps() {
  const { me, error, loading, reload } = useMe();
  // The committee admin's grant is on the committee: develop.config answers for the committee above any org.
  const committeeId = me?.permissions.find((g) => g.permissions.includes('org.manage'))?.orgId;
  const editor = useStepsEditor(committeeId);

  if (loading)
    return (
      <PageShell>
        <LoadingSkeleton rows={6} cards={2} />
      </PageShell>
    );
  if (!me)
    return (
      <PageShell>
        <ErrorState error={error} onRetry={reload} />
      </PageShell>
    );
  if (!committeeId)
    return (
      <PageShell>
        <EmptyState
          title="仅党委管理员可用"
          description="发展党员的步骤和时间规则由党委管理员设置。"
          actionText="返回"
          onAction={back}
          className="e2e-forbidden"
        />
      </PageShell>
    );
  return (
    <PageShell>
      <DevelopStepsEditor editor={editor} />
    </PageShell>
  );
}
