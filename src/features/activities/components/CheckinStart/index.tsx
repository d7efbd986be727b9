import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import ScanButton from '@/features/activities/components/ScanButton';
import './index.scss';

interface Props {
  /** WeChat has a camera scanner; a browser gets a field to paste the code's link. */
  canScan: boolean;
  onScan: () => void;
  /** Answers a message when the text is not a sign-in code. */
  onSubmitText: (text: string) => string | undefined;
}

/** The sign-in page before a code: the big 扫码签到 button, or (browser) a field for the link. */
export default function CheckinStart({ canScan, onScan, onSubmitText }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  if (canScan)
    return (
      <View className="zb-checkstart">
        <ScanButton size="hero" className="e2e-checkin-scan" onClick={onScan} />
        <Text className="zb-checkstart__tip">对准书记出示的签到码扫一扫，即可完成签到</Text>
      </View>
    );

  return (
    <View className="zb-checkstart zb-checkstart--paste">
      <Text className="zb-checkstart__title">扫码签到</Text>
      <Text className="zb-checkstart__tip">
        浏览器中无法调用相机扫码。可用手机相机扫描签到码后打开链接，或把签到码下方的链接粘贴到这里。
      </Text>
      <View className={`zb-checkstart__field e2e-checkin-paste ${error ? 'zb-checkstart__field--error' : ''}`}>
        <Input
          className="zb-input zb-checkstart__input"
          value={text}
          placeholder="粘贴签到码链接或签到码"
          placeholderClass="zb-input__placeholder"
          confirmType="done"
          onInput={(e) => {
            setText(e.detail.value);
            setError('');
          }}
          onConfirm={() => setError(onSubmitText(text) ?? '')}
        />
      </View>
      {error ? <Text className="zb-checkstart__error e2e-field-error">{error}</Text> : null}
      <Button
        type="primary"
        size="large"
        block
        className="zb-checkstart__submit e2e-checkin-submit"
        onClick={() => setError(onSubmitText(text) ?? '')}
      >
        签到
      </Button>
    </View>
  );
}
