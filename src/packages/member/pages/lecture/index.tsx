import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect } from 'react';
import type { LectureDetail } from '@contracts';
import LecturePlayer from '@/features/lectures/components/LecturePlayer';
import LectureProgress from '@/features/lectures/components/LectureProgress';
import LectureQuiz from '@/features/lectures/components/LectureQuiz';
import MemberOnly from '@/features/identity/components/MemberOnly';
import PageShell from '@/components/PageShell';
import StatusTag from '@/components/StatusTag';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { useLectureDetail } from '@/features/lectures/hooks/useLectureDetail';
import { useLectureHeartbeat } from '@/features/lectures/hooks/useLectureHeartbeat';
import { useLectureQuiz } from '@/features/lectures/hooks/useLectureQuiz';
import { playerBar } from '@/features/lectures/model/player';
import { toastSuccess } from '@/utils/feedback';
import './index.scss';

type Quiz = NonNullable<LectureDetail['quiz']>;

const awardToast = (points: number) => toastSuccess(points > 0 ? `已完成 +${points}分` : '已完成学习');

function QuizSection(props: {
  lecture: LectureDetail;
  quiz: Quiz;
  watched: boolean;
  points: number | null;
  onPassed: (awarded: number | null) => void;
}) {
  const { lecture, quiz, watched, points, onPassed } = props;
  const state = useLectureQuiz(lecture.id, quiz.questions, onPassed);
  return (
    <LectureQuiz
      quiz={quiz}
      watched={watched}
      passedBefore={lecture.progress.quizPassed === true}
      points={points}
      pointsNote={lecture.pointsNote}
      draft={state.draft}
      result={state.result}
      submitting={state.submitting}
      onChoose={state.choose}
      onSubmit={() => void state.submit()}
      onRetry={state.retry}
    />
  );
}

function Watch({ lecture }: { lecture: LectureDetail }) {
  const { progress, player, markCompleted, phase, commands } = useLectureHeartbeat(lecture, awardToast);
  const quizId = `lecture-quiz-${lecture.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const bar = playerBar({
    phase,
    resumeAt: lecture.position,
    durationS: lecture.durationS,
    hasQuiz: !!lecture.quiz,
    watched: progress.watched,
    completed: progress.completed,
  });
  const toQuiz = useCallback(() => void Taro.pageScrollTo({ selector: `#${quizId}`, duration: 300 }), [quizId]);
  const onPassed = useCallback(
    (awarded: number | null) => {
      markCompleted(awarded);
      if (awarded !== null) awardToast(awarded);
    },
    [markCompleted],
  );

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: lecture.kindLabel });
  }, [lecture.kindLabel]);

  return (
    <PageShell flush className="zb-lecture">
      <LecturePlayer
        src={lecture.videoUrl}
        poster={lecture.coverUrl}
        player={player}
        commands={commands}
        bar={bar}
        onToQuiz={toQuiz}
      />
      <View className="zb-lecture__body">
        <View className="zb-lecture__info">
          <View className="zb-lecture__tags">
            <StatusTag tone="primary">{lecture.kindLabel}</StatusTag>
            {lecture.tags.map((t) => (
              <StatusTag key={t} tone="muted">
                {t}
              </StatusTag>
            ))}
          </View>
          <Text className="zb-lecture__title e2e-lecture-title">{lecture.title}</Text>
          <Text className="zb-lecture__speaker">{`主讲：${lecture.speaker}`}</Text>
          <Text className="zb-lecture__summary">{lecture.summary}</Text>
        </View>
        <LectureProgress
          coveredS={progress.coveredS}
          durationS={lecture.durationS}
          completed={progress.completed}
          points={progress.points}
          rulePoints={lecture.points}
          hasQuiz={!!lecture.quiz}
          pointsNote={lecture.pointsNote}
          offline={progress.offline}
        />
        {lecture.quiz ? (
          <View id={quizId} className="zb-lecture__quiz">
            <QuizSection
              lecture={lecture}
              quiz={lecture.quiz}
              watched={progress.watched}
              points={progress.points}
              onPassed={onPassed}
            />
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}

function Lecture({ id }: { id: string }) {
  const detail = useLectureDetail(id);
  const lecture = detail.data;
  if (!lecture)
    return (
      <PageShell>
        {detail.loading ? <LoadingSkeleton rows={5} /> : <ErrorState error={detail.error} onRetry={detail.reload} />}
      </PageShell>
    );
  // Keyed by id: a new lecture gets a new player session and progress.
  return <Watch key={lecture.id} lecture={lecture} />;
}

/** One lecture or film: the video (resuming where I left off), summary, my progress and the quiz. */
export default function LecturePage() {
  const id = useRouter().params.id ?? '';
  return (
    <MemberOnly
      visitor={{ title: '亮身份后学习微党课', description: '通过支部审核后，即可观看微党课并获得学习积分。' }}
      skeletonRows={5}
    >
      {() => <Lecture id={id} />}
    </MemberOnly>
  );
}
