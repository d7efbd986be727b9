/**
 * How the 三会一课 cadence (activity.cadence) reads on the 工作台: red for overdue, yellow for due,
 * green for done, with the days left in words. Pure: no Taro.
 */
import type { CadenceItem, CadenceView } from '@contracts';
import { CADENCE_STATUS_LABELS } from '@contracts/labels/activity';

export const cadenceStatusLabel = (status: CadenceItem['status']): string => CADENCE_STATUS_LABELS[status];

/** StatusTag's tone: red, yellow or green. */
export function cadenceTone(status: CadenceItem['status']): 'primary' | 'warning' | 'success' {
  if (status === 'overdue') return 'primary';
  if (status === 'due') return 'warning';
  return 'success';
}

/** `还剩 28 天` / `今天截止` / `已逾期 3 天`; a done obligation says how many were held. */
export function cadenceDeadline(item: CadenceItem): string {
  if (item.status === 'done') return `已开展 ${item.held} 次`;
  if (item.status === 'overdue') return `已逾期 ${-item.daysLeft} 天`;
  return item.daysLeft === 0 ? '今天截止' : `还剩 ${item.daysLeft} 天`;
}

/** `第一党小组会 1/2`: how many of the required were held, when more than one is required. */
export function cadenceProgress(item: CadenceItem): string {
  return item.required > 1 ? `${item.held}/${item.required} 个党小组` : '';
}

/** The card's one-line summary: `2 项逾期，5 项待完成，1 项已完成`. */
export function cadenceSummary(view: Pick<CadenceView, 'items'>): string {
  const count = (status: CadenceItem['status']) => view.items.filter((i) => i.status === status).length;
  const parts = [
    count('overdue') ? `${count('overdue')} 项逾期` : '',
    count('due') ? `${count('due')} 项待完成` : '',
    count('done') ? `${count('done')} 项已完成` : '',
  ].filter(Boolean);
  return parts.join('，') || '本期没有应开展的会议';
}

/** 静默 in words: `静默 45 天` (no activity held for 30 days or more), `尚未开展活动`, or null. */
export function silenceText(view: Pick<CadenceView, 'silent' | 'silentDays'>): string | null {
  if (!view.silent) return null;
  return view.silentDays === null ? '静默：尚未开展活动' : `静默 ${view.silentDays} 天`;
}

/** Under the title: days since the last held activity, when there was one. */
export function lastHeldText(view: Pick<CadenceView, 'silentDays'>): string {
  if (view.silentDays === null) return '尚未开展过活动';
  return view.silentDays === 0 ? '今天开展了活动' : `距上次活动 ${view.silentDays} 天`;
}
