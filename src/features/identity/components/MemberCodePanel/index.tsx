import { Text, View } from '@tarojs/components';
import { useRotatingCode } from '@/features/identity/hooks/useRotatingCode';
import { getMyCode } from '@/features/activities';
import QrCode from '@/components/QrCode';
import { errorMessage } from '@/services/client';
import { usePageVisible } from '@/hooks/usePageVisible';
import './index.scss';

/** 签到身份码: the member's personal rotating code, which an organiser scans to sign them in. */
export default function MemberCodePanel() {
  // Only while the page is on screen: no requests from a card left open in the background.
  const shown = usePageVisible();
  const { code, error, retrying } = useRotatingCode(getMyCode, shown, []);
  const seconds = code?.stepSeconds ?? 10;

  return (
    <View className="zb-mcode e2e-member-code" data-token={code?.token ?? ''}>
      <Text className="zb-mcode__title">签到身份码</Text>
      <View className="zb-mcode__frame">
        {code ? (
          <QrCode value={code.token} className="zb-mcode__qr" />
        ) : (
          <Text className="zb-mcode__placeholder">
            {!error ? '正在生成身份码…' : retrying ? '身份码暂时没能加载，正在重试…' : errorMessage(error)}
          </Text>
        )}
      </View>
      <Text className="zb-mcode__hint">{`组织者扫此码为您签到 · 每${seconds}秒刷新`}</Text>
    </View>
  );
}
