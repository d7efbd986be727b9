import type { ActivityDoc } from '../activities';
import type { Store } from '../shared/collections';
import type { NoticeDoc } from './documents';

/**
 * Every read of the notices' collections (and the timer's of activities) that is not by id. Each is
 * served by an index of `core/store/schema.ts`: `queries.plan.test.ts` proves it.
 */

/** Up to `limit` of a member's notices from `skip`, newest first. */
export const noticesOfMember = (store: Store, memberId: string, skip: number, limit: number): Promise<NoticeDoc[]> =>
  store.query('notices', {
    where: { memberId },
    orderBy: [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    skip,
    limit,
  });

/** Up to `limit` of a member's unread notices, oldest first. */
export const unreadOfMember = (store: Store, memberId: string, limit: number): Promise<NoticeDoc[]> =>
  store.query('notices', { where: { memberId, read: false }, orderBy: [['at', 'asc']], limit });

export const unreadCount = (store: Store, memberId: string): Promise<number> =>
  store.count('notices', { memberId, read: false });

/** Up to `limit` notices whose subscribe message is still to send, written within `[from, to)`, oldest first. */
export const pendingPushes = (
  store: Store,
  range: { from?: string; to?: string },
  limit: number,
): Promise<NoticeDoc[]> =>
  store.query('notices', {
    where: {
      push: 'pending',
      at: { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) },
    },
    orderBy: [['at', 'asc']],
    limit,
  });

/** Up to `limit` activities not closed or cancelled that end at or after `from`, soonest first. */
export const activeActivitiesEndingFrom = (store: Store, from: string, limit: number): Promise<ActivityDoc[]> =>
  store.query('activities', {
    where: { status: 'active', endAt: { $gte: from } },
    orderBy: [['endAt', 'asc']],
    limit,
  });
