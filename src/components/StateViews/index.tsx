import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { errorMessage } from '@/services/client';
import './index.scss';

/** Grey placeholder blocks shaped like the content that is loading. */
export function LoadingSkeleton({ rows = 3, cards = 1 }: { rows?: number; cards?: number }) {
  return (
    <View className="zb-skeleton e2e-loading">
      {Array.from({ length: cards }, (_, i) => (
        <View className="zb-skeleton__card" key={i}>
          <View className="zb-skeleton__line zb-skeleton__line--title" />
          {Array.from({ length: rows }, (_, j) => (
            <View className={`zb-skeleton__line zb-skeleton__line--w${j % 3}`} key={j} />
          ))}
        </View>
      ))}
    </View>
  );
}

interface EmptyProps {
  title: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
  className?: string;
}

/** Nothing to show yet, and what to do next. */
export function EmptyState({ title, description, actionText, onAction, className }: EmptyProps) {
  return (
    <View className={`zb-state zb-state--empty e2e-empty ${className ?? ''}`}>
      <View className="zb-state__mark" />
      <Text className="zb-state__title">{title}</Text>
      {description ? <Text className="zb-state__desc">{description}</Text> : null}
      {actionText && onAction ? (
        <Button type="primary" className="zb-state__action" onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}

/** A failed load, its reason, and 重试. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <View className="zb-state zb-state--error e2e-error">
      <View className="zb-state__mark zb-state__mark--error">!</View>
      <Text className="zb-state__title">加载失败</Text>
      <Text className="zb-state__desc">{errorMessage(error)}</Text>
      <Button type="primary" fill="outline" className="zb-state__action e2e-retry" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}
