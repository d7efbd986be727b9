import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import type { ActivityPhase } from '@contracts';
import { errorMessage } from '@/services/client';
import type { ActivityCodeState } from '@/features/activities/hooks/useActivityCode';
import CheckinCodeImage from '@/features/activities/components/CheckinCodeImage';
import './index.scss';

interface Props {
  state: ActivityCodeState;
  phase: ActivityPhase;
  onScreen: () => void;
}

function copyLink(url: string): void {
  void Taro.setClipboardData({ data: url }).then(
    () => Taro.showToast({ title: '链接已复制，很快失效', icon: 'none' }),
    () => Taro.showToast({ title: '没能复制，请直接扫码', icon: 'none' }),
  );
}

/** The rotating sign-in QR: members scan it with WeChat; it changes every step, so a forwarded picture soon stops working. */
export default function ActivityCodePanel({ state, phase, onScreen }: Props) {
  const { code, error, retrying, secondsLeft } = state;
  return (
    <View className="zb-actcode">
      <View className="zb-actcode__head">
        <Text className="zb-actcode__title">签到二维码</Text>
        <Button size="small" type="primary" fill="outline" className="e2e-activity-screen-open" onClick={onScreen}>
          大屏
        </Button>
      </View>
      {phase === 'upcoming' ? (
        <Text className="zb-actcode__note">签到尚未开放，现在扫码会提示未开始；可以先投屏调试。</Text>
      ) : null}
      {code ? (
        <View className="zb-actcode__qr e2e-activity-code" data-token={code.token} data-url={code.url}>
          <CheckinCodeImage code={code} className="zb-actcode__img" />
        </View>
      ) : (
        <View className="zb-actcode__qr zb-actcode__qr--empty">
          <Text className="zb-actcode__wait">
            {error ? `${errorMessage(error)}${retrying ? '，正在重试…' : ''}` : '正在生成二维码…'}
          </Text>
        </View>
      )}
      {code ? (
        <>
          <Text className="zb-actcode__countdown e2e-activity-code-countdown">
            {`${secondsLeft ?? code.stepSeconds} 秒后刷新 · 截图转发很快失效`}
          </Text>
          {/* A link code can be sent where scanning is awkward (a member at the back of the hall): copied, never printed. */}
          {code.image ? null : (
            <Button
              size="small"
              fill="none"
              className="zb-actcode__copy e2e-activity-code-copy"
              onClick={() => copyLink(code.url)}
            >
              复制签到链接
            </Button>
          )}
        </>
      ) : null}
    </View>
  );
}
