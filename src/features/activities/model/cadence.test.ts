import type { CadenceItem } from '@contracts';
import { cadenceDeadline, cadenceProgress, cadenceSummary, cadenceTone, lastHeldText, silenceText } from './cadence';

const item = (status: CadenceItem['status'], daysLeft: number, more: Partial<CadenceItem> = {}): CadenceItem => ({
  kind: 'committee',
  kindLabel: '支委会',
  every: 'month',
  period: '2026-12',
  periodLabel: '2026年12月',
  dueDate: '2026-12-31',
  required: 1,
  held: status === 'done' ? 1 : 0,
  status,
  daysLeft,
  ...more,
});

describe('the cadence card', () => {
  it.each([
    [item('due', 28), '还剩 28 天', 'warning'],
    [item('due', 0), '今天截止', 'warning'],
    [item('overdue', -3), '已逾期 3 天', 'primary'],
    [item('done', 10, { held: 2 }), '已开展 2 次', 'success'],
  ] as const)('%#: %s', (it_, deadline, tone) => {
    expect(cadenceDeadline(it_)).toBe(deadline);
    expect(cadenceTone(it_.status)).toBe(tone);
  });

  it('says how many groups met when each group must meet', () => {
    expect(cadenceProgress(item('due', 3, { kind: 'group_meeting', required: 2, held: 1 }))).toBe('1/2 个党小组');
    expect(cadenceProgress(item('due', 3))).toBe('');
  });

  it('sums up and flags 静默', () => {
    expect(cadenceSummary({ items: [item('overdue', -3), item('due', 3), item('due', 5), item('done', 5)] })).toBe(
      '1 项逾期，2 项待完成，1 项已完成',
    );
    expect(silenceText({ silent: true, silentDays: 45 })).toBe('静默 45 天');
    expect(silenceText({ silent: true, silentDays: null })).toBe('静默：尚未开展活动');
    expect(silenceText({ silent: false, silentDays: 12 })).toBeNull();
    expect(lastHeldText({ silentDays: 12 })).toBe('距上次活动 12 天');
    expect(lastHeldText({ silentDays: 0 })).toBe('今天开展了活动');
  });
});
