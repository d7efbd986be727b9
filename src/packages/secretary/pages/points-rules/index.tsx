import PageShell from '@/components/PageShell';
import RulesEditor from '@/features/points/components/RulesEditor';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { mayAnywhere } from '@/features/identity/model/permissions';
import { useMe } from '@/features/identity/hooks/useMe';
import { useRulesEditor } from '@/features/points/hooks/useRulesEditor';
import { back } from '@/utils/routes';

/** 积分规则, for committee admins: rule values, caps and activity, and the scoring settings. */
export default function PointsRules() {
  const { me, error, loading, reload } = useMe();
  const editor = useRulesEditor();

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
  if (!mayAnywhere(me, 'points.admin'))
    return (
      <PageShell>
        <EmptyState
          title="仅党委管理员可用"
          description="只有党委管理员可以修改积分规则。"
          actionText="返回"
          onAction={back}
          className="e2e-forbidden"
        />
      </PageShell>
    );
  return (
    <PageShell>
      <RulesEditor editor={editor} />
    </PageShell>
  );
}
