import { useCallback, useState } from 'react';
import type { PublicQuestion, QuizResultView } from '@contracts';
import { quizPayload, toggleAnswer, unansweredNumbers, type QuizDraft } from '@/features/lectures/model/lectures';
import { submitQuiz } from '@/features/lectures/services/lecture';
import { toastInfo } from '@/utils/feedback';
import { useSubmit } from '@/hooks/useFormSubmit';

/**
 * A lecture's quiz: the answers being chosen, submission and the marked result. `retry` clears the
 * answers for another attempt; `onPassed` gets the points the passing submission awarded (null
 * when it awarded none now, e.g. passed before).
 */
export function useLectureQuiz(
  lectureId: string,
  questions: readonly PublicQuestion[],
  onPassed: (awarded: number | null) => void,
) {
  const [draft, setDraft] = useState<QuizDraft>({});
  const [result, setResult] = useState<QuizResultView | null>(null);
  const { busy, send } = useSubmit<'submit'>();
  const submitting = busy !== '';

  const choose = useCallback(
    (question: PublicQuestion, optionId: string) => {
      if (result) return;
      setDraft((d) => toggleAnswer(d, question, optionId));
    },
    [result],
  );

  const submit = useCallback(async () => {
    if (submitting || result) return;
    const missing = unansweredNumbers(draft, questions);
    if (missing.length) {
      toastInfo(`还有第 ${missing.join('、')} 题未作答`);
      return;
    }
    await send('submit', () => submitQuiz(lectureId, quizPayload(draft, questions)), {
      onDone: (marked) => {
        setResult(marked);
        if (marked.passed) onPassed(marked.awarded);
      },
    });
  }, [draft, lectureId, onPassed, questions, result, send, submitting]);

  const retry = useCallback(() => {
    setResult(null);
    setDraft({});
  }, []);

  return { draft, result, submitting, choose, submit, retry };
}
