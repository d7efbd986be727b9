import type { QuizResultView } from '@contracts';
import { completionText, optionMark, ruleText } from './lectures';

/** Before a pass the server withholds the right options: only the member's own choices can be marked. */
describe('optionMark with the answers withheld (not passed yet)', () => {
  const result = (correct: boolean): QuizResultView['results'][number] => ({
    questionId: 'q1',
    correct,
    chosen: ['a', 'c'],
    correctOptions: null,
    explanation: null,
  });

  it.each<[label: string, correct: boolean, option: string, mark: ReturnType<typeof optionMark>]>([
    ['a right answer marks the chosen options right', true, 'a', 'correct'],
    ['a right answer leaves the others plain', true, 'b', 'plain'],
    ['a wrong answer does not tell which choice was wrong', false, 'a', 'plain'],
    ['a wrong answer does not tell which was missed', false, 'b', 'plain'],
  ])('%s', (_label, correct, option, mark) => {
    expect(optionMark(result(correct), option)).toBe(mark);
  });
});

describe('the publisher of a lecture is told why it earns nothing', () => {
  it.each<[points: number | null, note: string | undefined, text: string]>([
    [0, '本人发布的课程，学习不计分', '已完成（本人发布的课程，学习不计分）'],
    [0, undefined, '已完成（本月学习积分已达上限）'],
    [1, undefined, '已完成，获得 1 分'],
  ])('completion with %s points and note %s', (points, note, text) => {
    expect(completionText(points, note)).toBe(text);
  });

  it('the rule line says so instead of the points', () => {
    expect(ruleText(0, false, '本人发布的课程，学习不计分')).toBe('看完 90% 即完成（本人发布的课程，学习不计分）');
    expect(ruleText(1, true)).toBe('看完 90% 并通过测验即完成，可得 1 分（每月上限见积分规则）');
  });
});
