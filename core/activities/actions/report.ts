import { activitySchemas, type ActivityOutputs, type AttendanceItem } from '../../../contracts/activity';
import type { ActivityDoc } from '../documents';
import { phaseOf } from '../window';
import { action } from '../../runtime/dispatch';
import type { OrgTree } from '../../shared/org-tree';
import type { HandlerContext } from '../../runtime/context';
import { countsOf, loadAttendance, loadManagedActivity } from './support';
import type { Caller } from '../../shared/caller';
import { withinCallerScope } from '../../roster';

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/**
 * The activity's attendance as the caller may see it: someone whose scope is a group sees the
 * group's members only, even where the activity also expected others of the branch.
 */
export async function visibleAttendance(ctx: HandlerContext, caller: Caller, tree: OrgTree, activity: ActivityDoc) {
  const sheet = await loadAttendance(ctx, activity);
  const items = await withinCallerScope(ctx, caller, tree, 'activity.run', activity.branchId, sheet.items);
  return items.length === sheet.items.length ? sheet : { items, counts: countsOf(items) };
}

export async function loadVisibleAttendance(ctx: HandlerContext, id: string) {
  const { caller, tree, activity } = await loadManagedActivity(ctx, id, 'activity.run');
  return { activity, ...(await visibleAttendance(ctx, caller, tree, activity)) };
}

export const attendance = action(
  activitySchemas.attendance,
  async (ctx, input): Promise<ActivityOutputs['attendance']> => {
    const { items, counts } = await loadVisibleAttendance(ctx, input.id);
    return { items, counts };
  },
);

const byTimeDesc = (a: AttendanceItem, b: AttendanceItem) => (b.at ?? '').localeCompare(a.at ?? '');

export const live = action(activitySchemas.live, async (ctx, input): Promise<ActivityOutputs['live']> => {
  const { activity, items, counts } = await loadVisibleAttendance(ctx, input.id);
  return {
    counts,
    phase: phaseOf(activity, ctx.clock()),
    signedIn: items.filter((i) => i.status === 'present' || i.status === 'late').sort(byTimeDesc),
    notYet: items.filter((i) => i.status === 'expected' || i.status === 'absent'),
    onLeave: items.filter((i) => i.status === 'leave' || i.status === 'exempt'),
  };
});
