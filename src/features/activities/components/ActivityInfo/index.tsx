import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ActivityDetail } from '@contracts';
import { formatActivityTime } from '@/features/activities/model/activities';
import { leaveText, phaseTag, pointsEarnedText, signedInText } from '@/features/activities/model/my-activities';
import MyStatusTags from '@/features/activities/components/MyStatusTags';
import StatusTag from '@/components/StatusTag';
import { openPlace, placeLink } from '@/features/activities/services/navigation';
import './index.scss';

function Row({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <View className={`zb-actinfo__row ${className ?? ''}`}>
      <Text className="zb-actinfo__label">{label}</Text>
      <Text className="zb-actinfo__value">{value}</Text>
    </View>
  );
}

/** An activity as a member reads it: what, when, where, what it earns, and where I stand. */
export default function ActivityInfo({ activity: a }: { activity: ActivityDetail }) {
  const phase = phaseTag(a.phase);
  const mine = a.mine;
  const signedIn = mine ? signedInText(mine.status, mine.at) : '';
  return (
    <View className="e2e-activity-detail">
      <View className="zb-actinfo">
        <View className="zb-actinfo__top">
          <Text className="zb-actinfo__kind">{a.kindLabel}</Text>
          <StatusTag tone={phase.tone} className="e2e-activity-phase">
            {phase.label}
          </StatusTag>
        </View>
        <Text className="zb-actinfo__title e2e-activity-title">{a.title}</Text>
        <Text className="zb-actinfo__org">{a.orgName}</Text>
        {a.phase === 'cancelled' && a.cancelReason ? (
          <Text className="zb-actinfo__cancel">{`活动已取消：${a.cancelReason}`}</Text>
        ) : null}
        <Row label="时间" value={formatActivityTime(a.startAt, a.endAt)} />
        <Row label="签到" value={formatActivityTime(a.signInFrom, a.signInUntil)} />
        {a.place ? (
          <View className="zb-actinfo__row zb-actinfo__row--place">
            <Text className="zb-actinfo__label">地点</Text>
            <View className="zb-actinfo__value zb-actinfo__place">
              <Text>{a.place.name}</Text>
              <Text className="zb-actinfo__place-note">{`${a.place.radius} 米内定位签到`}</Text>
            </View>
            <View className="e2e-activity-navigate" data-href={placeLink(a.place) ?? undefined}>
              <Button
                size="small"
                type="primary"
                fill="outline"
                className="zb-actinfo__nav"
                onClick={() => a.place && openPlace(a.place)}
              >
                导航
              </Button>
            </View>
          </View>
        ) : (
          <Row label="地点" value="未指定" />
        )}
        <Row label="积分" value={pointsEarnedText(a.points, a.ruleName)} className="e2e-activity-points" />
        {a.notes ? <Row label="备注" value={a.notes} /> : null}
      </View>

      {mine ? (
        <View className="zb-actinfo zb-actinfo--mine">
          <Text className="zb-actinfo__section">我的出勤</Text>
          <View className="zb-actinfo__tags">
            <MyStatusTags mine={mine} phase={a.phase} />
          </View>
          {signedIn ? <Text className="zb-actinfo__note">{signedIn}</Text> : null}
          {mine.leave ? <Text className="zb-actinfo__note">{`请假原因：${mine.leave.reason}`}</Text> : null}
          {mine.leave?.note ? <Text className="zb-actinfo__note">{leaveText(mine.leave)}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
