import { useCallback, useState } from 'react';
import type { PublicQuestion, QuizResultView } from '@contracts';
import { quizPayload, toggleAnswer, unansweredNumbers, type QuizDraft } from '@/features/lectures/model/lectures';
import { submitQuiz } from '@/features/lectures/services/lecture';
import { toastError, toastInfo } from '@/utils/feedback';

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
  const [submitting, setSubmitting] = useState(false);

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
    setSubmitting(true);
    try {
      const marked = await submitQuiz(lectureId, quizPayload(draft, questions));
      setResult(marked);
      if (marked.passed) onPassed(marked.awarded);
    } catch (e) {
      toastError(e);
    } finally {
      setSubmitting(false);
    }
  }, [draft, lectureId, onPassed, questions, result, submitting]);

  const retry = useCallback(() => {
    setResult(null);
    setDraft({});
  }, []);

  return { draft, result, submitting, choose, submit, retry };
}
