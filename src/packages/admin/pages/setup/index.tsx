import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActionOutput } from '@contracts';
import PageShell from '@/components/PageShell';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { refreshMe, useMe } from '@/features/identity/hooks/useMe';
import SetupForm from '@/features/roster/components/SetupForm';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

const NEXT_STEPS = [
  '在“组织架构”中添加各党支部和党小组',
  '在“人员任职”中任命各支部书记',
  '请书记导入花名册，党员即可亮身份',
];

/** 初始化: the first person in a new environment creates the committee and becomes its admin. */
export default function Setup() {
  const { me, error, loading, reload } = useMe();
  const [done, setDone] = useState<ActionOutput<'roster', 'setup'> | null>(null);

  const finish = (result: ActionOutput<'roster', 'setup'>) => {
    setDone(result);
    void refreshMe();
  };

  if (done)
    return (
      <PageShell>
        <View className="zb-setup-done e2e-setup-done">
          <View className="zb-setup-done__tick">✓</View>
          <Text className="zb-setup-done__title">初始化完成</Text>
          <Text className="zb-setup-done__desc">您已成为党委管理员。接下来：</Text>
          {NEXT_STEPS.map((step, index) => (
            <View key={step} className="zb-setup-done__step">
              <Text className="zb-setup-done__no">{index + 1}</Text>
              <Text className="zb-setup-done__text">{step}</Text>
            </View>
          ))}
          <Button
            block
            type="primary"
            size="xlarge"
            className="zb-setup-done__go e2e-setup-workbench"
            onClick={() => go(ROUTES.workbench)}
          >
            进入工作台
          </Button>
        </View>
      </PageShell>
    );

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
  if (!me.setupNeeded)
    return (
      <PageShell>
        <EmptyState
          className="e2e-setup-closed"
          title="支部通已完成初始化"
          description="初始化只能进行一次。如需管理员权限，请联系党委现任管理员。"
          actionText="回到首页"
          onAction={() => void Taro.reLaunch({ url: ROUTES.home })}
        />
      </PageShell>
    );

  return (
    <PageShell>
      <View className="zb-setup-intro">
        <Text className="zb-setup-intro__title">欢迎使用支部通</Text>
        <Text className="zb-setup-intro__desc">
          这是一个新的环境，还没有党组织。请党委管理员用部署时设置的初始化码完成初始化。
        </Text>
      </View>
      <SetupForm onDone={finish} />
    </PageShell>
  );
}
