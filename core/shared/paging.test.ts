import type { MemberDoc } from '../roster/documents';
import { activeMembersOf, activeMemberPagesOfCommittee } from '../roster/queries';
import { MAX_QUERY_LIMIT } from '../store/port';
import { SqliteStore } from '../store/sqlite';
import type { Store } from './collections';
import { byIds, queryAll } from './paging';

/** More documents than one query may return: the paged reads must not stop at the first page. */
const COUNT = 2 * MAX_QUERY_LIMIT + 345;

const member = (i: number): MemberDoc => ({
  _id: `m-${String(i).padStart(5, '0')}`,
  // Names run the other way round from ids, so that name order is not id order.
  name: `党员${String(COUNT - i).padStart(5, '0')}`,
  phone: `139${String(i).padStart(8, '0')}`,
  partyStatus: 'full',
  joinedAt: '2000-07-01',
  fullAt: '2001-07-01',
  committeeId: 'c',
  branchId: 'b',
  groupId: null,
  status: i % 10 === 0 ? 'inactive' : 'active',
  inactiveReason: null,
  openid: null,
  externalOrg: null,
  history: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

let sqlite: SqliteStore;
let store: Store;
beforeAll(async () => {
  sqlite = new SqliteStore({ file: ':memory:' });
  store = sqlite;
  await store.transaction(async (tx) => {
    for (let i = 0; i < COUNT; i++) await tx.create('members', member(i));
  });
});
afterAll(() => sqlite.close());

const active = Array.from({ length: COUNT }, (_, i) => member(i)).filter((m) => m.status === 'active');

describe('paged reads past one query’s limit', () => {
  it('queryAll reads every matching document, in the order asked', async () => {
    const all = await queryAll(store, 'members', { branchId: 'b' }, 'name', 'desc');
    expect(all).toHaveLength(COUNT);
    expect(all.map((m) => m.name)).toEqual(
      all
        .map((m) => m.name)
        .sort()
        .reverse(),
    );
  });

  it('byIds finds every id asked for, and leaves out the missing and the repeated', async () => {
    const ids = [...active.map((m) => m._id), 'missing', active[0]._id];
    const found = await byIds(store, 'members', ids);
    expect(found.size).toBe(active.length);
    expect(found.get(active[1500]._id)?.name).toBe(active[1500].name);
  });

  it('a branch’s active members, by name (activeMembersOf)', async () => {
    const members = await activeMembersOf(store, { branchId: 'b' });
    expect(members).toHaveLength(active.length);
    expect(members.map((m) => m._id)).toEqual(
      [...active].sort((a, b) => a.name.localeCompare(b.name)).map((m) => m._id),
    );
  });

  it('a committee’s active members, a page at a time (activeMemberPagesOfCommittee)', async () => {
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of activeMemberPagesOfCommittee(store, 'c')) {
      pages.push(page.length);
      ids.push(...page.map((m) => m._id));
    }
    expect(pages.length).toBeGreaterThan(1);
    expect(ids).toEqual(active.map((m) => m._id));
  });
});
