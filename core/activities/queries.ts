import type { Store } from '../shared/collections';
import { queryAll } from '../shared/paging';
import type { Filter, SortDirection } from '../store/port';
import type { ActivityDoc, AttendanceDoc, LeaveDoc } from './documents';

/**
 * Every read of the activities' collections (activities, attendance, leaves) that is not by id.
 * Each is served by an index of `core/store/schema.ts`: `queries.plan.test.ts` proves it.
 */

/** Where activities are listed: a branch's (`branchId`) or a group's (`orgId`), with conditions on times and status. */
export type ActivityPlace = { branchId: string } | { orgId: string };

/** An activity's sign-in records. */
export const attendanceOf = (store: Store, activityId: string): Promise<AttendanceDoc[]> =>
  queryAll(store, 'attendance', { activityId });

/** An activity's leave requests. */
export const leavesOf = (store: Store, activityId: string): Promise<LeaveDoc[]> =>
  queryAll(store, 'leaves', { activityId });

/** How many have signed in (present or late) to an activity. */
export const signedInCount = (store: Store, activityId: string): Promise<number> =>
  store.count('attendance', { activityId, status: { $in: ['present', 'late'] } });

/** Up to `limit` active activities that ended at or before `cutoff`, earliest first (of some committees, or of all). */
export const activitiesDue = (
  store: Store,
  cutoff: string,
  committeeIds: string[] | undefined,
  limit: number,
): Promise<ActivityDoc[]> =>
  store.query('activities', {
    where: {
      status: 'active',
      endAt: { $lte: cutoff },
      ...(committeeIds ? { committeeId: { $in: committeeIds } } : {}),
    },
    orderBy: [['endAt', 'asc']],
    limit,
  });

/** One page of a place's activities (`where` starts with an {@link ActivityPlace}) by start time, and how many match. */
export async function activitiesPage(
  store: Store,
  where: ActivityPlace & Filter,
  direction: SortDirection,
  page: number,
  pageSize: number,
): Promise<{ docs: ActivityDoc[]; total: number }> {
  const [docs, total] = await Promise.all([
    store.query('activities', {
      where,
      orderBy: [['startAt', direction]],
      limit: pageSize,
      skip: (page - 1) * pageSize,
    }),
    store.count('activities', where),
  ]);
  return { docs, total };
}

/** The first `limit` of a place's activities by start time. */
export const activitiesWindow = (
  store: Store,
  where: ActivityPlace & Filter,
  direction: SortDirection,
  limit: number,
): Promise<ActivityDoc[]> => store.query('activities', { where, orderBy: [['startAt', direction]], limit });

/** A place's activities starting within `[from, to)`. */
export const activitiesStartingIn = (
  store: Store,
  place: ActivityPlace,
  range: { from: string; to: string },
): Promise<ActivityDoc[]> =>
  queryAll(store, 'activities', { ...place, startAt: { $gte: range.from, $lt: range.to } }, 'startAt');

/** The newest `limit` leave requests in one status of a branch (`where` from `branchDocsOf`). */
export const latestLeavesIn = (
  store: Store,
  where: { branchId: string } & Filter,
  status: LeaveDoc['status'],
  limit: number,
): Promise<LeaveDoc[]> => store.query('leaves', { where: { ...where, status }, orderBy: [['at', 'desc']], limit });

/** A member's sign-ins, oldest first (我的数据). */
export const attendanceOfMember = (store: Store, memberId: string): Promise<AttendanceDoc[]> =>
  queryAll(store, 'attendance', { memberId }, 'at');

/** A member's leave requests, oldest first (我的数据). */
export const leavesOfMember = (store: Store, memberId: string): Promise<LeaveDoc[]> =>
  queryAll(store, 'leaves', { memberId }, 'at');
