import { Text, View } from '@tarojs/components';
import type { CadenceView } from '@contracts';
import StatusTag from '@/components/StatusTag';
import { ErrorState } from '@/components/StateViews';
import { useCadence } from '@/features/activities/hooks/useCadence';
import {
  cadenceDeadline,
  cadenceProgress,
  cadenceStatusLabel,
  cadenceSummary,
  cadenceTone,
  lastHeldText,
  silenceText,
} from '@/features/activities/model/cadence';
import './index.scss';

function BranchCadence({ view }: { view: CadenceView }) {
  const silence = silenceText(view);
  return (
    <View className="zb-cadence e2e-cadence-card">
      <View className="zb-cadence__head">
        <Text className="zb-cadence__title">{`三会一课 · ${view.orgName}`}</Text>
        {silence ? (
          <StatusTag tone="primary" className="e2e-cadence-silent">
            {silence}
          </StatusTag>
        ) : null}
      </View>
      <Text className="zb-cadence__summary e2e-cadence-summary">{`${cadenceSummary(view)} · ${lastHeldText(view)}`}</Text>
      {view.items.map((item) => (
        <View
          key={`${item.kind}:${item.period}`}
          className={`zb-cadence__item zb-cadence__item--${item.status} e2e-cadence-item`}
        >
          <View className="zb-cadence__main">
            <Text className="zb-cadence__kind">{item.kindLabel}</Text>
            <Text className="zb-cadence__period">
              {[item.periodLabel, cadenceProgress(item)].filter(Boolean).join(' · ')}
            </Text>
          </View>
          <View className="zb-cadence__side">
            <StatusTag tone={cadenceTone(item.status)}>{cadenceStatusLabel(item.status)}</StatusTag>
            <Text className={`zb-cadence__days zb-cadence__days--${item.status}`}>{cadenceDeadline(item)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/**
 * 三会一课 on 工作台 (中国共产党支部工作条例（试行）): each branch the caller runs, this period's
 * obligations done, due or overdue with the days left, and 静默 after 30 days without an activity.
 * Nothing for callers who run no branch themselves, nor while loading.
 */
export default function CadenceCard() {
  const { branches, cadence } = useCadence();
  if (!branches.length) return null;
  if (cadence.error && !cadence.data) return <ErrorState error={cadence.error} onRetry={() => void cadence.reload()} />;
  if (!cadence.data) return null;
  return (
    <>
      {cadence.data.map((view) => (
        <BranchCadence key={view.orgId} view={view} />
      ))}
    </>
  );
}
