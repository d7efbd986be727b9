import type { QuizResultView } from '../../contracts';
import { optionMark } from './lectures';

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
