import { activitySchemas, type ActivityOutputs } from '../../../contracts/activity';
import { notifyAll } from '../../notices';
import { action } from '../../runtime/dispatch';
import { conflict } from '../../runtime/errors';
import { phaseOf } from '../window';
import { loadVisibleAttendance } from './report';

/** Taps within this window tell each member once: a secretary tapping twice does not ring phones twice. */
const REMIND_WINDOW_MS = 10 * 60_000;

/**
 * 提醒未签到: while signing in is open, a 消息 (and, where consented, a subscribe message) to each
 * member the caller may see who is expected and has not signed in; those on leave or exempt are not told.
 */
export const remind = action(activitySchemas.remind, async (ctx, input): Promise<ActivityOutputs['remind']> => {
  const { activity, items } = await loadVisibleAttendance(ctx, input.id);
  const now = ctx.clock();
  const phase = phaseOf(activity, now);
  if (phase !== 'signing')
    throw conflict(phase === 'upcoming' ? '签到尚未开始，开始签到后再提醒' : '签到已结束，不能再提醒签到');
  const notYet = items.filter((item) => item.status === 'expected').map((item) => item.memberId);
  const notified = await notifyAll(ctx.store, notYet, {
    kind: 'activity.remind',
    title: `${activity.title}正在签到，请尽快到场扫码签到`,
    link: `/pages/activity/index?id=${activity._id}`,
    key: `activity.remind:${activity._id}:${Math.floor(now.getTime() / REMIND_WINDOW_MS)}`,
    at: now.toISOString(),
    eventAt: activity.startAt,
  });
  return { notYet: notYet.length, notified };
});
