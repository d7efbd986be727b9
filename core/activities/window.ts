import type { ActivityKind, ActivityPhase } from '../../contracts/activity';

export const DEFAULT_OPENS_BEFORE_MIN = 30;
export const DEFAULT_CLOSES_AFTER_MIN = 30;
export const DEFAULT_GRACE_MIN = 5;
/** An activity nobody closed is closed this long after it ends. */
export const AUTO_CLOSE_AFTER_HOURS = 6;

const MINUTE = 60_000;

export interface ActivityTimes {
  startAt: string;
  endAt: string;
  signInFrom: string;
  signInUntil: string;
  graceMinutes: number;
}

export function defaultWindow(startAt: Date): { signInFrom: string; signInUntil: string } {
  return {
    signInFrom: new Date(startAt.getTime() - DEFAULT_OPENS_BEFORE_MIN * MINUTE).toISOString(),
    signInUntil: new Date(startAt.getTime() + DEFAULT_CLOSES_AFTER_MIN * MINUTE).toISOString(),
  };
}

export type SignInVerdict = { ok: true; late: boolean } | { ok: false; reason: 'not_open' | 'closed' };

/** Whether a sign-in at `now` is inside the window, and whether it is late (after start + grace). */
export function signInVerdict(times: ActivityTimes, now: Date): SignInVerdict {
  const t = now.getTime();
  if (t < Date.parse(times.signInFrom)) return { ok: false, reason: 'not_open' };
  if (t > Date.parse(times.signInUntil)) return { ok: false, reason: 'closed' };
  return { ok: true, late: t > Date.parse(times.startAt) + times.graceMinutes * MINUTE };
}

/** Whether a sign-in at `at` counts as late. */
export const isLate = (times: Pick<ActivityTimes, 'startAt' | 'graceMinutes'>, at: Date): boolean =>
  at.getTime() > Date.parse(times.startAt) + times.graceMinutes * MINUTE;

export function phaseOf(
  activity: ActivityTimes & { status: 'active' | 'cancelled' | 'closed' },
  now: Date,
): ActivityPhase {
  if (activity.status === 'cancelled') return 'cancelled';
  if (activity.status === 'closed') return 'closed';
  const t = now.getTime();
  if (t < Date.parse(activity.signInFrom)) return 'upcoming';
  if (t <= Date.parse(activity.signInUntil)) return 'signing';
  if (t <= Date.parse(activity.endAt)) return 'running';
  return 'ended';
}

export const isDueForAutoClose = (endAt: string, now: Date): boolean =>
  now.getTime() >= Date.parse(endAt) + AUTO_CLOSE_AFTER_HOURS * 60 * MINUTE;

/** Which points rule an activity's sign-in earns: 志愿服务 for volunteering, 组织生活 for the rest. */
export const ruleForKind = (kind: ActivityKind): 'org_life' | 'volunteer' =>
  kind === 'volunteer' ? 'volunteer' : 'org_life';

/** Whether missing the activity without leave costs the 无故缺席组织生活 deduction. */
export const deductsAbsence = (kind: ActivityKind): boolean => ruleForKind(kind) === 'org_life';

/** The problem with a set of times, as `[field, message]`, or null. */
export function timesProblem(times: ActivityTimes, now: Date): [string, string] | null {
  const start = Date.parse(times.startAt);
  const end = Date.parse(times.endAt);
  if (end <= start) return ['endAt', '结束时间应晚于开始时间'];
  if (end - start > 7 * 24 * 60 * MINUTE) return ['endAt', '活动最长 7 天'];
  if (start < now.getTime() - 7 * 24 * 60 * MINUTE) return ['startAt', '不能创建 7 天以前的活动'];
  if (start > now.getTime() + 366 * 24 * 60 * MINUTE) return ['startAt', '只能安排一年以内的活动'];
  const from = Date.parse(times.signInFrom);
  const until = Date.parse(times.signInUntil);
  if (until <= from) return ['signInUntil', '签到截止时间应晚于签到开始时间'];
  if (from < start - 24 * 60 * MINUTE) return ['signInFrom', '签到最早在活动开始前 24 小时开放'];
  if (until > end + 2 * 60 * MINUTE) return ['signInUntil', '签到最晚在活动结束后 2 小时截止'];
  return null;
}
