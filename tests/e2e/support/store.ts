import type { MemberDoc } from '../../../core/roster/documents';
import type { Store } from '../../../core/shared/collections';

/** Every roster entry, sorted by id: two equal snapshots mean the roster did not change. */
export async function snapshotMembers(store: Store): Promise<MemberDoc[]> {
  return store.query('members', { orderBy: [['_id', 'asc']], limit: 1000 });
}
