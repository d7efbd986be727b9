import { activitiesStartingIn } from '../queries';
import { activitySchemas, type ActivityOutputs, type AttendanceItem } from '../../../contracts/activity';
import { chinaDate, formatChinaDateTime } from '../../shared/china-time';
import { buildActivityAttendance, buildPeriodAttendance } from '../attendance-sheet';
import { periodRange } from '../../points';
import { action } from '../../runtime/dispatch';
import { invalidInput, notFound } from '../../runtime/errors';
import { countsOf } from './support';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { loadVisibleAttendance, percent, visibleAttendance } from './report';

/** The attendance sheets (Excel): actions of the `sheets` function, over the same attendance the reports show. */
export const exportAttendance = action(
  activitySchemas.exportAttendance,
  async (ctx, input): Promise<ActivityOutputs['exportAttendance']> => {
    const { activity, items, counts } = await loadVisibleAttendance(ctx, input.id);
    const title = `${chinaDate(new Date(activity.startAt))} ${activity.title} 签到表`;
    const content = await buildActivityAttendance(
      title,
      items.map((item) => ({ ...item, atText: item.at ? formatChinaDateTime(new Date(item.at)) : '' })),
      [
        ['活动', activity.title],
        ['时间', formatChinaDateTime(new Date(activity.startAt))],
        ['应到', counts.expected],
        ['出席', counts.present],
        ['迟到', counts.late],
        ['请假', counts.leave],
        ['免参加', counts.exempt],
        [activity.status === 'closed' ? '缺席' : '未签到', counts.absent + counts.pending],
        ['出勤率', percent(counts.rate)],
      ],
    );
    const name = `${title}.xlsx`;
    const { fileID, url } = await ctx.files.publish(name, content);
    return { fileID, url, name };
  },
);

export const exportPeriod = action(
  activitySchemas.exportPeriod,
  async (ctx, input): Promise<ActivityOutputs['exportPeriod']> => {
    const caller = await loadCaller(ctx);
    const tree = await loadTree(ctx);
    requirePermission(caller, tree, 'activity.run', input.orgId);
    const org = tree.get(input.orgId);
    if (!org) throw notFound('组织');
    if (org.kind === 'committee') throw invalidInput('orgId', '请选择党支部或党小组');
    const range = periodRange(input.period, input.date ?? chinaDate(ctx.clock()));
    const activities = await activitiesStartingIn(
      ctx.store,
      org.kind === 'group' ? { orgId: org.id } : { branchId: org.id },
      range,
    );
    // Activities yet to start would count everyone as not signed in: they are left out.
    const now = ctx.clock().toISOString();
    const shown = activities
      .filter((a) => a.status !== 'cancelled' && a.startAt <= now)
      .sort((a, b) => a.startAt.localeCompare(b.startAt));
    const sheets = await Promise.all(shown.map((activity) => visibleAttendance(ctx, caller, tree, activity)));
    const names = new Map<string, string>();
    for (const sheet of sheets) for (const item of sheet.items) names.set(item.memberId, item.name);
    const members = [...names.entries()]
      .sort((a, b) => a[1].localeCompare(b[1], 'zh-Hans-CN'))
      .map(([memberId, name]) => {
        const statuses = sheets.map((s) => s.items.find((i) => i.memberId === memberId)?.status ?? null);
        const own = statuses.filter((s) => s !== null).map((status) => ({ status })) as AttendanceItem[];
        return { name, statuses, rate: percent(countsOf(own).rate) };
      });
    const title = `${org.name} ${range.label} 出勤统计`;
    const content = await buildPeriodAttendance(
      title,
      shown.map((a, i) => ({
        title: a.title,
        date: chinaDate(new Date(a.startAt)).slice(5),
        rate: percent(sheets[i].counts.rate),
      })),
      members,
    );
    const name = `${title}.xlsx`;
    const { fileID, url } = await ctx.files.publish(name, content);
    return { fileID, url, name };
  },
);
