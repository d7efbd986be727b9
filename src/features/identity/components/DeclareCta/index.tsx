import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import PartyEmblem from '@/features/identity/components/PartyEmblem';
import './index.scss';

/** The visitor's landing: one clear invitation to 亮身份. */
export default function DeclareCta({ onDeclare }: { onDeclare: () => void }) {
  return (
    <View className="zb-cta e2e-declare-cta">
      <View className="zb-cta__hero">
        <PartyEmblem className="zb-cta__emblem" />
        <Text className="zb-cta__title">亮明身份，争做先锋</Text>
        <Text className="zb-cta__subtitle">共产党员请亮身份，加入所在支部</Text>
      </View>
      <View className="zb-cta__steps">
        <View className="zb-cta__step">
          <Text className="zb-cta__step-no">1</Text>
          <Text className="zb-cta__step-text">填写姓名、手机号、入党日期和支部</Text>
        </View>
        <View className="zb-cta__step">
          <Text className="zb-cta__step-no">2</Text>
          <Text className="zb-cta__step-text">支部书记核对花名册后审核</Text>
        </View>
        <View className="zb-cta__step">
          <Text className="zb-cta__step-no">3</Text>
          <Text className="zb-cta__step-text">审核通过，领取您的党员身份卡</Text>
        </View>
      </View>
      <Button block type="primary" size="xlarge" className="zb-cta__button e2e-home-declare" onClick={onDeclare}>
        亮身份
      </Button>
    </View>
  );
}
