import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useRouter } from '@tarojs/taro';
import DeclarationStatus from '@/features/identity/components/DeclarationStatus';
import DeclareForm from '@/features/identity/components/DeclareForm';
import PageShell from '@/components/PageShell';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { branchesOf } from '@/features/roster/model/orgs';
import { invitedBranch } from '@/features/roster/model/admin';
import { branchOfInviteScene } from '@contracts/labels/roster';
import { refreshMe, useMe } from '@/features/identity/hooks/useMe';
import { useWithdrawDeclaration } from '@/features/identity/hooks/useWithdrawDeclaration';
import { useRequest } from '@/hooks/useRequest';
import { getTree } from '@/features/roster/services/roster';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

export default function Declare() {
  const { me, error, loading, reload } = useMe({ refreshOnShow: true });
  const tree = useRequest(getTree, []);
  // 邀请入支部: an invitation's link names the branch (?orgId=), its 小程序码 in the scene (o=<id>).
  const { params } = useRouter();
  const { withdrawing, withdraw } = useWithdrawDeclaration();

  if (loading || (tree.loading && !tree.data))
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

  if (me.member) {
    // Someone on the way to membership has no card yet: say when they will.
    const note = me.member.cardNote;
    return (
      <PageShell>
        <View className="zb-declared e2e-already-member">
          <Text className="zb-declared__title">{note ? '您已完成亮身份' : '您已亮明党员身份'}</Text>
          <Text className="zb-declared__desc">{`${me.member.orgName} · ${me.member.name}`}</Text>
          {note ? (
            <Text className="zb-declared__desc e2e-card-note">{note}</Text>
          ) : (
            <Button block type="primary" size="large" onClick={() => go(ROUTES.card)}>
              查看身份卡
            </Button>
          )}
        </View>
      </PageShell>
    );
  }

  const declaration = me.declaration;
  if (declaration?.status === 'pending') {
    return (
      <PageShell>
        <DeclarationStatus declaration={declaration} onWithdraw={withdraw} busy={withdrawing} />
      </PageShell>
    );
  }

  if (tree.error)
    return (
      <PageShell>
        <ErrorState error={tree.error} onRetry={tree.reload} />
      </PageShell>
    );

  const rejected = declaration?.status === 'rejected' ? declaration : null;
  const branches = branchesOf(tree.data?.orgs ?? []);
  const invited = invitedBranch(branches, params.orgId ?? branchOfInviteScene(params.scene));
  return (
    <PageShell>
      {rejected ? (
        <View className="zb-declare__rejected e2e-reject-reason">
          <Text className="zb-declare__rejected-title">上次申报未通过</Text>
          <Text>{`原因：${rejected.reason ?? '未说明'}`}</Text>
          <Text className="zb-declare__rejected-hint">请核对后重新提交。</Text>
        </View>
      ) : (
        <Text className="zb-declare__intro">请如实填写，支部书记将与花名册核对后审核。</Text>
      )}
      <DeclareForm
        branches={branches}
        initial={
          declaration
            ? {
                name: declaration.name,
                orgId: invited || (declaration.orgId ?? ''),
                external: !invited && !!declaration.externalOrg,
                externalOrg: declaration.externalOrg ?? '',
              }
            : invited
              ? { orgId: invited }
              : undefined
        }
        onSubmitted={() => void refreshMe()}
      />
    </PageShell>
  );
}
