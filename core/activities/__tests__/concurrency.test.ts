import type { ActivityOutputs, ApiResult } from '../../../contracts';
import { branchTotalsId, memberTotalsId } from '../../points/totals';
import { createHarness, STORAGES, type Harness } from '../../../tests/support/harness';
import { countTransactionRuns } from '../../../tests/support/transaction-runs';
import { SECRETARY } from '../../../tests/support/demo';

/**
 * The sign-in burst the issue asks for: an activity expecting 100 members, each of whom sends
 * the same sign-in 20 times at once (a double-tapping, retrying, badly connected room). Exactly
 * one sign-in and one award per member must come out of it, and the totals must match the ledger.
 */
const BRANCH = 'org-branch-1';
const MEMBERS = 100;
const REPEATS = 20;
const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');

describe.each(STORAGES)('on a %s store', (storage) => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ storage });
  });

  afterEach(() => h.close());

  const memberId = (i: number) => `burst-member-${String(i).padStart(3, '0')}`;
  const openidOf = (i: number) => `wx-burst-${String(i).padStart(3, '0')}`;

  /** 100 roster entries bound to WeChat users, written straight to the store. */
  async function addMembers(): Promise<void> {
    const at = h.now.value.toISOString();
    for (let i = 0; i < MEMBERS; i++) {
      await h.store.create('members', {
        _id: memberId(i),
        name: `测试党员${i}`,
        phone: `137${String(20000000 + i)}`,
        partyStatus: 'full',
        joinedAt: '2010-07-01',
        fullAt: '2011-07-01',
        committeeId: 'org-committee',
        branchId: BRANCH,
        groupId: null,
        status: 'active',
        inactiveReason: null,
        openid: openidOf(i),
        externalOrg: null,
        history: [{ at, action: 'created', note: '测试' }],
        createdAt: at,
        updatedAt: at,
      });
      await h.store.create('bindings', { _id: openidOf(i), memberId: memberId(i), at });
    }
  }

  it('100 members × 20 identical sign-ins at once: 100 records, 100 awards, totals equal to the ledger', async () => {
    await addMembers();
    const { id } = await h.call(SECRETARY, 'activity', 'create', {
      orgId: BRANCH,
      kind: 'party_lecture',
      title: '专题党课',
      startAt: new Date(SEED_AT + 10 * 60_000).toISOString(),
      endAt: new Date(SEED_AT + 100 * 60_000).toISOString(),
      expectedMemberIds: Array.from({ length: MEMBERS }, (_, i) => memberId(i)),
    });
    const { token } = await h.call(SECRETARY, 'activity', 'code', { id });
    const branchBefore = (await h.store.get('pointTotals', branchTotalsId(BRANCH, 2026)))?.total;
    const ledgerBefore = await h.store.count('ledger');

    const counts = countTransactionRuns(h.store);
    // Interleaved: every member's first request, then every member's second, …
    const calls = Array.from({ length: MEMBERS * REPEATS }, (_, k) => k % MEMBERS);
    const results = (await Promise.all(
      calls.map((i) => h.raw(openidOf(i), 'activity', { action: 'checkin', data: { token } })),
    )) as Array<ApiResult<ActivityOutputs['checkin']>>;
    expect(counts.runs).toBeGreaterThan(counts.transactions);

    const failures = results.filter((r) => !r.ok);
    expect(failures).toEqual([]);
    for (let i = 0; i < MEMBERS; i++) {
      const mine = results.filter((_, k) => calls[k] === i).map((r) => (r.ok ? r.data : null));
      // One request signed the member in; the other 19 were told it was already done, with the same answer.
      expect(mine.filter((d) => d?.already === false)).toHaveLength(1);
      const first = mine.find((d) => d?.already === false);
      expect(first).toMatchObject({
        status: 'present',
        at: new Date(SEED_AT).toISOString(),
        activityId: id,
        title: '专题党课',
        points: 2,
        memberName: `测试党员${i}`,
      });
      for (const data of mine) expect(data).toEqual({ ...first, already: expect.any(Boolean) });
    }

    const records = await h.store.query('attendance', { where: { activityId: id }, limit: 1000 });
    expect(records).toHaveLength(MEMBERS);
    expect(new Set(records.map((r) => r.memberId)).size).toBe(MEMBERS);
    expect(records.every((r) => r.status === 'present' && r.points === 2)).toBe(true);

    const entries = (await h.store.query('ledger', { where: { branchId: BRANCH }, limit: 1000 })).filter((e) =>
      e._id.startsWith(`activity:${id}:`),
    );
    expect(entries).toHaveLength(MEMBERS);
    expect(entries.map((e) => e._id).sort()).toEqual(
      Array.from({ length: MEMBERS }, (_, i) => `activity:${id}:${memberId(i)}`).sort(),
    );
    expect(await h.store.count('ledger')).toBe(ledgerBefore + MEMBERS);

    for (let i = 0; i < MEMBERS; i++) {
      const totals = await h.store.get('pointTotals', memberTotalsId(memberId(i), 2026));
      expect(totals?.total).toMatchObject({ bonus: 2, net: 2, count: 1 });
    }
    const branch = (await h.store.get('pointTotals', branchTotalsId(BRANCH, 2026)))?.total;
    expect(branch).toMatchObject({
      bonus: (branchBefore?.bonus ?? 0) + 2 * MEMBERS,
      net: (branchBefore?.net ?? 0) + 2 * MEMBERS,
      count: (branchBefore?.count ?? 0) + MEMBERS,
    });
    expect(await h.call('demo-admin', 'points', 'verify')).toEqual({
      consistent: true,
      entries: await h.store.count('ledger'),
      differences: [],
    });
    const live = await h.call(SECRETARY, 'activity', 'live', { id });
    expect(live.counts).toMatchObject({ expected: MEMBERS, present: MEMBERS, pending: 0, rate: 1 });
  }, 60_000);
});
