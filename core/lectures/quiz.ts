/**
 * Lecture quizzes: definition, validation, the public view (no answers) and marking.
 * Pure: no I/O.
 */

export type QuestionKind = 'single' | 'multiple';

export interface QuizOption {
  id: string;
  text: string;
}

export interface QuizQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: QuizOption[];
  /** Ids of the correct options: exactly one for `single`, at least two for `multiple`. */
  correct: string[];
  /** Shown after submission. */
  explanation: string;
}

export interface Quiz {
  /** Percentage (0–100] of questions to answer correctly to pass. */
  passMark: number;
  questions: QuizQuestion[];
}

/** What a member sees before answering. */
export interface PublicQuiz {
  passMark: number;
  questions: Array<Pick<QuizQuestion, 'id' | 'kind' | 'prompt' | 'options'>>;
}

/** Question id → chosen option id(s). */
export type QuizAnswers = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface QuestionResult {
  questionId: string;
  correct: boolean;
  /** The option ids the member chose (deduplicated, in the question's order). */
  chosen: string[];
  correctOptions: string[];
  explanation: string;
}

export interface QuizMark {
  /** Percentage of questions answered correctly, rounded to a whole number. */
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  results: QuestionResult[];
}

export const QUIZ_LIMITS = Object.freeze({ maxQuestions: 50, maxOptions: 10, maxTextLength: 500 });

export interface QuizProblem {
  /** Where, as a dotted path: `passMark`, `questions`, `questions.1.options` … */
  path: string;
  message: string;
}

/** Every problem with a quiz definition; an empty list means the quiz is valid. */
export function validateQuiz(quiz: Quiz): QuizProblem[] {
  const problems: QuizProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const text = (s: unknown) => typeof s === 'string' && s.trim().length > 0 && s.length <= QUIZ_LIMITS.maxTextLength;

  if (typeof quiz.passMark !== 'number' || !(quiz.passMark > 0 && quiz.passMark <= 100))
    add('passMark', '及格线应为 1–100 之间的百分数');
  if (!Array.isArray(quiz.questions) || quiz.questions.length === 0) {
    add('questions', '测验至少要有 1 道题');
    return problems;
  }
  if (quiz.questions.length > QUIZ_LIMITS.maxQuestions) add('questions', `测验最多 ${QUIZ_LIMITS.maxQuestions} 道题`);

  const questionIds = new Set<string>();
  quiz.questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (!text(q.id)) add(`${at}.id`, '题目缺少编号');
    else if (questionIds.has(q.id)) add(`${at}.id`, `题目编号 ${q.id} 重复`);
    else questionIds.add(q.id);
    if (q.kind !== 'single' && q.kind !== 'multiple') add(`${at}.kind`, '题型应为单选或多选');
    if (!text(q.prompt)) add(`${at}.prompt`, '请填写题目');
    if (!text(q.explanation)) add(`${at}.explanation`, '请填写答案解析');

    const options = Array.isArray(q.options) ? q.options : [];
    if (options.length < 2) add(`${at}.options`, '至少要有 2 个选项');
    if (options.length > QUIZ_LIMITS.maxOptions) add(`${at}.options`, `最多 ${QUIZ_LIMITS.maxOptions} 个选项`);
    const optionIds = new Set<string>();
    options.forEach((o, j) => {
      if (!text(o?.id)) add(`${at}.options.${j}.id`, '选项缺少编号');
      else if (optionIds.has(o.id)) add(`${at}.options.${j}.id`, `选项编号 ${o.id} 重复`);
      else optionIds.add(o.id);
      if (!text(o?.text)) add(`${at}.options.${j}.text`, '请填写选项内容');
    });

    const correct = Array.isArray(q.correct) ? q.correct : [];
    if (new Set(correct).size !== correct.length) add(`${at}.correct`, '正确答案重复');
    const unknown = correct.filter((id) => !optionIds.has(id));
    if (unknown.length) add(`${at}.correct`, `正确答案中有不存在的选项：${unknown.join('、')}`);
    if (q.kind === 'single' && correct.length !== 1) add(`${at}.correct`, '单选题只能有 1 个正确答案');
    if (q.kind === 'multiple' && (correct.length < 2 || correct.length > options.length))
      add(`${at}.correct`, '多选题至少要有 2 个正确答案');
  });
  return problems;
}

/** The quiz without its answers and explanations. */
export function publicQuiz(quiz: Quiz): PublicQuiz {
  return {
    passMark: quiz.passMark,
    questions: quiz.questions.map(({ id, kind, prompt, options }) => ({
      id,
      kind,
      prompt,
      options: options.map((o) => ({ id: o.id, text: o.text })),
    })),
  };
}

/** What a member is shown of a marking: the answers and explanations only once the quiz is passed. */
export interface QuizMarkView extends Omit<QuizMark, 'results'> {
  results: Array<
    Omit<QuestionResult, 'correctOptions' | 'explanation'> & {
      correctOptions: string[] | null;
      explanation: string | null;
    }
  >;
}

/**
 * A failed attempt shows which questions were wrong, not the right options or the explanations
 * (an explanation usually states the rule it asks about): otherwise the next attempt is copied, not
 * learned. Passed (now or before), everything is shown.
 */
export function markView(mark: QuizMark, passedEver: boolean): QuizMarkView {
  if (passedEver) return mark;
  return {
    ...mark,
    results: mark.results.map((r) => ({ ...r, correctOptions: null, explanation: null })),
  };
}

const chosenOf = (answer: QuizAnswers[string]): string[] =>
  answer === undefined ? [] : typeof answer === 'string' ? [answer] : Array.isArray(answer) ? [...answer] : [];

/**
 * Marks answers against a (valid) quiz. A question is correct only when the chosen set equals the
 * set of correct options exactly; missing answers, unknown options and, for a single-choice
 * question, more than one choice are wrong. Answers to unknown question ids are ignored.
 */
export function markQuiz(quiz: Quiz, answers: QuizAnswers): QuizMark {
  const given: Record<string, string | readonly string[] | undefined> =
    answers && typeof answers === 'object' ? answers : {};
  const results = quiz.questions.map((q): QuestionResult => {
    const raw = Object.prototype.hasOwnProperty.call(given, q.id) ? given[q.id] : undefined;
    const picked = new Set(chosenOf(raw).filter((id): id is string => typeof id === 'string'));
    const order = new Map(q.options.map((o, i) => [o.id, i]));
    const chosen = [...picked].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
    const right = new Set(q.correct);
    const correct =
      picked.size === right.size &&
      [...picked].every((id) => right.has(id)) &&
      (q.kind === 'multiple' || picked.size === 1);
    return {
      questionId: q.id,
      correct,
      chosen,
      correctOptions: q.options.map((o) => o.id).filter((id) => right.has(id)),
      explanation: q.explanation,
    };
  });
  const total = results.length;
  const correctCount = results.filter((r) => r.correct).length;
  return {
    score: total ? Math.round((correctCount * 100) / total) : 0,
    // Compare exact fractions, not the rounded score.
    passed: total > 0 && correctCount * 100 >= quiz.passMark * total,
    correctCount,
    total,
    results,
  };
}
