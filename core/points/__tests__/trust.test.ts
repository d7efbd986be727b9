import type { RuleItem } from '../../../contracts';
import { DEFAULT_RULES, DEFAULT_SETTINGS } from '../rules';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER_3 as MEMBER, SECRETARY } from '../../../tests/support/demo';

/**
 * The ledger resists the people who run it: a reversal is final, a request id names one record
 * only, and automatic bonuses are capped per month by default.
 */

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const pointsState = () => snapshot(h.store, ['ledger', 'pointTotals', 'audit', 'objections']);

describe('a reversal is final', () => {
  it('reversing a reversal is refused (CONFLICT) and changes nothing', async () => {
    const {
      entries: [original],
    } = await h.call(SECRETARY, 'points', 'record', { memberIds: ['member-004'], rule: 'shirk', reason: '推诿任务' });
    const reversal = await h.call(SECRETARY, 'points', 'reverse', { entryId: original.id, reason: '核实后系误记' });
    const state = await pointsState();
    const error = await expectError(
      h,
      SECRETARY,
      'points',
      'reverse',
      { entryId: reversal.entry.id, reason: '复核后仍应扣分' },
      'CONFLICT',
    );
    expect(error.message).toBe('冲正记录不能再冲正；如有误，请按原因新增一条记录');
    expect(await pointsState()).toEqual(state);
  });

  it('an upheld objection cannot be undone by reversing its reversal', async () => {
    const {
      entries: [original],
    } = await h.call(SECRETARY, 'points', 'record', { memberIds: ['member-004'], rule: 'shirk', reason: '推诿任务' });
    const { id } = await h.call(MEMBER, 'points', 'object', { entryId: original.id, reason: '那天我已请假' });
    // Decided by the admin: the secretary who recorded the entry does not decide the objection to it.
    const { reversal } = await h.call(ADMIN, 'points', 'resolveObjection', {
      id,
      decision: 'uphold',
      reason: '请假属实',
    });
    const state = await pointsState();
    for (const who of [SECRETARY, ADMIN])
      await expectError(h, who, 'points', 'reverse', { entryId: reversal, reason: '撤销异议结论' }, 'CONFLICT');
    expect(await pointsState()).toEqual(state);
    expect((await h.call(MEMBER, 'points', 'mine')).entries.items[0]).toMatchObject({ id: reversal, value: 3 });
  });
});

describe('points.record: a requestId names one record', () => {
  const first = {
    memberIds: ['member-003', 'member-004'],
    rule: 'pioneer',
    reason: '抗洪抢险先锋',
    requestId: 'req-trust-0001',
  };

  it('the same request repeated answers the original entries and records nothing more', async () => {
    const answer = await h.call(SECRETARY, 'points', 'record', first);
    const state = await pointsState();
    // The members in another order are the same request.
    expect(await h.call(SECRETARY, 'points', 'record', { ...first, memberIds: ['member-004', 'member-003'] })).toEqual({
      entries: [...answer.entries].reverse(),
    });
    expect(await h.call(SECRETARY, 'points', 'record', first)).toEqual(answer);
    expect(await pointsState()).toEqual(state);
  });

  it.each<[label: string, openid: string, change: Record<string, unknown>]>([
    ['another rule', SECRETARY, { rule: 'volunteer' }],
    ['another reason', SECRETARY, { reason: '防汛值守先锋' }],
    ['fewer members', SECRETARY, { memberIds: ['member-003'] }],
    ['more members', SECRETARY, { memberIds: ['member-003', 'member-004', 'member-005'] }],
    ['other members', SECRETARY, { memberIds: ['member-005', 'member-006'] }],
    ['another recorder', ADMIN, {}],
  ])('reused with %s: CONFLICT, nothing recorded', async (_label, openid, change) => {
    await h.call(SECRETARY, 'points', 'record', first);
    const state = await pointsState();
    const error = await expectError(h, openid, 'points', 'record', { ...first, ...change }, 'CONFLICT');
    expect(error.message).toBe('该请求编号已用于另一条记录');
    expect(await pointsState()).toEqual(state);
  });
});

describe('default monthly caps on automatic bonuses', () => {
  const capOf = (items: RuleItem[], code: string) => {
    const rule = items.find((r) => r.code === code) as RuleItem;
    return [rule.cap, rule.capPeriod];
  };

  it('参加组织生活 16, 参加志愿服务 12, 学习微党课 8 per month by default', async () => {
    const { items } = await h.call(MEMBER, 'points', 'rules');
    expect(['org_life', 'volunteer', 'lecture'].map((code) => capOf(items, code))).toEqual([
      [16, 'month'],
      [12, 'month'],
      [8, 'month'],
    ]);
  });

  it('a committee rule set saved before default caps existed gets them for its uncapped bonuses', async () => {
    await h.store.set('pointRules', {
      _id: 'org-committee',
      items: DEFAULT_RULES.map(({ cap: _cap, capPeriod: _period, ...rule }) =>
        rule.code === 'volunteer' ? { ...rule, value: 4 } : rule,
      ),
      settings: DEFAULT_SETTINGS,
    });
    const { items } = await h.call(MEMBER, 'points', 'rules');
    expect(items.find((r) => r.code === 'volunteer')).toMatchObject({ value: 4, cap: 12, capPeriod: 'month' });
    expect(capOf(items, 'org_life')).toEqual([16, 'month']);
  });

  it('a cap the admin removes after this stays removed; one the admin sets stays as set', async () => {
    await h.call(ADMIN, 'points', 'updateRules', {
      items: [
        { code: 'org_life', value: 2, cap: null },
        { code: 'volunteer', value: 3, cap: 9, capPeriod: 'quarter' },
      ],
    });
    const { items } = await h.call(MEMBER, 'points', 'rules');
    expect(capOf(items, 'org_life')).toEqual([undefined, undefined]);
    expect(capOf(items, 'volunteer')).toEqual([9, 'quarter']);
  });

  it('the 9th 参加组织生活 sign-in in a month earns nothing beyond the cap, and the entry says so', async () => {
    // December 2026: no demo history. Nine meetings of 第一党支部, one a day from 1 December.
    const results: number[] = [];
    for (let day = 1; day <= 9; day++) {
      const start = new Date(Date.UTC(2026, 11, day, 2, 0));
      h.now.value = new Date(start.getTime() - 60 * 60_000);
      const { id } = await h.call(SECRETARY, 'activity', 'create', {
        orgId: 'org-branch-1',
        kind: 'theme_day',
        title: `主题党日第 ${day} 次`,
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 120 * 60_000).toISOString(),
      });
      h.now.value = new Date(start.getTime() - 5 * 60_000);
      const { token } = await h.call(SECRETARY, 'activity', 'code', { id });
      const signed = await h.call(MEMBER, 'activity', 'checkin', { token });
      results.push(signed.points);
    }
    expect(results).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 0]);
    const entries = await h.store.query('ledger', {
      where: { memberId: 'member-004', rule: 'org_life', monthKey: '2026-12' },
      orderBy: [['at', 'asc']],
      limit: 20,
    });
    expect(entries).toHaveLength(9);
    expect(entries[8]).toMatchObject({ value: 0 });
    expect(entries[8].reason).toContain('已达本月上限 16 分，本次不计分');
    expect((await h.call(ADMIN, 'points', 'verify')).consistent).toBe(true);
  });
});
