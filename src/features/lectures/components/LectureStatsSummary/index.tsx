import { Text, View } from '@tarojs/components';
import { percentText, shareOf } from '@/features/lectures/model/lecture-admin';
import './index.scss';

interface Props {
  expected: number;
  started: number;
  completed: number;
  passed: number;
  hasQuiz: boolean;
}

/** 应学 / 已开始 / 已完成 / 测验通过 as large figures, each with a small bar of its share of 应学. */
export default function LectureStatsSummary({ expected, started, completed, passed, hasQuiz }: Props) {
  const figures = [
    { key: 'expected', label: '应学', value: expected, share: expected ? 1 : null },
    { key: 'started', label: '已开始', value: started, share: shareOf(started, expected) },
    { key: 'completed', label: '已完成', value: completed, share: shareOf(completed, expected) },
    ...(hasQuiz ? [{ key: 'passed', label: '测验通过', value: passed, share: shareOf(passed, expected) }] : []),
  ];
  return (
    <View className="zb-lsum">
      <View className="zb-lsum__head">
        <Text className="zb-lsum__title">完成率</Text>
        <Text className="zb-lsum__rate e2e-lecture-stats-rate">{percentText(completed, expected)}</Text>
      </View>
      <View className={`zb-lsum__grid zb-lsum__grid--${figures.length}`}>
        {figures.map((f) => (
          <View key={f.key} className={`zb-lsum__figure zb-lsum__figure--${f.key}`}>
            <Text className={`zb-lsum__value e2e-lecture-stats-${f.key}`}>{String(f.value)}</Text>
            <Text className="zb-lsum__label">{f.label}</Text>
            <View className="zb-lsum__track">
              <View className="zb-lsum__fill" style={{ width: `${Math.round((f.share ?? 0) * 100)}%` }} />
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
