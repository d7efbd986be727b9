import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import ActivityEditForm from '@/features/activities/components/ActivityEditForm';
import PageShell from '@/components/PageShell';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { orgLabel } from '@/features/roster/model/orgs';
import { useActivityEditor } from '@/features/activities/hooks/useActivityForm';
import { useManagedOrgs } from '@/features/roster/hooks/useManagedOrgs';
import { back, go, ROUTES } from '@/utils/routes';
import './index.scss';

/** `?id=` edits an activity; `?orgId=` creates one for that branch or group. */
export default function ActivityEdit() {
  const { id, orgId: paramOrgId } = useRouter().params;
  const editor = useActivityEditor(id, paramOrgId);
  const { orgs } = useManagedOrgs();

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑活动' : '新建活动' });
  }, [id]);

  if (!id && !paramOrgId)
    return (
      <PageShell>
        <EmptyState
          title="请先选择支部"
          description="从「活动管理」选择支部或党小组后再新建活动。"
          actionText="去活动管理"
          onAction={() => go(ROUTES.manageActivities())}
        />
      </PageShell>
    );
  if (editor.error)
    return (
      <PageShell>
        <ErrorState error={editor.error} onRetry={editor.reload} />
      </PageShell>
    );
  if (editor.activity && (editor.activity.phase === 'closed' || editor.activity.phase === 'cancelled'))
    return (
      <PageShell>
        <EmptyState
          title={editor.activity.phase === 'closed' ? '活动已结束' : '活动已取消'}
          description="结束或取消的活动不能再修改。"
          actionText="返回"
          onAction={back}
        />
      </PageShell>
    );
  if (!editor.initial)
    return (
      <PageShell>
        <LoadingSkeleton rows={6} cards={2} />
      </PageShell>
    );

  const saved = (savedId: string) => {
    // A new activity opens its page (the sign-in code); an edit returns to it.
    if (id) setTimeout(back, 600);
    else setTimeout(() => void Taro.redirectTo({ url: ROUTES.manageActivity(savedId) }), 600);
  };
  return (
    <PageShell className="zb-actedit">
      <ActivityEditForm
        id={id}
        orgId={editor.orgId}
        orgName={editor.activity?.orgName ?? orgLabel(orgs, editor.orgId)}
        initial={editor.initial}
        members={editor.members}
        onSaved={saved}
      />
    </PageShell>
  );
}
