import type { ApiResult, PointsOutputs } from '../../../contracts';
import { branchTotalsId, memberTotalsId, zeroSums, type Sums } from '../totals';
import { createHarness, STORAGES, type Harness } from '../../../tests/support/harness';
import { countTransactionRuns } from '../../../tests/support/transaction-runs';
import { ADMIN, MEMBER, SECRETARY } from '../../../tests/support/demo';

/**
 * Requests arriving together (a double-tapped button, a retried request racing the original, a
 * whole branch being scored at once) must leave the ledger and the totals as if they came one by one.
 */
const BRANCH_1 = 'org-branch-1';

describe.each(STORAGES)('on a %s store', (storage) => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ storage });
  });

  afterEach(() => h.close());

  const together = <T>(n: number, call: (i: number) => Promise<ApiResult<T>>) =>
    Promise.all(Array.from({ length: n }, (_, i) => call(i)));

  const points = <T>(openid: string, action: string, data: unknown) =>
    h.raw(openid, 'points', { action, data }) as Promise<ApiResult<T>>;

  const yearTotals = async (id: string): Promise<Sums> => (await h.store.get('pointTotals', id))?.total ?? zeroSums();

  async function expectConsistent(): Promise<void> {
    expect(await h.call(ADMIN, 'points', 'verify')).toEqual({
      consistent: true,
      entries: await h.store.count('ledger'),
      differences: [],
    });
  }

  describe('points under concurrent requests', () => {
    it('100 identical `record` calls (same requestId) make one entry and move the totals once', async () => {
      const before = await h.call(MEMBER, 'points', 'mine');
      const branchBefore = await yearTotals(branchTotalsId(BRANCH_1, 2026));
      const ledgerBefore = await h.store.count('ledger');
      const data = {
        memberIds: ['member-003'],
        rule: 'volunteer',
        reason: '周末社区义务清扫',
        requestId: 'double-tap-0001',
      };

      const counts = countTransactionRuns(h.store);
      const results = await together(100, () => points<PointsOutputs['record']>(SECRETARY, 'record', data));
      expect(counts.runs).toBeGreaterThan(counts.transactions);

      // Every caller is told the same thing: the one entry.
      const entry = { id: 'hand:double-tap-0001:member-003', memberId: 'member-003', value: 3, capped: false };
      for (const result of results) expect(result).toEqual({ ok: true, data: { entries: [entry] } });
      expect(await h.store.count('ledger')).toBe(ledgerBefore + 1);
      expect(await h.store.get('ledger', entry.id)).toMatchObject({ value: 3, memberId: 'member-003' });
      expect(await h.store.count('audit', { action: 'points.record' })).toBe(1);

      const mine = await h.call(MEMBER, 'points', 'mine');
      expect(mine.totals).toEqual({
        month: before.totals.month + 3,
        quarter: before.totals.quarter + 3,
        year: before.totals.year + 3,
      });
      // The trend by month: January to this month, the current one holding the new entry.
      expect(mine.months.map((m) => m.month)).toEqual(before.months.map((m) => m.month));
      expect(mine.months.at(-1)?.net).toBe((before.months.at(-1)?.net ?? 0) + 3);
      expect(mine.months.reduce((sum, m) => sum + m.net, 0)).toBeCloseTo(mine.totals.year, 2);
      expect(mine.score).toBe(before.score + 3);
      expect(mine.entries.items.filter((e) => e.id === entry.id)).toHaveLength(1);
      const branch = await yearTotals(branchTotalsId(BRANCH_1, 2026));
      expect(branch).toEqual({
        ...branchBefore,
        bonus: branchBefore.bonus + 3,
        net: branchBefore.net + 3,
        count: branchBefore.count + 1,
      });
      await expectConsistent();
    });

    it('100 concurrent `reverse` calls of one entry make exactly one reversal; the others are CONFLICT', async () => {
      const before = await yearTotals(memberTotalsId('member-003', 2026));
      const {
        entries: [recorded],
      } = await h.call(SECRETARY, 'points', 'record', {
        memberIds: ['member-003'],
        rule: 'shirk',
        reason: '推诿支部交办任务',
      });
      const ledgerBefore = await h.store.count('ledger');

      const results = await together(100, (i) =>
        points<PointsOutputs['reverse']>(SECRETARY, 'reverse', { entryId: recorded.id, reason: `核实后系误记 ${i}` }),
      );

      const succeeded = results.filter((r) => r.ok);
      expect(succeeded).toEqual([{ ok: true, data: { entry: { id: `reversal:${recorded.id}`, value: 3 } } }]);
      for (const result of results.filter((r) => !r.ok))
        expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('冲正') } });
      expect(await h.store.count('ledger')).toBe(ledgerBefore + 1);
      expect(await h.store.count('ledger', { reverses: recorded.id })).toBe(1);
      expect(await h.store.count('audit', { action: 'points.reverse' })).toBe(1);

      const after = await yearTotals(memberTotalsId('member-003', 2026));
      expect([after.bonus, after.deduction, after.net]).toEqual([before.bonus, before.deduction, before.net]);
      expect(after.count).toBe(before.count + 2);
      await expectConsistent();
    });

    it('50 concurrent different awards in one branch: every one counts, branch totals equal the sum', async () => {
      const members = (
        await h.store.query('members', {
          where: { branchId: BRANCH_1, status: 'active' },
          orderBy: [['_id', 'asc']],
          limit: 100,
        })
      ).filter((m) => m._id !== 'member-001'); // the secretary does not score themself
      const codes = ['volunteer', 'pioneer', 'shirk', 'discipline'] as const;
      const values = { volunteer: 3, pioneer: 5, shirk: -3, discipline: -10 };
      const awards = Array.from({ length: 50 }, (_, i) => ({
        memberId: members[i % members.length]._id,
        rule: codes[i % codes.length],
      }));
      const memberBefore = new Map(
        await Promise.all(members.map(async (m) => [m._id, await yearTotals(memberTotalsId(m._id, 2026))] as const)),
      );
      const branchBefore = await yearTotals(branchTotalsId(BRANCH_1, 2026));

      const counts = countTransactionRuns(h.store);
      const results = await together(50, (i) =>
        points<PointsOutputs['record']>(SECRETARY, 'record', {
          memberIds: [awards[i].memberId],
          rule: awards[i].rule,
          reason: `第 ${i + 1} 项记分`,
          requestId: `burst-${String(i).padStart(4, '0')}`,
        }),
      );
      for (const [i, result] of results.entries())
        expect(result).toEqual({
          ok: true,
          data: {
            entries: [
              {
                id: `hand:burst-${String(i).padStart(4, '0')}:${awards[i].memberId}`,
                memberId: awards[i].memberId,
                value: values[awards[i].rule],
                capped: false,
              },
            ],
          },
        });

      expect(counts.runs).toBeGreaterThan(counts.transactions);

      // Each member moved by exactly their awards.
      for (const member of members) {
        const mine = awards.filter((a) => a.memberId === member._id).map((a) => values[a.rule]);
        const was = memberBefore.get(member._id) as Sums;
        const now = await yearTotals(memberTotalsId(member._id, 2026));
        expect([now.net, now.count]).toEqual([was.net + mine.reduce((a, b) => a + b, 0), was.count + mine.length]);
      }
      // The branch moved by the sum of all of them, and equals the sum over its members.
      const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
      const awarded = awards.map((a) => values[a.rule]);
      const branch = await yearTotals(branchTotalsId(BRANCH_1, 2026));
      expect(branch).toEqual({
        bonus: branchBefore.bonus + sum(awarded.filter((v) => v > 0)),
        deduction: branchBefore.deduction - sum(awarded.filter((v) => v < 0)),
        net: branchBefore.net + sum(awarded),
        count: branchBefore.count + 50,
        participants: expect.any(Number),
      });
      const memberDocs = await h.store.query('pointTotals', {
        where: { kind: 'member', committeeId: 'org-committee', year: 2026 },
        limit: 1000,
      });
      const ofBranch = memberDocs.filter((doc) => doc.branchId === BRANCH_1).map((doc) => doc.total);
      expect(branch).toEqual({
        bonus: sum(ofBranch.map((t) => t.bonus)),
        deduction: sum(ofBranch.map((t) => t.deduction)),
        net: sum(ofBranch.map((t) => t.net)),
        count: sum(ofBranch.map((t) => t.count)),
        // Members who earned a bonus posted to the branch this year.
        participants: memberDocs.filter((doc) => doc.joined[`${BRANCH_1}:2026`]).length,
      });
      expect(await h.store.count('audit', { action: 'points.record' })).toBe(50);
      await expectConsistent();
    });
  });
});
