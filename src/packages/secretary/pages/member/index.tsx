import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import MemberActionsDialogs, { type MemberAction } from '@/features/roster/components/MemberActionsDialogs';
import MemberDetailCard from '@/features/roster/components/MemberDetailCard';
import MemberHistory from '@/features/roster/components/MemberHistory';
import PageShell from '@/components/PageShell';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useMemberDetail } from '@/features/roster/hooks/useMemberDetail';
import { go, ROUTES } from '@/utils/routes';
import { emit } from '@/utils/events';
import './index.scss';

export default function MemberPage() {
  const id = useRouter().params.id ?? '';
  const { member, targets, groupName } = useMemberDetail(id);
  const [action, setAction] = useState<MemberAction | null>(null);

  usePullDownRefresh(() => {
    void member.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (member.loading && !member.data)
    return (
      <PageShell>
        <LoadingSkeleton rows={6} cards={2} />
      </PageShell>
    );
  if (!member.data)
    return (
      <PageShell>
        <ErrorState error={member.error} onRetry={member.reload} />
      </PageShell>
    );

  const m = member.data;
  // What the server would accept on this entry (scope, role precedence, never on oneself).
  const { allowed } = m;
  const done = () => {
    setAction(null);
    emit('rosterChanged');
  };

  return (
    <PageShell className="zb-member">
      <MemberDetailCard member={m} groupName={groupName} />
      {allowed.edit || allowed.transfer || allowed.deactivate ? (
        <View className="zb-member__actions">
          {allowed.edit ? (
            <Button
              block
              type="primary"
              className="e2e-member-edit"
              onClick={() => go(ROUTES.memberEdit({ id: m.id }))}
            >
              编辑信息
            </Button>
          ) : null}
          <View className="zb-member__row">
            {allowed.transfer && targets.length ? (
              <Button
                fill="outline"
                type="primary"
                className="zb-member__half e2e-member-transfer"
                onClick={() => setAction('transfer')}
              >
                调动
              </Button>
            ) : null}
            {allowed.deactivate ? (
              <Button
                fill="outline"
                className="zb-member__half e2e-member-deactivate"
                onClick={() => setAction('deactivate')}
              >
                停用 / 转出
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
      <MemberHistory entries={m.history} />
      <MemberActionsDialogs
        member={m}
        action={action}
        targets={targets}
        onDone={done}
        onClose={() => setAction(null)}
      />
    </PageShell>
  );
}
