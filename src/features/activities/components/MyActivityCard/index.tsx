import { Text, View } from '@tarojs/components';
import type { MyActivityItem } from '@contracts';
import { formatActivityTime } from '@/features/activities/model/activities';
import { leaveTag, myStatusTag, phaseTag } from '@/features/activities/model/my-activities';
import MyStatusTags from '@/features/activities/components/MyStatusTags';
import StatusTag from '@/components/StatusTag';
import './index.scss';

/** One of 我的活动: kind, title, time, place, its phase, and where I stand (status, leave). */
export default function MyActivityCard({ item, onOpen }: { item: MyActivityItem; onOpen: () => void }) {
  const phase = phaseTag(item.phase);
  const status = myStatusTag(item.mine, item.phase);
  const leave = leaveTag(item.mine);
  return (
    <View className="zb-myact e2e-activity-card" onClick={onOpen}>
      <View className="zb-myact__top">
        <Text className="zb-myact__kind">{item.kindLabel}</Text>
        <StatusTag tone={phase.tone} className="e2e-activity-phase">
          {phase.label}
        </StatusTag>
      </View>
      <Text className="zb-myact__title">{item.title}</Text>
      <View className="zb-myact__row">
        <Text className="zb-myact__label">时间</Text>
        <Text className="zb-myact__value">{formatActivityTime(item.startAt, item.endAt)}</Text>
      </View>
      {item.place ? (
        <View className="zb-myact__row">
          <Text className="zb-myact__label">地点</Text>
          <Text className="zb-myact__value">{item.place.name}</Text>
        </View>
      ) : null}
      {status || leave ? (
        <View className="zb-myact__tags">
          <MyStatusTags mine={item.mine} phase={item.phase} />
        </View>
      ) : null}
    </View>
  );
}
