import type { Store } from '../shared/collections';
import { queryAll } from '../shared/paging';
import type { LectureDoc, ProgressDoc } from './documents';

/**
 * Every read of the lectures' collections that is not by id. Each is served by an index of
 * `core/store/schema.ts`: `queries.plan.test.ts` proves it.
 */

/** A committee's lectures, newest first (`published` for what members may watch). */
export const lecturesOfCommittee = (store: Store, committeeId: string, published?: boolean): Promise<LectureDoc[]> =>
  queryAll(
    store,
    'lectures',
    published === undefined ? { committeeId } : { committeeId, published },
    'createdAt',
    'desc',
  );

/** What a member watched most recently, at most `limit` lectures. */
export const recentProgressOfMember = (store: Store, memberId: string, limit: number): Promise<ProgressDoc[]> =>
  store.query('lectureProgress', { where: { memberId }, orderBy: [['watchedAt', 'desc']], limit });

/** Everything a member watched, oldest first (我的数据). */
export const progressOfMember = (store: Store, memberId: string): Promise<ProgressDoc[]> =>
  queryAll(store, 'lectureProgress', { memberId }, 'watchedAt');

/** A lecture's progress in one branch. */
export const progressOfLecture = (store: Store, lectureId: string, branchId: string): Promise<ProgressDoc[]> =>
  queryAll(store, 'lectureProgress', { lectureId, branchId });

/** A branch's lectures completed within `[from, to)`. */
export const completedInBranch = (
  store: Store,
  branchId: string,
  range: { from: string; to: string },
): Promise<ProgressDoc[]> =>
  queryAll(store, 'lectureProgress', { branchId, doneAt: { $gte: range.from, $lt: range.to } }, 'doneAt');
