import { Text, View } from '@tarojs/components';
import {
  completionText,
  coveredWhole,
  formatClock,
  progressPercent,
  ruleText,
} from '@/features/lectures/model/lectures';
import LectureBar from '@/features/lectures/components/LectureBar';
import './index.scss';

interface Props {
  coveredS: number;
  durationS: number;
  completed: boolean;
  /** Points the lecture earned, null when not known. */
  points: number | null;
  /** The 学习微党课 rule's value. */
  rulePoints: number;
  hasQuiz: boolean;
  /** Why the lecture earns the member nothing (they published it). */
  pointsNote?: string;
  /** The last heartbeat failed. */
  offline?: boolean;
}

/** 我的进度: watched time against the length, the share, 已完成 with its points, and the rule. */
export default function LectureProgress({
  coveredS,
  durationS,
  completed,
  points,
  rulePoints,
  hasQuiz,
  pointsNote,
  offline,
}: Props) {
  const percent = progressPercent(coveredS, durationS);
  const covered = coveredWhole(coveredS);
  return (
    <View className="zb-lprog">
      <View className="zb-lprog__head">
        <Text className="zb-lprog__caption">我的进度</Text>
        <Text className={`zb-lprog__percent ${completed ? 'zb-lprog__percent--done' : ''}`}>{`${percent}%`}</Text>
      </View>
      <Text className="zb-lprog__time e2e-lecture-covered" data-covered={covered}>
        {`已学 ${formatClock(covered)} / 共 ${formatClock(durationS)}（${covered} 秒）`}
      </Text>
      <LectureBar className="zb-lprog__bar" percent={percent} done={completed} />
      {completed ? (
        <View className="zb-lprog__done e2e-lecture-done">
          <Text className="zb-lprog__check">✓</Text>
          <Text>{completionText(points, pointsNote)}</Text>
        </View>
      ) : null}
      <Text className="zb-lprog__rule e2e-lecture-rule">{ruleText(rulePoints, hasQuiz, pointsNote)}</Text>
      {offline ? <Text className="zb-lprog__offline">网络不稳，学习进度稍后保存</Text> : null}
    </View>
  );
}
