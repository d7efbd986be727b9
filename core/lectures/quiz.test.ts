import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markQuiz, publicQuiz, type Quiz, type QuizAnswers, type QuizQuestion, validateQuiz } from './quiz';

const q = (
  id: string,
  kind: QuizQuestion['kind'],
  correct: string[],
  options = ['A', 'B', 'C', 'D'],
): QuizQuestion => ({
  id,
  kind,
  prompt: `问题 ${id}`,
  options: options.map((o) => ({ id: o, text: `选项 ${o}` })),
  correct,
  explanation: `解析 ${id}`,
});

const quiz: Quiz = {
  passMark: 60,
  questions: [q('q1', 'single', ['B']), q('q2', 'single', ['A']), q('q3', 'multiple', ['A', 'C', 'D'])],
};

describe('markQuiz', () => {
  it.each<[string, QuizAnswers, number, boolean, boolean[]]>([
    ['all correct', { q1: 'B', q2: ['A'], q3: ['D', 'A', 'C'] }, 100, true, [true, true, true]],
    ['two of three pass a 60% mark', { q1: 'B', q2: 'A', q3: ['A', 'C'] }, 67, true, [true, true, false]],
    ['one of three fails', { q1: 'B', q2: 'C', q3: ['A', 'B', 'C', 'D'] }, 33, false, [true, false, false]],
    ['multiple choice needs the exact set: a subset is wrong', { q3: ['A', 'C'] }, 0, false, [false, false, false]],
    [
      'multiple choice needs the exact set: a superset is wrong',
      { q3: ['A', 'B', 'C', 'D'] },
      0,
      false,
      [false, false, false],
    ],
    ['a repeated choice counts once', { q1: ['B', 'B'], q3: ['A', 'C', 'D', 'A'] }, 67, true, [true, false, true]],
    ['two choices on a single-choice question are wrong', { q1: ['B', 'C'], q2: 'A' }, 33, false, [false, true, false]],
    ['missing answers are wrong', {}, 0, false, [false, false, false]],
    ['an empty choice is wrong', { q1: [], q2: 'A', q3: [] }, 33, false, [false, true, false]],
    ['unknown options are wrong', { q1: 'Z', q2: 'A', q3: ['A', 'C', 'D', 'Z'] }, 33, false, [false, true, false]],
    ['answers to unknown questions are ignored', { q9: 'A', q1: 'B', q2: 'A' }, 67, true, [true, true, false]],
  ])('%s', (_name, answers, score, passed, perQuestion) => {
    const mark = markQuiz(quiz, answers);
    expect(mark.score).toBe(score);
    expect(mark.passed).toBe(passed);
    expect(mark.results.map((r) => r.correct)).toEqual(perQuestion);
    expect(mark.total).toBe(3);
    expect(mark.correctCount).toBe(perQuestion.filter(Boolean).length);
  });

  it('explains every question and names the correct options in the quiz order', () => {
    const mark = markQuiz(quiz, { q1: 'C', q3: ['D', 'A'] });
    expect(mark.results).toEqual([
      { questionId: 'q1', correct: false, chosen: ['C'], correctOptions: ['B'], explanation: '解析 q1' },
      { questionId: 'q2', correct: false, chosen: [], correctOptions: ['A'], explanation: '解析 q2' },
      { questionId: 'q3', correct: false, chosen: ['A', 'D'], correctOptions: ['A', 'C', 'D'], explanation: '解析 q3' },
    ]);
  });

  it.each([
    [60, 3, 5, true],
    [60, 2, 5, false],
    [80, 4, 5, true],
    [67, 2, 3, false],
    [66, 2, 3, true],
    [100, 4, 4, true],
  ])(
    'pass mark %s%%: %s of %s correct → passed %s (exact fractions, not the rounded score)',
    (passMark, right, n, passed) => {
      const questions = Array.from({ length: n }, (_, i) => q(`q${i}`, 'single', ['A']));
      const answers = Object.fromEntries(questions.map((x, i) => [x.id, i < right ? 'A' : 'B']));
      expect(markQuiz({ passMark, questions }, answers).passed).toBe(passed);
    },
  );

  it('tolerates junk answers without crashing', () => {
    const junk = { q1: 7, q2: [null, 'A'], q3: { A: true } } as unknown as QuizAnswers;
    const mark = markQuiz(quiz, junk);
    expect(mark.results.map((r) => r.correct)).toEqual([false, true, false]);
    expect(markQuiz(quiz, null as unknown as QuizAnswers).score).toBe(0);
  });

  it('ignores inherited properties as answers', () => {
    const answers = Object.create({ q1: 'B' }) as QuizAnswers;
    expect(markQuiz(quiz, answers).results[0].correct).toBe(false);
  });
});

