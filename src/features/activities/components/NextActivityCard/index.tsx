import { Text, View } from '@tarojs/components';
import { formatActivityTime } from '@/features/activities/model/activities';
import { leaveTag, myStatusTag, phaseTag } from '@/features/activities/model/my-activities';
import { useScanToCheckin } from '@/features/activities/hooks/useCheckin';
import { useNextActivity } from '@/features/activities/hooks/useMyActivities';
import ScanButton from '@/features/activities/components/ScanButton';
import StatusTag from '@/components/StatusTag';
import './index.scss';

interface Props {
  onOpenActivity: (id: string) => void;
  onOpenList: () => void;
}

/** 首页's activity card: the next activity and my status, 我的活动, and the big 扫码签到 button. */
export default function NextActivityCard({ onOpenActivity, onOpenList }: Props) {
  const next = useNextActivity(true);
  const scanToCheckin = useScanToCheckin();
  const a = next.data;
  const status = a ? myStatusTag(a.mine, a.phase) : null;
  const phase = a ? phaseTag(a.phase) : null;
  const leave = a ? leaveTag(a.mine) : null;

  return (
    <View className="zb-nextact e2e-next-activity">
      <View className="zb-nextact__head">
        <Text className="zb-nextact__caption">近期活动</Text>
        <Text className="zb-nextact__link e2e-my-activities-link" onClick={onOpenList}>
          我的活动 ›
        </Text>
      </View>
      {a && phase ? (
        <View className="zb-nextact__item e2e-next-activity-item" onClick={() => onOpenActivity(a.id)}>
          <View className="zb-nextact__main">
            <Text className="zb-nextact__kind">{a.kindLabel}</Text>
            <Text className="zb-nextact__title">{a.title}</Text>
            <Text className="zb-nextact__time">{formatActivityTime(a.startAt, a.endAt)}</Text>
            <View className="zb-nextact__tags">
              <StatusTag tone={phase.tone}>{phase.label}</StatusTag>
              {status ? (
                <StatusTag tone={status.tone} className="e2e-my-status">
                  {status.label}
                </StatusTag>
              ) : null}
              {leave ? <StatusTag tone={leave.tone}>{leave.label}</StatusTag> : null}
            </View>
          </View>
          <Text className="zb-nextact__arrow">›</Text>
        </View>
      ) : (
        <Text className="zb-nextact__empty">
          {next.loading ? '加载中…' : next.error ? '暂时没能加载活动，下拉或稍后再看' : '近期没有安排活动'}
        </Text>
      )}
      <ScanButton className="zb-nextact__scan e2e-home-checkin" onClick={() => void scanToCheckin()} />
    </View>
  );
}
