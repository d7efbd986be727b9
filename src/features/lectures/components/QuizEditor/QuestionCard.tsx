import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  OPTION_IDS,
  toggleCorrect,
  withKind,
  type QuestionDraft,
  type QuizErrors,
} from '@/features/lectures/model/lecture-admin';
import { Field } from '@/components/Field';
import SegmentedControl from '@/components/SegmentedControl';

const KINDS = [
  { value: 'single', label: '单选' },
  { value: 'multiple', label: '多选' },
] as const;

interface Props {
  index: number;
  question: QuestionDraft;
  errors: QuizErrors;
  canRemove: boolean;
  onChange: (next: QuestionDraft) => void;
  onRemove: () => void;
}

/** One question: 单选/多选, the prompt, options A–D with the correct ones marked, and the explanation. */
export default function QuestionCard({ index, question: q, errors, canRemove, onChange, onRemove }: Props) {
  const at = `questions.${index}`;
  const patch = (p: Partial<QuestionDraft>) => onChange({ ...q, ...p });
  const setOption = (i: number, text: string) => patch({ options: q.options.map((o, j) => (j === i ? text : o)) });
  const optionsError = errors[`${at}.options`] ?? errors[`${at}.correct`];
  return (
    <View className="zb-quizq e2e-quiz-question">
      <View className="zb-quizq__head">
        <Text className="zb-quizq__no">{`第 ${index + 1} 题`}</Text>
        <SegmentedControl
          options={KINDS}
          value={q.kind}
          className="zb-quizq__kind e2e-quiz-kind"
          onChange={(kind) => onChange(withKind(q, kind))}
        />
        {canRemove ? (
          <Text className="zb-quizq__remove e2e-quiz-remove" onClick={onRemove}>
            删除
          </Text>
        ) : null}
      </View>
      <Field label="题目" required error={errors[`${at}.prompt`]}>
        <Textarea
          className="zb-quizq__text e2e-quiz-prompt"
          value={q.prompt}
          maxlength={300}
          autoHeight
          placeholder="如：中国共产党的根本宗旨是什么？"
          onInput={(e) => patch({ prompt: e.detail.value })}
        />
      </Field>
      <Field
        label={q.kind === 'single' ? '选项（点圆圈标出 1 个正确答案）' : '选项（点方框标出所有正确答案）'}
        required
        error={optionsError}
      >
        <View className="zb-quizq__options">
          {OPTION_IDS.map((id, i) => {
            const correct = q.correct.includes(id);
            return (
              <View key={id} className={`zb-quizq__option ${correct ? 'zb-quizq__option--correct' : ''}`}>
                <View
                  className={`zb-quizq__mark zb-quizq__mark--${q.kind} e2e-quiz-correct-${id}`}
                  onClick={() => patch({ correct: toggleCorrect(q, id) })}
                >
                  <Text>{correct ? '✓' : id}</Text>
                </View>
                <Input
                  className={`zb-quizq__input e2e-quiz-option-${id}`}
                  value={q.options[i] ?? ''}
                  maxlength={200}
                  placeholder={i < 2 ? `选项 ${id}` : `选项 ${id}（可不填）`}
                  placeholderClass="zb-input__placeholder"
                  onInput={(e) => setOption(i, e.detail.value)}
                />
              </View>
            );
          })}
        </View>
      </Field>
      <Field label="答案解析（提交后给党员看）" required error={errors[`${at}.explanation`]}>
        <Textarea
          className="zb-quizq__text e2e-quiz-explanation"
          value={q.explanation}
          maxlength={500}
          autoHeight
          placeholder="说明正确答案的依据"
          onInput={(e) => patch({ explanation: e.detail.value })}
        />
      </Field>
    </View>
  );
}
