import type { Store } from '../shared/collections';
import { queryAll } from '../shared/paging';
import type { CandidateDoc } from './documents';

/**
 * Every read of the 发展党员 collections that is not by id, each served by an index of
 * `core/store/schema.ts` (`queries.plan.test.ts` proves it).
 */

/** The open files (not yet complete) of a committee, branch or group, oldest application first. */
export const openCandidatesOf = (
  store: Store,
  where: { committeeId: string } | { branchId: string } | { groupId: string },
): Promise<CandidateDoc[]> => queryAll(store, 'candidates', { ...where, done: false }, 'appliedAt');
