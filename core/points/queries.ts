import type { Store } from '../shared/collections';
import { committeePages, queryAll } from '../shared/paging';
import type { Filter } from '../store/port';
import type { ObjectionDoc } from './documents';
import type { LedgerDoc } from './ledger';
import type { TotalsDoc } from './totals';

/**
 * Every read of the points' collections (ledger, objections) that is not by id. Each is served by
 * an index of `core/store/schema.ts`: `queries.plan.test.ts` proves it.
 */

/**
 * Whose entries: one member's (`memberId`), a branch's (`branchId`), or some members' of a branch
 * (`branchId` with `memberId: { $in }`, from `branchDocsOf`); the ledger is kept by branch.
 */
export type LedgerPlace = { memberId: string | { $in: string[] } } | ({ branchId: string } & Filter);

/** A member's ledger entries, oldest first (我的数据, 自我加分). */
export const ledgerOfMember = (store: Store, memberId: string): Promise<LedgerDoc[]> =>
  queryAll(store, 'ledger', { memberId }, 'at');

/** Which of the place's entries: one 积分项目, part of the member's name, recorded `from` ≤ at < `until`. */
export interface LedgerFilter {
  rule?: string;
  memberName?: string;
  from?: string;
  until?: string;
}

/**
 * One page of entries, newest first, with one entry more than the page when there is a next page
 * (`pageOfRead` tells). The filter narrows within the place's index (`memberId, at` or `branchId, at`).
 */
export const ledgerPageRead = (
  store: Store,
  place: LedgerPlace,
  page: number,
  pageSize: number,
  filter: LedgerFilter = {},
): Promise<LedgerDoc[]> =>
  store.query('ledger', {
    where: {
      ...place,
      ...(filter.rule ? { rule: filter.rule } : {}),
      ...(filter.memberName ? { memberName: { $contains: filter.memberName } } : {}),
      ...(filter.from || filter.until
        ? { at: { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.until ? { $lt: filter.until } : {}) } }
        : {}),
    },
    orderBy: [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    limit: pageSize + 1,
    skip: (page - 1) * pageSize,
  });

/** Every entry of a branch (or some of its members) in a year, month or quarter, oldest first. */
export const ledgerInPeriod = (
  store: Store,
  place: { branchId: string } & Filter,
  period: { year: number; monthKey?: string; quarterKey?: string },
): Promise<LedgerDoc[]> => queryAll(store, 'ledger', { ...place, ...period }, 'at');

/** The newest `limit` objections in one status of a branch (`where` from `branchDocsOf`). */
export const latestObjectionsIn = (
  store: Store,
  where: { branchId: string } & Filter,
  status: ObjectionDoc['status'],
  limit: number,
): Promise<ObjectionDoc[]> =>
  store.query('objections', { where: { ...where, status }, orderBy: [['at', 'desc']], limit });

/** A committee's whole ledger, a page at a time in id order (verify, rebuild). */
export const ledgerPagesOfCommittee = (store: Store, committeeId: string): AsyncGenerator<LedgerDoc[]> =>
  committeePages(store, 'ledger', committeeId);

/** A committee's stored totals, a page at a time in id order (verify, rebuild). */
export const totalsPagesOfCommittee = (store: Store, committeeId: string): AsyncGenerator<TotalsDoc[]> =>
  committeePages(store, 'pointTotals', committeeId);
