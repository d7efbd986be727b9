import { Text, View } from '@tarojs/components';
import type { ActivityDetail, ActivityPhase } from '@contracts';
import { formatActivityTime } from '@/features/activities/model/activities';
import { phaseTag } from '@/features/activities/model/my-activities';
import StatusTag from '@/components/StatusTag';
import './index.scss';

/** The activity page's head: kind, phase, title, time, sign-in window and place. */
export default function ActivityManageHeader({
  activity: a,
  phase,
}: {
  activity: ActivityDetail;
  phase: ActivityPhase;
}) {
  const tag = phaseTag(phase);
  return (
    <View className="zb-acthead e2e-manage-activity-head">
      <View className="zb-acthead__top">
        <Text className="zb-acthead__kind">{`${a.kindLabel} · ${a.orgName}`}</Text>
        <StatusTag tone={tag.tone} className="e2e-activity-phase">
          {tag.label}
        </StatusTag>
      </View>
      <Text className="zb-acthead__title e2e-manage-activity-title">{a.title}</Text>
      <Text className="zb-acthead__line">{formatActivityTime(a.startAt, a.endAt)}</Text>
      <Text className="zb-acthead__line zb-acthead__line--muted">
        {`签到 ${formatActivityTime(a.signInFrom, a.signInUntil)}，开始 ${a.graceMinutes} 分钟后算迟到`}
      </Text>
      {a.place ? (
        <Text className="zb-acthead__line zb-acthead__line--muted">{`${a.place.name}（${a.place.radius} 米内定位签到）`}</Text>
      ) : null}
      {a.notes ? <Text className="zb-acthead__line zb-acthead__line--muted">{a.notes}</Text> : null}
      {phase === 'cancelled' ? (
        <Text className="zb-acthead__cancel">{`活动已取消${a.cancelReason ? `：${a.cancelReason}` : ''}`}</Text>
      ) : null}
    </View>
  );
}
