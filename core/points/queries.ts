import type { Store } from '../shared/collections';
import { queryAll } from '../shared/paging';
import type { LedgerDoc } from './ledger';

/**
 * Every read of the points' collections (ledger, totals, objections) that is not by id. Each is
 * served by an index of `core/store/schema.ts`: `queries.plan.test.ts` proves it.
 */

/** A member's ledger entries, oldest first (我的数据). */
export const ledgerOfMember = (store: Store, memberId: string): Promise<LedgerDoc[]> =>
  queryAll(store, 'ledger', { memberId }, 'at');
