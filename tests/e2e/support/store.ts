import type { MemberDoc } from '../../../core/roster/documents';
import type { DocStore } from '../../../core/store/port';

/** Every roster entry, sorted by id: two equal snapshots mean the roster did not change. */
export async function snapshotMembers(store: DocStore): Promise<MemberDoc[]> {
  return store.query<MemberDoc>('members', { orderBy: [['_id', 'asc']], limit: 1000 });
}
