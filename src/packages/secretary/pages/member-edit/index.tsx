import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import MemberEditForm from '@/features/roster/components/MemberEditForm';
import PageShell from '@/components/PageShell';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { orgLabel } from '@/features/roster/model/orgs';
import { useRequest } from '@/hooks/useRequest';
import { getMember, getTree } from '@/features/roster/services/roster';
import { back } from '@/utils/routes';
import { emit } from '@/utils/events';

/** `?id=` edits a roster entry; `?orgId=` adds one to that branch. */
export default function MemberEdit() {
  const { id, orgId: paramOrgId } = useRouter().params;
  const member = useRequest(() => (id ? getMember(id) : Promise.resolve(undefined)), [id]);
  const tree = useRequest(getTree, []);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑党员信息' : '新增党员' });
  }, [id]);

  if (member.loading || tree.loading)
    return (
      <PageShell>
        <LoadingSkeleton rows={6} />
      </PageShell>
    );
  const error = member.error ?? tree.error;
  if (error) {
    return (
      <PageShell>
        <ErrorState error={error} onRetry={() => void Promise.all([member.reload(), tree.reload()])} />
      </PageShell>
    );
  }

  if (member.data && !member.data.allowed.edit)
    return (
      <PageShell>
        <EmptyState
          className="e2e-member-edit-refused"
          title="您不能修改该党员的信息"
          description="该党员已停用，或担任不低于您的职务、不在您的管理范围内；如需修改，请联系上级组织"
          actionText="返回"
          onAction={back}
        />
      </PageShell>
    );

  const orgs = tree.data?.orgs ?? [];
  const orgId = member.data?.orgId ?? paramOrgId ?? '';
  const groups = orgs.filter((o) => o.kind === 'group' && o.parentId === orgId);
  return (
    <PageShell>
      <MemberEditForm
        member={member.data}
        orgId={orgId}
        orgName={member.data?.orgName ?? orgLabel(orgs, orgId)}
        groups={groups}
        onSaved={() => {
          emit('rosterChanged');
          setTimeout(back, 600);
        }}
      />
    </PageShell>
  );
}
