import { Text, View } from '@tarojs/components';
import { ErrorState } from '@/components/StateViews';
import type { SeparateConsent } from '@/features/identity/hooks/useSeparateConsent';
import './index.scss';

interface Props {
  state: SeparateConsent;
  /** Names the e2e hooks: `e2e-<name>-consent` (the box), `-consent-notice`, `-consent-error`. */
  name: string;
}

/** The separate-consent notice with its own box, apart from any other agreement. */
export default function ConsentCard({ state, name }: Props) {
  const { notice, consent, error, toggle } = state;
  return (
    <View className={`zb-consent e2e-${name}-consent-notice`}>
      <Text className="zb-consent__title">{notice.data?.title ?? '敏感个人信息单独同意'}</Text>
      {notice.error ? <ErrorState error={notice.error} onRetry={notice.reload} /> : null}
      {(notice.data?.sections ?? []).map((section) => (
        <View key={section.heading} className="zb-consent__item">
          <Text className="zb-consent__heading">{section.heading}</Text>
          <Text className="zb-consent__text">{section.text}</Text>
        </View>
      ))}
      <View
        className={`zb-consent__agree e2e-${name}-consent ${consent ? 'zb-consent__agree--on' : ''}`}
        role="checkbox"
        aria-checked={consent}
        onClick={toggle}
      >
        <View className="zb-consent__box">{consent ? '✓' : ''}</View>
        <Text className="zb-consent__agree-text">
          {notice.data?.agreement ?? '我已阅读上述说明，单独同意处理我的党员身份信息'}
        </Text>
      </View>
      {error ? <Text className={`zb-consent__error e2e-${name}-consent-error`}>{error}</Text> : null}
    </View>
  );
}
