import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './index.scss';

/** The home page of an environment without a committee: the way to 初始化, for whoever holds the code. */
export default function SetupCta({ onSetup }: { onSetup: () => void }) {
  return (
    <View className="zb-setup-cta e2e-setup-cta">
      <Text className="zb-setup-cta__title">支部通尚未初始化</Text>
      <Text className="zb-setup-cta__desc">
        这是一个新的环境，还没有党组织。党委管理员请用部署时设置的初始化码完成初始化；党员请等管理员完成后再来亮身份。
      </Text>
      <Button block type="primary" size="xlarge" className="e2e-home-setup" onClick={onSetup}>
        开始初始化
      </Button>
    </View>
  );
}
