import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { LectureDetail, QuizResultView } from '@contracts';
import {
  completionText,
  kindNote,
  optionLetter,
  optionLetters,
  optionMark,
  quizHeadline,
  type QuizDraft,
} from '@/features/lectures/model/lectures';
import './index.scss';

type Quiz = NonNullable<LectureDetail['quiz']>;
type QuestionResult = QuizResultView['results'][number];

/** 回答正确; 回答错误 with the right options once they are shown (after a pass). */
function verdict(options: Quiz['questions'][number]['options'], r: QuestionResult): string {
  if (r.correct) return '回答正确';
  return r.correctOptions ? `回答错误，正确答案：${optionLetters(options, r.correctOptions)}` : '回答错误';
}

interface Props {
  quiz: Quiz;
  /** Watched to 90 %: the quiz is open. */
  watched: boolean;
  /** Passed in an earlier visit. */
  passedBefore: boolean;
  /** Points the lecture earned, once complete. */
  points: number | null;
  /** Why the lecture earns the member nothing (they published it). */
  pointsNote?: string;
  draft: QuizDraft;
  result: QuizResultView | null;
  submitting: boolean;
  onChoose: (question: Quiz['questions'][number], optionId: string) => void;
  onSubmit: () => void;
  onRetry: () => void;
}

/**
 * 课后测验: locked until the lecture is watched to 90 %; single choice as a radio list, multiple
 * as a checkbox list; after submission the score, passed or not, and per question whether it was
 * right. The correct options and the explanations come only with a pass (the server withholds
 * them before), so a failed attempt says which questions to rethink, with 重新答题.
 */
export default function LectureQuiz(props: Props) {
  const { quiz, watched, passedBefore, points, pointsNote, draft, result, submitting, onChoose, onSubmit, onRetry } =
    props;
  const [reopened, setReopened] = useState(false);
  const count = quiz.questions.length;

  if (!watched)
    return (
      <View className="zb-lquiz zb-lquiz--locked e2e-quiz-locked">
        <Text className="zb-lquiz__caption">课后测验</Text>
        <Text className="zb-lquiz__hint">{`看完 90% 后即可答题：共 ${count} 题，得分 ${quiz.passMark} 分及格。`}</Text>
      </View>
    );

  if (passedBefore && !result && !reopened)
    return (
      <View className="zb-lquiz e2e-quiz-passed">
        <Text className="zb-lquiz__caption">课后测验</Text>
        <Text className="zb-lquiz__hint">测验已通过。</Text>
        <Button fill="outline" type="primary" className="zb-lquiz__again" onClick={() => setReopened(true)}>
          再做一次
        </Button>
      </View>
    );

  const byQuestion = new Map(result?.results.map((r) => [r.questionId, r]) ?? []);
  return (
    <View className="zb-lquiz e2e-quiz">
      <Text className="zb-lquiz__caption">课后测验</Text>
      <Text className="zb-lquiz__hint">{`共 ${count} 题，得分 ${quiz.passMark} 分及格，可多次作答。`}</Text>
      {quiz.questions.map((q, qi) => {
        const chosen = draft[q.id] ?? [];
        const r = byQuestion.get(q.id);
        return (
          <View key={q.id} className="zb-lquiz__question">
            <Text className="zb-lquiz__prompt">
              {`${qi + 1}. ${q.prompt}`}
              <Text className="zb-lquiz__kind">{kindNote(q.prompt, q.kind)}</Text>
            </Text>
            {q.options.map((o, oi) => {
              const mark = optionMark(r, o.id);
              const selected = r ? r.chosen.includes(o.id) : chosen.includes(o.id);
              return (
                <View
                  key={o.id}
                  className={[
                    'zb-lquiz__option',
                    'e2e-quiz-option',
                    selected ? 'zb-lquiz__option--selected' : '',
                    r ? `zb-lquiz__option--${mark}` : '',
                  ].join(' ')}
                  data-question={q.id}
                  data-option={o.id}
                  onClick={() => onChoose(q, o.id)}
                >
                  <View
                    className={`zb-lquiz__marker zb-lquiz__marker--${q.kind} ${selected ? 'zb-lquiz__marker--on' : ''}`}
                  />
                  <Text className="zb-lquiz__letter">{optionLetter(oi)}</Text>
                  <Text className="zb-lquiz__text">{o.text}</Text>
                </View>
              );
            })}
            {r ? (
              <View className={`zb-lquiz__explain ${r.correct ? 'zb-lquiz__explain--right' : ''}`}>
                <Text className="zb-lquiz__verdict e2e-quiz-verdict">{verdict(q.options, r)}</Text>
                {r.explanation ? <Text className="zb-lquiz__explanation">{r.explanation}</Text> : null}
              </View>
            ) : null}
          </View>
        );
      })}
      {result ? (
        <View className={`zb-lquiz__result e2e-quiz-result ${result.passed ? 'zb-lquiz__result--passed' : ''}`}>
          <Text className="zb-lquiz__score">{quizHeadline(result)}</Text>
          {result.passed ? (
            <Text className="zb-lquiz__result-note">{completionText(result.awarded ?? points, pointsNote)}</Text>
          ) : (
            <Text className="zb-lquiz__result-note e2e-quiz-retry-note">
              {`需得 ${quiz.passMark} 分及格。请回看课程中与答错题目相关的内容再试一次，通过后可查看正确答案和解析。`}
            </Text>
          )}
          {!result.passed ? (
            <Button type="primary" block className="zb-lquiz__retry e2e-quiz-retry" onClick={onRetry}>
              重新答题
            </Button>
          ) : null}
        </View>
      ) : (
        <Button
          type="primary"
          block
          className="zb-lquiz__submit e2e-quiz-submit"
          loading={submitting}
          disabled={submitting}
          onClick={onSubmit}
        >
          提交答案
        </Button>
      )}
    </View>
  );
}
