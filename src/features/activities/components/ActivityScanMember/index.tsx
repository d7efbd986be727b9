import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { useActivityScan } from '@/features/activities/hooks/useActivityScan';
import './index.scss';

interface Props {
  activityId: string;
  onSigned: () => void;
}

/**
 * 组织者扫码: for a member who cannot scan (no phone at hand, camera broken), the organiser scans
 * the personal code on the member's identity card. Without a camera (H5), the code is pasted.
 */
export default function ActivityScanMember({ activityId, onSigned }: Props) {
  const scan = useActivityScan(activityId, onSigned);
  const [text, setText] = useState('');

  return (
    <View className="zb-actscan">
      <Text className="zb-actscan__title">组织者扫码</Text>
      <Text className="zb-actscan__hint">党员无法自己扫码时，打开其「我的身份卡」上的签到码，由您扫码为其签到。</Text>
      {scan.canScan ? (
        <Button
          block
          type="primary"
          fill="outline"
          loading={scan.busy}
          className="e2e-scan-member-open"
          onClick={scan.scan}
        >
          扫党员签到码
        </Button>
      ) : (
        <View className="zb-actscan__row">
          <Input
            className="zb-input zb-actscan__input e2e-scan-member"
            value={text}
            maxlength={300}
            placeholder="粘贴党员的签到码"
            placeholderClass="zb-input__placeholder"
            onInput={(e) => setText(e.detail.value)}
          />
          <Button
            type="primary"
            loading={scan.busy}
            disabled={!text.trim()}
            className="e2e-scan-member-submit"
            onClick={() => void scan.signIn(text).then((ok) => ok && setText(''))}
          >
            签到
          </Button>
        </View>
      )}
    </View>
  );
}
