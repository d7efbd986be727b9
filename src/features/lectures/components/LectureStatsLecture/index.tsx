import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { manageLine } from '@/features/lectures/model/lecture-admin';
import type { LectureStatsState } from '@/features/lectures/hooks/useLectureStats';
import { go, ROUTES } from '@/utils/routes';
import { SelectField } from '@/components/Field';
import LectureStatsList from '@/features/lectures/components/LectureStatsList';
import LectureStatsSummary from '@/features/lectures/components/LectureStatsSummary';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import RemindButton from '@/components/RemindButton';
import { remindUnfinished } from '@/features/lectures/services/lecture';
import './index.scss';

interface Props {
  state: LectureStatsState;
  /** Whether the caller may publish lectures (offered when there are none yet). */
  canPublish: boolean;
}

/** 按课程: pick a lecture, see the org's figures and who has (not) finished it, export the table. */
export default function LectureStatsLecture({ state, canPublish }: Props) {
  const { lectures, options, lectureId, lecture, stats } = state;
  if (lectures.error && !lectures.loaded) return <ErrorState error={lectures.error} onRetry={lectures.reload} />;
  if (!lectures.loaded) return <LoadingSkeleton rows={5} cards={2} />;
  if (!options.length)
    return (
      <EmptyState
        title="还没有课程"
        description="发布微党课或教育片后，可以在这里看到每位党员看了多久、是否学完、测验是否通过。"
        actionText={canPublish ? '发布课程' : undefined}
        onAction={() => go(ROUTES.lecturePublish)}
      />
    );

  let body;
  if (stats.error) body = <ErrorState error={stats.error} onRetry={stats.reload} />;
  else if (!stats.data) body = <LoadingSkeleton rows={6} cards={2} />;
  else
    body = (
      <View className="e2e-lecture-stats">
        <LectureStatsSummary
          expected={stats.data.expected}
          started={stats.data.started}
          completed={stats.data.completed}
          passed={stats.data.passed}
          hasQuiz={!!lecture?.hasQuiz}
        />
        {stats.data.onTheWay ? (
          <Text className="zb-lstats__hint e2e-lecture-stats-way-line">
            {`以上只计党员。发展对象、积极分子已完成 ${stats.data.onTheWay.completed} / ${stats.data.onTheWay.expected} 人（不计入完成率）`}
          </Text>
        ) : null}
        <View className="zb-lstats__bar">
          <Text className="zb-lstats__hint">未学完的党员排在前面</Text>
          <Button
            size="small"
            fill="outline"
            type="primary"
            loading={state.exporting}
            className="e2e-lecture-export"
            onClick={() => void state.exportExcel()}
          >
            导出 Excel
          </Button>
        </View>
        {canPublish && lecture?.published && stats.data.expected > stats.data.completed ? (
          <RemindButton
            text={`提醒未学习（${stats.data.expected - stats.data.completed} 人）`}
            send={() => remindUnfinished(lectureId, state.orgId)}
            className="zb-lstats__remind e2e-remind-study"
          />
        ) : null}
        {stats.data.items.length ? (
          <LectureStatsList items={stats.data.items} hasQuiz={!!lecture?.hasQuiz} />
        ) : (
          <EmptyState title="没有在册党员" description="在「花名册」添加党员后，这里会显示每人的学习情况。" />
        )}
      </View>
    );

  return (
    <>
      <View className="zb-lstats__panel">
        <SelectField
          label="课程"
          options={options}
          value={lectureId}
          pickerClassName="e2e-lecture-stats-lecture"
          onChange={state.setLectureId}
        />
        {lecture ? <Text className="zb-lstats__meta">{manageLine(lecture)}</Text> : null}
      </View>
      {body}
    </>
  );
}
