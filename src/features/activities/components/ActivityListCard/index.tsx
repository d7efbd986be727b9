import { Text, View } from '@tarojs/components';
import type { ActivityCounts, ActivityView } from '@contracts';
import { formatActivityTime } from '@/features/activities/model/activities';
import { phaseTag } from '@/features/activities/model/my-activities';
import ActivityRateBar from '@/features/activities/components/ActivityRateBar';
import StatusTag from '@/components/StatusTag';
import './index.scss';

interface Props {
  item: ActivityView & { counts: ActivityCounts };
  onOpen: (id: string) => void;
}

/** One activity in 活动管理: kind, title, time, phase, and 应到 / 实到 / 出勤率. */
export default function ActivityListCard({ item, onOpen }: Props) {
  const phase = phaseTag(item.phase);
  const { counts } = item;
  const cancelled = item.phase === 'cancelled';
  return (
    <View className="zb-actcard e2e-manage-activity" onClick={() => onOpen(item.id)}>
      <View className="zb-actcard__top">
        <Text className="zb-actcard__kind">{item.kindLabel}</Text>
        <StatusTag tone={phase.tone} className="e2e-activity-phase">
          {phase.label}
        </StatusTag>
      </View>
      <Text className="zb-actcard__title e2e-manage-activity-title">{item.title}</Text>
      <Text className="zb-actcard__time">{formatActivityTime(item.startAt, item.endAt)}</Text>
      {item.orgName ? <Text className="zb-actcard__org">{item.orgName}</Text> : null}
      {cancelled ? (
        <Text className="zb-actcard__cancel">{`已取消${item.cancelReason ? `：${item.cancelReason}` : ''}`}</Text>
      ) : null}
      {item.phase === 'upcoming' ? <Text className="zb-actcard__expected">{`应到 ${counts.expected} 人`}</Text> : null}
      {cancelled || item.phase === 'upcoming' ? null : (
        <View className="zb-actcard__figures">
          <View className="zb-actcard__figure">
            <Text className="zb-actcard__num">{counts.expected}</Text>
            <Text className="zb-actcard__cap">应到</Text>
          </View>
          <View className="zb-actcard__figure">
            <Text className="zb-actcard__num zb-actcard__num--strong">{counts.present + counts.late}</Text>
            <Text className="zb-actcard__cap">实到</Text>
          </View>
          <ActivityRateBar rate={counts.rate} className="zb-actcard__rate" />
        </View>
      )}
    </View>
  );
}
