import {
  ACTIVITY_KIND_LABELS,
  CADENCE_KINDS,
  SILENT_AFTER_DAYS,
  type CadenceKind,
  type CadencePeriod,
} from '../../contracts/labels/activity';
import type { CadenceItem } from '../../contracts/activity';
import { chinaDate } from '../shared/china-time';
import { periodRange, periodsOfDate } from '../points';
import type { ActivityDoc } from './documents';

/**
 * The 三会一课 cadence of the 中国共产党支部工作条例（试行）, as plain arithmetic over China-time
 * calendar dates (`YYYY-MM-DD`): which kind is due how often, the periods a date falls in, and
 * whether a branch's activities meet them. The action (actions/cadence.ts) only loads the data.
 */

/** How often each kind is due; 党课 follows the committee's schedule. */
export function cadenceRules(lectureCadence: CadencePeriod): Record<CadenceKind, CadencePeriod> {
  return {
    party_congress: 'quarter',
    committee: 'month',
    group_meeting: 'month',
    theme_day: 'month',
    party_lecture: lectureCadence,
    life_meeting: 'year',
    democratic_review: 'year',
  };
}

/** One period in China time: its key (`2026-12`, `2026-Q4`, `2026`), label, instants and last day. */
export interface PeriodSpan {
  key: string;
  label: string;
  /** ISO instants bounding it: `[from, to)`. */
  from: string;
  to: string;
  firstDay: string;
  lastDay: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOfDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Calendar days from `from` to `to` (`YYYY-MM-DD`), negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The month, quarter or year containing `date`. */
export function periodSpan(period: CadencePeriod, date: string): PeriodSpan {
  const p = periodsOfDate(date);
  const range = periodRange(period, date);
  const key = period === 'month' ? p.monthKey : period === 'quarter' ? p.quarterKey : p.yearKey;
  return {
    key,
    label: range.label,
    from: range.from,
    to: range.to,
    firstDay: chinaDate(new Date(range.from)),
    lastDay: chinaDate(new Date(Date.parse(range.to) - 1)),
  };
}

/** The period before the one containing `date`. */
export function previousSpan(period: CadencePeriod, date: string): PeriodSpan {
  return periodSpan(period, dateOfDayNumber(dayNumber(periodSpan(period, date).firstDay) - 1));
}

/**
 * Held: closed with someone signed in (出席 or 迟到). An activity still open, closed with nobody
 * there, or cancelled meets no obligation.
 */
export const wasHeld = (activity: Pick<ActivityDoc, 'status' | 'closeSummary'>): boolean =>
  activity.status === 'closed' &&
  activity.closeSummary !== null &&
  activity.closeSummary.present + activity.closeSummary.late > 0;

export interface CadenceActivity {
  kind: ActivityDoc['kind'];
  orgId: string;
  startAt: string;
  held: boolean;
}

export interface CadenceInput {
  /** The date asked about, `YYYY-MM-DD` in China. */
  date: string;
  lectureCadence: CadencePeriod;
  /** The branch's activities (its groups' included) over the previous and current periods. */
  activities: CadenceActivity[];
  /** The branch's 党小组 (not archived): each must hold its own 党小组会. */
  groupIds: string[];
  /** When the branch was created: a previous period it did not exist for from its start owes nothing. */
  createdDay: string | null;
}

const STATUS_ORDER = { overdue: 0, due: 1, done: 2 } as const;

/**
 * This period's obligation of each kind (done or due) and the previous period's unmet ones
 * (overdue), overdue first, then by days left. 党小组会: one per 党小组 (the groups that held one
 * count); a branch without groups holds them itself, one a month.
 */
export function evaluateCadence(input: CadenceInput): CadenceItem[] {
  const rules = cadenceRules(input.lectureCadence);
  const items: CadenceItem[] = [];
  for (const kind of CADENCE_KINDS) {
    const every = rules[kind];
    const spans: Array<[PeriodSpan, boolean]> = [
      [previousSpan(every, input.date), true],
      [periodSpan(every, input.date), false],
    ];
    for (const [span, past] of spans) {
      if (past && input.createdDay !== null && input.createdDay > span.firstDay) continue;
      const inSpan = input.activities.filter(
        (a) => a.kind === kind && a.held && a.startAt >= span.from && a.startAt < span.to,
      );
      const byGroups = kind === 'group_meeting' && input.groupIds.length > 0;
      const required = byGroups ? input.groupIds.length : 1;
      const held = byGroups
        ? new Set(inSpan.map((a) => a.orgId).filter((id) => input.groupIds.includes(id))).size
        : inSpan.length;
      const met = held >= required;
      if (past && met) continue;
      items.push({
        kind,
        kindLabel: ACTIVITY_KIND_LABELS[kind],
        every,
        period: span.key,
        periodLabel: span.label,
        dueDate: span.lastDay,
        required,
        held,
        status: past ? 'overdue' : met ? 'done' : 'due',
        daysLeft: daysBetween(input.date, span.lastDay),
      });
    }
  }
  return items.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.daysLeft - b.daysLeft);
}

/**
 * Days from the start of the last held activity to `date`; null if none was ever held. 静默 at 30
 * days, or with none ever once the branch is 30 days old.
 */
export function silence(
  lastHeldStartAt: string | null,
  date: string,
  createdDay: string | null,
): { silentDays: number | null; silent: boolean } {
  if (lastHeldStartAt === null)
    return { silentDays: null, silent: createdDay === null || daysBetween(createdDay, date) >= SILENT_AFTER_DAYS };
  const silentDays = Math.max(0, daysBetween(chinaDate(new Date(lastHeldStartAt)), date));
  return { silentDays, silent: silentDays >= SILENT_AFTER_DAYS };
}