describe('publicQuiz', () => {
  it('hides the correct answers and explanations', () => {
    const view = publicQuiz(quiz);
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/correct|explanation|解析/);
    expect(view.questions.map((x) => x.options.length)).toEqual([4, 4, 4]);
    expect(view.passMark).toBe(60);
  });
});

describe('validateQuiz', () => {
  it('accepts a valid quiz', () => {
    expect(validateQuiz(quiz)).toEqual([]);
  });

  const broken = (mutate: (x: Quiz) => void): Quiz => {
    const copy = structuredClone(quiz);
    mutate(copy);
    return copy;
  };

  it.each<[string, Quiz, string]>([
    ['no questions', { passMark: 60, questions: [] }, 'questions'],
    ['a pass mark of 0', broken((x) => (x.passMark = 0)), 'passMark'],
    ['a pass mark over 100', broken((x) => (x.passMark = 120)), 'passMark'],
    ['one option only', broken((x) => (x.questions[0].options = [{ id: 'B', text: '是' }])), 'questions.0.options'],
    [
      'single choice with two correct answers',
      broken((x) => (x.questions[0].correct = ['A', 'B'])),
      'questions.0.correct',
    ],
    ['single choice with no correct answer', broken((x) => (x.questions[1].correct = [])), 'questions.1.correct'],
    ['multiple choice with one correct answer', broken((x) => (x.questions[2].correct = ['A'])), 'questions.2.correct'],
    ['a correct answer that is not an option', broken((x) => (x.questions[0].correct = ['E'])), 'questions.0.correct'],
    ['a correct answer listed twice', broken((x) => (x.questions[2].correct = ['A', 'A', 'C'])), 'questions.2.correct'],
    ['duplicate question ids', broken((x) => (x.questions[1].id = 'q1')), 'questions.1.id'],
    ['duplicate option ids', broken((x) => (x.questions[0].options[1].id = 'A')), 'questions.0.options.1.id'],
    ['an empty option text', broken((x) => (x.questions[0].options[2].text = ' ')), 'questions.0.options.2.text'],
    ['an empty prompt', broken((x) => (x.questions[0].prompt = '')), 'questions.0.prompt'],
    ['no explanation', broken((x) => (x.questions[2].explanation = '')), 'questions.2.explanation'],
    ['an unknown kind', broken((x) => (x.questions[0].kind = 'essay' as 'single')), 'questions.0.kind'],
    [
      'too many options',
      broken((x) => (x.questions[0].options = 'ABCDEFGHIJK'.split('').map((id) => ({ id, text: id })))),
      'questions.0.options',
    ],
  ])('rejects %s', (_name, bad, path) => {
    const problems = validateQuiz(bad);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.every((p) => p.message.length > 0)).toBe(true);
  });
});

describe('the demo quiz', () => {
  it('is valid and passes with the right answers', () => {
    const file = join(__dirname, '../../host/demo/lectures/catalogue.json');
    const catalogue = JSON.parse(readFileSync(file, 'utf8')) as { items: Array<{ quiz?: Quiz }> };
    const quizzes = catalogue.items.filter((x) => x.quiz).map((x) => x.quiz as Quiz);
    expect(quizzes).toHaveLength(1);
    const [demo] = quizzes;
    expect(validateQuiz(demo)).toEqual([]);
    expect(demo.passMark).toBe(60);
    expect(demo.questions.map((x) => x.kind).sort()).toEqual(['multiple', 'single', 'single']);
    const right = Object.fromEntries(demo.questions.map((x) => [x.id, x.correct]));
    expect(markQuiz(demo, right)).toMatchObject({ score: 100, passed: true });
  });
});
