import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { newQuestion, nextQuestionKey, type QuizDraft, type QuizErrors } from '@/features/lectures/model/lecture-admin';
import { Field } from '@/components/Field';
import QuestionCard from './QuestionCard';
import './index.scss';

const MAX_QUESTIONS = 50;

interface Props {
  draft: QuizDraft;
  /** Keyed `passMark`, `questions`, `questions.<i>.<part>` (see domain/lecture-admin). */
  errors: QuizErrors;
  /** The new draft and which part changed (`''`: questions added or removed). */
  onChange: (next: QuizDraft, touched: string) => void;
}

/** 课后测验: single- and multiple-choice questions with options A–D, explanations and a pass mark. */
export default function QuizEditor({ draft, errors, onChange }: Props) {
  const setQuestion = (index: number, q: QuizDraft['questions'][number]) =>
    onChange({ ...draft, questions: draft.questions.map((x, i) => (i === index ? q : x)) }, `questions.${index}`);
  const add = () =>
    onChange({ ...draft, questions: [...draft.questions, newQuestion(nextQuestionKey(draft))] }, 'questions');
  const remove = (index: number) =>
    onChange({ ...draft, questions: draft.questions.filter((_, i) => i !== index) }, '');

  return (
    <View className="zb-quiz e2e-quiz-editor">
      {errors.questions ? <Text className="zb-field__error e2e-quiz-error">{errors.questions}</Text> : null}
      {draft.questions.map((q, i) => (
        <QuestionCard
          key={q.key}
          index={i}
          question={q}
          errors={errors}
          canRemove={draft.questions.length > 1}
          onChange={(next) => setQuestion(i, next)}
          onRemove={() => remove(i)}
        />
      ))}
      <Button
        block
        fill="dashed"
        type="primary"
        disabled={draft.questions.length >= MAX_QUESTIONS}
        className="zb-quiz__add e2e-quiz-add"
        onClick={add}
      >
        ＋ 添加题目
      </Button>
      <Field label="及格线" required error={errors.passMark} hint="答对题目的比例达到及格线即通过；没通过可以重做。">
        <View className="zb-quiz__mark">
          <Input
            className="zb-quiz__mark-input e2e-quiz-passmark"
            type="number"
            maxlength={3}
            value={draft.passMark}
            onInput={(e) => onChange({ ...draft, passMark: e.detail.value }, 'passMark')}
          />
          <Text className="zb-quiz__unit">%</Text>
        </View>
      </Field>
    </View>
  );
}
