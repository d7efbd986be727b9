import { Text, View } from '@tarojs/components';
import type { LectureStatsItem } from '@contracts';
import { formatDateTime } from '@/utils/dates';
import {
  progressText,
  quizText,
  STUDY_STATUS_LABELS,
  STUDY_STATUS_TONES,
  studyStatus,
} from '@/features/lectures/model/lecture-admin';
import StatusTag from '@/components/StatusTag';
import { CANDIDATE_TAGS } from '@contracts/labels/participation';
import './index.scss';

interface Props {
  items: LectureStatsItem[];
  hasQuiz: boolean;
}

/**
 * The members of the org and how far each got with the lecture (the share covered and whether it is
 * complete, never the time watched); who has not finished comes first.
 */
export default function LectureStatsList({ items, hasQuiz }: Props) {
  return (
    <View className="zb-lstats-list">
      <View className="zb-lstats-list__head">
        <Text className="zb-lstats-list__who">党员</Text>
        <Text className="zb-lstats-list__time">进度</Text>
        <Text className="zb-lstats-list__status">状态</Text>
        {hasQuiz ? <Text className="zb-lstats-list__quiz">测验</Text> : null}
      </View>
      {items.map((item) => {
        const status = studyStatus(item);
        return (
          <View key={item.memberId} className="zb-lstats-list__row e2e-lecture-stats-row" data-member={item.memberId}>
            <View className="zb-lstats-list__who">
              <Text className="zb-lstats-list__name">
                {item.name}
                {item.partyStatus ? (
                  <StatusTag tone="gold" className="zb-lstats-list__way e2e-lecture-stats-way">
                    {CANDIDATE_TAGS[item.partyStatus]}
                  </StatusTag>
                ) : null}
              </Text>
              <Text className="zb-lstats-list__when">
                {item.watchedAt ? `最近学习 ${formatDateTime(item.watchedAt)}` : '还没有学习记录'}
              </Text>
              <View className="zb-lstats-list__track">
                <View
                  className={`zb-lstats-list__fill zb-lstats-list__fill--${status}`}
                  style={{ width: progressText(item) }}
                />
              </View>
            </View>
            <Text className="zb-lstats-list__time e2e-lecture-stats-progress">{progressText(item)}</Text>
            <View className="zb-lstats-list__status">
              <StatusTag tone={STUDY_STATUS_TONES[status]} className="e2e-lecture-stats-status">
                {STUDY_STATUS_LABELS[status]}
              </StatusTag>
            </View>
            {hasQuiz ? (
              <Text
                className={`zb-lstats-list__quiz ${item.quizPassed ? 'zb-lstats-list__quiz--passed' : ''} e2e-lecture-stats-quiz`}
              >
                {quizText(item.quizPassed, item.started)}
              </Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
