import { dueLabel, noteProblem, taskStateLabel, taskTone } from './tasks';

describe('a task’s colour and words', () => {
  it.each([
    [{ status: 'overdue', dueSoon: false, daysLeft: -2 }, 'primary', '已逾期 2 天'],
    [{ status: 'open', dueSoon: true, daysLeft: 0 }, 'gold', '今天截止'],
    [{ status: 'open', dueSoon: true, daysLeft: 3 }, 'gold', '还剩 3 天'],
    [{ status: 'open', dueSoon: false, daysLeft: 4 }, 'muted', '还剩 4 天'],
    [{ status: 'done', dueSoon: false, daysLeft: -5 }, 'success', '已销号'],
  ] as const)('%j is %s, “%s”', (state, tone, label) => {
    expect(taskTone(state)).toBe(tone);
    expect(taskStateLabel(state)).toBe(label);
  });

  it('writes due dates the Chinese way and checks a 销号 note', () => {
    expect(dueLabel('2027-02-08')).toBe('2027年2月8日');
    expect(noteProblem('  ')).toBe('请填写销号说明');
    expect(noteProblem('好'.repeat(501))).toBe('销号说明最多 500 个字');
    expect(noteProblem('已报送')).toBeUndefined();
  });
});
