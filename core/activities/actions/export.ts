import { activitiesStartingIn } from '../queries';
import {
  activitySchemas,
  type ActivityCounts,
  type ActivityOutputs,
  type AttendanceItem,
} from '../../../contracts/activity';
import { chinaDate } from '../../shared/china-time';
import { buildActivityAttendance, buildPeriodAttendance, identityOf, minutesBetween } from '../attendance-sheet';
import { periodRange } from '../../points';
import { action } from '../../runtime/dispatch';
import { invalidInput, notFound } from '../../runtime/errors';
import { countsOf, loadManagedActivity } from './support';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { loadSameNameTags } from '../../shared/same-name';
import { loadVisibleAttendance, visibleAttendance } from './report';
import { meetingRecordView } from './record';
import { buildMeetingRecord } from '../record-sheet';

/** The attendance sheets (Excel): actions of the `sheets` function, over the same attendance the reports show. */
export const exportAttendance = action(
  activitySchemas.exportAttendance,
  async (ctx, input): Promise<ActivityOutputs['exportAttendance']> => {
    const { activity, items, counts } = await loadVisibleAttendance(ctx, input.id);
    const tree = await loadTree(ctx);
    const tags = await loadSameNameTags(ctx.store, tree, items);
    const closed = activity.status === 'closed';
    const content = await buildActivityAttendance(
      { org: tree.get(activity.orgId)?.name ?? '', exportedAt: ctx.clock() },
      { title: activity.title, startAt: activity.startAt, endAt: activity.endAt, closed },
      items.map((item) => ({ ...item, tag: tags.get(item.memberId) ?? '' })),
      [
        ['活动', activity.title],
        ['开始时间', { kind: 'dateTime', value: activity.startAt }],
        ['时长（分钟）', minutesBetween(activity.startAt, activity.endAt)],
        ['活动状态', closed ? '已结束' : '未结束'],
        ['应到', counts.expected],
        ['出席', counts.present],
        ['迟到', counts.late],
        ['请假', counts.leave],
        ['免参加', counts.exempt],
        // While it is open, who has not signed in is not absent yet.
        [closed ? '缺席' : '未签到', counts.absent + counts.pending],
        [closed ? '出勤率' : '出勤率（截至导出时）', { kind: 'percent', value: counts.rate }],
        // The figures above are the Party members'; people on the way are counted apart.
        ...(counts.onTheWay ? [onTheWayRow(counts.onTheWay, closed)] : []),
      ],
    );
    const name = `${chinaDate(new Date(activity.startAt))} ${activity.title} 签到表.xlsx`;
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
    // One still open has not settled who is absent: it is shown, and counts in no rate.
    const open = shown.map((a) => a.status !== 'closed');
    const sheets = await Promise.all(shown.map((activity) => visibleAttendance(ctx, caller, tree, activity)));
    const names = new Map<string, string>();
    const identities = new Map<string, string>();
    for (const sheet of sheets)
      for (const item of sheet.items) {
        names.set(item.memberId, item.name);
        if (!item.guest) identities.set(item.memberId, identityOf(item));
      }
    const tags = await loadSameNameTags(
      ctx.store,
      tree,
      [...names].map(([memberId, name]) => ({ memberId, name })),
    );
    const members = [...names.entries()].map(([memberId, name]) => {
      const found = sheets.map((s) => s.items.find((i) => i.memberId === memberId));
      const own = found.filter((item, i): item is AttendanceItem => Boolean(item) && !open[i]);
      // Someone on the way: their rate over the activities that expected them (countsOf counts them apart).
      const counts = countsOf(own);
      return {
        name,
        tag: tags.get(memberId) ?? '',
        identity: identities.get(memberId) ?? identityOf({ ...found.find(Boolean), guest: false }),
        statuses: found.map((item) => item?.status ?? null),
        rate: (counts.onTheWay ?? counts).rate,
      };
    });
    const content = await buildPeriodAttendance(
      { org: org.name, period: range.label, exportedAt: ctx.clock() },
      shown.map((a, i) => ({
        title: a.title,
        startAt: a.startAt,
        inProgress: open[i],
        rate: open[i] ? null : sheets[i].counts.rate,
      })),
      members,
    );
    const name = `${org.name} ${range.label} 出勤统计.xlsx`;
    const { fileID, url } = await ctx.files.publish(name, content);
    return { fileID, url, name };
  },
);

/** One line for the people on the way on an activity's sheet: in no rate. */
const onTheWayRow = (w: NonNullable<ActivityCounts['onTheWay']>, closed: boolean): [string, string] => [
  '入党积极分子等（不计入出勤率）',
  `应到 ${w.expected} 人，已签到 ${w.present + w.late - w.guests} 人，请假 ${w.leave} 人，` +
    `${closed ? '缺席' : '未签到'} ${w.absent + w.pending} 人，列席 ${w.guests} 人`,
];

/** The 会议记录 as a printable A4 page, once it has been written. */
export const exportRecord = action(
  activitySchemas.exportRecord,
  async (ctx, input): Promise<ActivityOutputs['exportRecord']> => {
    const { caller, tree, activity } = await loadManagedActivity(ctx, input.id, 'activity.run');
    const view = await meetingRecordView(ctx, caller, tree, activity);
    if (!view.record) throw notFound('会议记录');
    const content = await buildMeetingRecord(view, ctx.clock());
    const name = `${chinaDate(new Date(activity.startAt))} ${activity.title} 会议记录.xlsx`;
    const { fileID, url } = await ctx.files.publish(name, content);
    return { fileID, url, name };
  },
);
