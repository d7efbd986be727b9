import type { ApiError, PointsOutputs, PointsSettings, RankingItem, RuleItem } from '../../../contracts';
import type { MemberDoc } from '../../roster/documents';
import { postEntry, type PostRequest } from '../ledger';
import { annualScore, DEFAULT_RULES, DEFAULT_SETTINGS } from '../rules';
import { memberTotalsId, type TotalsDoc } from '../totals';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER, MEMBER_3, MEMBER_4, OFFICER, SECRETARY, VISITOR } from '../../../tests/support/demo';

const MEMBER_ID: Record<string, string> = {
  [SECRETARY]: 'member-001',
  [OFFICER]: 'member-002',
  [MEMBER]: 'member-003',
  [MEMBER_3]: 'member-004',
  [MEMBER_4]: 'member-005',
};
const BRANCH_1 = 'org-branch-1';
const BRANCH_2 = 'org-branch-2';
/** Members of 第二党支部 with no points history in the demo data. */
const BRANCH_2_MEMBERS = ['member-018', 'member-019', 'member-020'];

const rule = (code: string) => DEFAULT_RULES.find((r) => r.code === code) as RuleItem;

let h: Harness;
let requests = 0;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const requestId = () => `test-request-${++requests}`;

/** A roster entry with no points history (not bound to any WeChat user). */
async function addMember(id: string, name: string, branchId = BRANCH_1): Promise<MemberDoc> {
  const at = h.now.value.toISOString();
  const member: MemberDoc = {
    _id: id,
    name,
    phone: `1380000${String(1000 + (Number(id.replace(/\D/g, '')) % 9000)).padStart(4, '0')}`,
    partyStatus: 'full',
    joinedAt: '2010-07-01',
    fullAt: '2011-07-01',
    committeeId: 'org-committee',
    branchId,
    groupId: null,
    status: 'active',
    inactiveReason: null,
    openid: null,
    externalOrg: null,
    history: [{ at, action: 'created', note: '测试' }],
    createdAt: at,
    updatedAt: at,
  };
  await h.store.create('members', member);
  return member;
}

/** Posts an entry the way the system does (sign-in, lectures, 亮身份), in its own transaction. */
const post = (request: Omit<PostRequest, 'source' | 'recordedBy' | 'at'> & Partial<PostRequest>) =>
  h.store.transaction((tx) =>
    postEntry(tx, { source: 'test', recordedBy: null, at: h.now.value, ...request } as PostRequest),
  );

const totalsOf = (memberId: string, year = 2026) => h.store.get('pointTotals', memberTotalsId(memberId, year));
const pointsState = () => snapshot(h.store, ['ledger', 'pointTotals', 'audit']);

async function useSettings(settings: Partial<PointsSettings>, items: RuleItem[] = DEFAULT_RULES): Promise<void> {
  await h.store.set('pointRules', {
    _id: 'org-committee',
    items,
    settings: { ...DEFAULT_SETTINGS, ...settings },
  });
}

const refused = (openid: string | null, action: string, data: unknown, code: ApiError['code']) =>
  expectError(h, openid, 'points', action, data, code);

/** Ranked lines are ordered by net, and ranks are dense: 1, then +1 each time the net drops. */
function expectDense(items: RankingItem[]): void {
  items.forEach((item, i) => {
    if (i === 0) expect(item.rank).toBe(1);
    else if (item.net === items[i - 1].net) expect(item.rank).toBe(items[i - 1].rank);
    else {
      expect(item.net).toBeLessThan(items[i - 1].net);
      expect(item.rank).toBe(items[i - 1].rank + 1);
    }
    // `tied` counts the members sharing the rank, so that the app can say 并列.
    expect(item.tied).toBe(items.filter((other) => other.rank === item.rank).length);
  });
}

const rank = (
  openid: string,
  orgId: string,
  period: 'month' | 'quarter' | 'year',
  date?: string,
): Promise<PointsOutputs['ranking']> =>
  h.call(openid, 'points', 'ranking', date ? { orgId, period, date } : { orgId, period });

const lineOf = (ranking: PointsOutputs['ranking'], memberId: string) =>
  ranking.items.find((item) => item.memberId === memberId);

const activeCount = (branchId: string) => h.store.count('members', { branchId, status: 'active' });

describe('points.rules', () => {
  it.each([MEMBER, SECRETARY, ADMIN, VISITOR])('gives %s the 8 default items and the default settings', async (who) => {
    const { items, settings } = await h.call(who, 'points', 'rules');
    expect(items).toHaveLength(8);
    for (const item of items) {
      expect(item).toEqual({
        code: expect.stringMatching(/^[a-z][a-z0-9_]+$/),
        name: expect.any(String),
        kind: expect.stringMatching(/^(bonus|deduction)$/),
        value: expect.any(Number),
        auto: expect.any(Boolean),
        active: true,
        // Every item but 亮身份 applies to the people on the way to membership too.
        candidates: item.code !== 'declaration',
        ...(item.cap === undefined ? {} : { cap: expect.any(Number), capPeriod: expect.any(String) }),
      });
      expect(Math.sign(item.value)).toBe(item.kind === 'bonus' ? 1 : -1);
    }
    expect(items.map((i) => i.name)).toEqual([
      '参加组织生活',
      '参加志愿服务',
      '学习微党课',
      '亮身份',
      '先锋表彰',
      '无故缺席组织生活',
      '推诿任务',
      '违纪违法',
    ]);
    expect(items.find((i) => i.code === 'lecture')).toMatchObject({ value: 1, cap: 8, capPeriod: 'month' });
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it('follows the committee’s own rule set once there is one', async () => {
    await useSettings({ rankingVisibility: 'self', baseScore: 70 });
    const { settings } = await h.call(MEMBER, 'points', 'rules');
    expect(settings).toMatchObject({ rankingVisibility: 'self', baseScore: 70 });
  });
});

describe('points.record', () => {
  it('the secretary records for several members: each sees the entry, totals and score move', async () => {
    const people = [MEMBER, MEMBER_3, MEMBER_4];
    const before = new Map(await Promise.all(people.map(async (p) => [p, await h.call(p, 'points', 'mine')] as const)));
    const id = requestId();
    const result = await h.call(SECRETARY, 'points', 'record', {
      memberIds: people.map((p) => MEMBER_ID[p]),
      rule: 'volunteer',
      reason: '周末社区义务清扫',
      requestId: id,
    });
    expect(result.entries).toEqual(
      people.map((p) => ({ id: `hand:${id}:${MEMBER_ID[p]}`, memberId: MEMBER_ID[p], value: 3, capped: false })),
    );

    for (const p of people) {
      const was = before.get(p) as PointsOutputs['mine'];
      const mine = await h.call(p, 'points', 'mine');
      expect(mine.entries.items[0]).toMatchObject({
        id: `hand:${id}:${MEMBER_ID[p]}`,
        rule: 'volunteer',
        ruleName: '参加志愿服务',
        value: 3,
        reason: '周末社区义务清扫',
        at: h.now.value.toISOString(),
        reverses: null,
      });
      expect(mine.totals).toEqual({
        month: was.totals.month + 3,
        quarter: was.totals.quarter + 3,
        year: was.totals.year + 3,
      });
      expect(mine.score).toBe(60 + mine.totals.year);
      expect(mine.score).toBe(was.score + 3);
      const band = annualScore(mine.totals.year, DEFAULT_SETTINGS);
      expect([mine.stars, mine.starLabel]).toEqual([band.stars, band.label]);
      expect(mine.rankOf).toBe(await activeCount(BRANCH_1));
    }
    expect(await h.store.count('audit', { action: 'points.record' })).toBe(3);
  });

  it('a deduction lowers the totals and the score; the ranking shows it as a deduction', async () => {
    const was = await h.call(MEMBER_3, 'points', 'mine');
    const lineBefore = lineOf(await rank(SECRETARY, BRANCH_1, 'year'), 'member-004') as RankingItem;
    await h.call(SECRETARY, 'points', 'record', {
      memberIds: ['member-004'],
      rule: 'discipline',
      reason: '违反廉洁纪律',
    });
    const mine = await h.call(MEMBER_3, 'points', 'mine');
    expect(mine.entries.items[0]).toMatchObject({ rule: 'discipline', ruleName: '违纪违法', value: -10 });
    expect(mine.totals.year).toBe(was.totals.year - 10);
    expect(mine.score).toBe(was.score - 10);
    expect(lineOf(await rank(SECRETARY, BRANCH_1, 'year'), 'member-004')).toMatchObject({
      bonus: lineBefore.bonus,
      deduction: lineBefore.deduction + 10,
      net: lineBefore.net - 10,
    });
  });

  it('a retried request (same requestId) records nothing twice', async () => {
    const data = {
      memberIds: ['member-003', 'member-004'],
      rule: 'pioneer',
      reason: '抗洪抢险先锋',
      requestId: requestId(),
    };
    const first = await h.call(SECRETARY, 'points', 'record', data);
    const state = await pointsState();
    const again = await h.call(SECRETARY, 'points', 'record', data);
    expect(again).toEqual(first);
    expect(await pointsState()).toEqual(state);
  });

  it.each(['org_life', 'lecture', 'declaration', 'absence'])(
    '“%s” is awarded by the system and cannot be recorded by hand',
    async (code) => {
      const state = await pointsState();
      const error = await refused(
        SECRETARY,
        'record',
        { memberIds: ['member-003'], rule: code, reason: '手工补记' },
        'INVALID_INPUT',
      );
      expect(error.field).toBe('rule');
      expect(error.message).toContain(rule(code).name);
      expect(await pointsState()).toEqual(state);
    },
  );

  it.each<[label: string, data: unknown, field: string]>([
    ['an unknown item', { memberIds: ['member-003'], rule: 'karaoke', reason: '唱歌比赛' }, 'rule'],
    ['a reason too short', { memberIds: ['member-003'], rule: 'volunteer', reason: '好' }, 'reason'],
    ['no members', { memberIds: [], rule: 'volunteer', reason: '志愿服务' }, 'memberIds'],
    [
      'an unknown member',
      { memberIds: ['member-003', 'member-999'], rule: 'volunteer', reason: '志愿服务' },
      'memberIds.1',
    ],
  ])('refuses %s (INVALID_INPUT) and records nothing', async (_label, data, field) => {
    const state = await pointsState();
    const error = await refused(SECRETARY, 'record', data, 'INVALID_INPUT');
    expect(error.field).toBe(field);
    expect(await pointsState()).toEqual(state);
  });

  it('an item switched off by the committee cannot be recorded', async () => {
    await useSettings(
      {},
      DEFAULT_RULES.map((r) => (r.code === 'pioneer' ? { ...r, active: false } : r)),
    );
    await refused(
      SECRETARY,
      'record',
      { memberIds: ['member-003'], rule: 'pioneer', reason: '先锋表彰' },
      'INVALID_INPUT',
    );
  });
});

describe('caps', () => {
  const lecture = rule('lecture');

  it('学习微党课: 10 awards in a month give 8 points; the 9th and 10th are kept at 0 with a note', async () => {
    const member = await addMember('member-901', '测试甲');
    h.now.value = new Date('2026-11-05T02:00:00Z');
    const values: number[] = [];
    const reasons: string[] = [];
    for (let i = 1; i <= 10; i++) {
      const { entry, created } = await post({
        id: `lecture:test-${i}:${member._id}`,
        member,
        rule: lecture,
        reason: `学习微党课第 ${i} 讲`,
      });
      expect(created).toBe(true);
      values.push(entry.value);
      reasons.push(entry.reason);
    }
    expect(values).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    for (const reason of reasons.slice(0, 8)) expect(reason).not.toContain('上限');
    for (const [i, reason] of reasons.slice(8).entries()) {
      expect(reason).toContain(`学习微党课第 ${i + 9} 讲`);
      expect(reason).toContain('上限');
      expect(reason).toContain('8');
    }
    const totals = (await totalsOf(member._id)) as TotalsDoc;
    expect(totals.months['11']).toEqual({ bonus: 8, deduction: 0, net: 8, count: 10, participants: 0 });
    expect(totals.total.net).toBe(8);

    // The capped entries are in the ledger, shown with their note.
    const { items } = await h.call(SECRETARY, 'points', 'entries', { orgId: BRANCH_1, memberId: member._id });
    expect(items).toHaveLength(10);
    expect(items.filter((e) => e.value === 0).map((e) => e.reason)).toEqual([
      expect.stringContaining('上限'),
      expect.stringContaining('上限'),
    ]);

    // The next month starts fresh.
    h.now.value = new Date('2026-11-30T16:30:00Z'); // 00:30 on 1 December in China
    const { entry } = await post({
      id: `lecture:test-11:${member._id}`,
      member,
      rule: lecture,
      reason: '学习微党课第 11 讲',
    });
    expect(entry).toMatchObject({ value: 1, monthKey: '2026-12', reason: '学习微党课第 11 讲' });
    const after = (await totalsOf(member._id)) as TotalsDoc;
    expect(after.months['12'].net).toBe(1);
    expect(after.total.net).toBe(9);
    expect((await h.call(ADMIN, 'points', 'verify')).consistent).toBe(true);
  });

  it('an award that would overshoot the cap counts only the room left', async () => {
    const member = await addMember('member-902', '测试乙');
    for (let i = 1; i <= 7; i++)
      await post({ id: `lecture:partial-${i}`, member, rule: lecture, reason: '学习微党课' });
    const { entry } = await post({
      id: 'lecture:partial-8',
      member,
      rule: lecture,
      value: 3,
      reason: '学习微党课专题',
    });
    expect(entry.value).toBe(1);
    expect(entry.reason).toContain('上限');
    expect(entry.reason).toContain('本次计 1 分');
    expect((await totalsOf(member._id))?.total.net).toBe(8);
  });

  it('a cap set by the committee applies to what the secretary records, and the result says so', async () => {
    await useSettings(
      {},
      DEFAULT_RULES.map((r) => (r.code === 'volunteer' ? { ...r, cap: 6, capPeriod: 'month' } : r)),
    );
    await addMember('member-903', '测试丙');
    const record = () =>
      h.call(SECRETARY, 'points', 'record', { memberIds: ['member-903'], rule: 'volunteer', reason: '社区志愿服务' });
    const results = [await record(), await record(), await record()].map((r) => r.entries[0]);
    expect(results.map((e) => [e.value, e.capped])).toEqual([
      [3, false],
      [3, false],
      [0, true],
    ]);
    const line = lineOf(await rank(SECRETARY, BRANCH_1, 'month'), 'member-903');
    expect(line?.net).toBe(6);
  });
});

describe('points.reverse', () => {
  it('reverses an entry once, names it, and puts the totals back; a reversal is final', async () => {
    const before = await h.call(MEMBER, 'points', 'mine');
    const lineBefore = lineOf(await rank(SECRETARY, BRANCH_1, 'year'), 'member-003') as RankingItem;
    const {
      entries: [original],
    } = await h.call(SECRETARY, 'points', 'record', {
      memberIds: ['member-003'],
      rule: 'shirk',
      reason: '推诿支部交办任务',
    });
    expect((await h.call(MEMBER, 'points', 'mine')).totals.year).toBe(before.totals.year - 3);

    const reversal = await h.call(SECRETARY, 'points', 'reverse', { entryId: original.id, reason: '核实后系误记' });
    expect(reversal).toEqual({ entry: { id: `reversal:${original.id}`, value: 3 } });

    const mine = await h.call(MEMBER, 'points', 'mine');
    expect(mine.totals).toEqual(before.totals);
    expect(mine.score).toBe(before.score);
    expect(mine.entries.items[0]).toMatchObject({
      id: reversal.entry.id,
      value: 3,
      reason: '核实后系误记',
      reverses: original.id,
    });
    // The deduction goes back down: the line is as it was.
    expect(lineOf(await rank(SECRETARY, BRANCH_1, 'year'), 'member-003')).toEqual(lineBefore);

    const { items } = await h.call(SECRETARY, 'points', 'entries', { orgId: BRANCH_1, memberId: 'member-003' });
    expect(items.find((e) => e.id === original.id)).toMatchObject({ reversed: true, reverses: null, value: -3 });
    expect(items.find((e) => e.id === reversal.entry.id)).toMatchObject({
      reversed: false,
      reverses: original.id,
      value: 3,
      source: 'reversal',
      recordedBy: SECRETARY,
    });

    // A second reversal of the same entry is refused, and changes nothing.
    const state = await pointsState();
    const error = await refused(SECRETARY, 'reverse', { entryId: original.id, reason: '再次冲正' }, 'CONFLICT');
    expect(error.message).toContain('冲正');
    expect(await pointsState()).toEqual(state);

    // A reversal is final: reversing it is refused too (a new entry corrects a mistaken reversal).
    await refused(SECRETARY, 'reverse', { entryId: reversal.entry.id, reason: '复核后仍应扣分' }, 'CONFLICT');
    expect(await pointsState()).toEqual(state);
    expect(await h.store.count('audit', { action: 'points.reverse' })).toBe(1);
    expect((await h.call(ADMIN, 'points', 'verify')).consistent).toBe(true);
  });

  it('an unknown entry is NOT_FOUND', async () => {
    await refused(SECRETARY, 'reverse', { entryId: 'hand:nope:member-003', reason: '冲正测试' }, 'NOT_FOUND');
  });
});

describe('points.ranking', () => {
  /** 第二党支部 has no points in the demo data: awards in July and November, the clock on 23 Nov. */
  async function awardBranch2() {
    const record = (memberId: string, code: string, at: string) => {
      h.now.value = new Date(at);
      return h.call(ADMIN, 'points', 'record', { memberIds: [memberId], rule: code, reason: '测试记分' });
    };
    const [a, b, c] = BRANCH_2_MEMBERS;
    await record(a, 'pioneer', '2026-07-15T02:00:00Z'); // +5 in July (Q3)
    await record(b, 'volunteer', '2026-11-10T02:00:00Z'); // +3 in November
    await record(c, 'volunteer', '2026-11-20T02:00:00Z'); // +3 in November
    h.now.value = new Date('2026-11-23T02:00:00Z');
  }

  const nets = (ranking: PointsOutputs['ranking']) =>
    Object.fromEntries(BRANCH_2_MEMBERS.map((id) => [id, [lineOf(ranking, id)?.net, lineOf(ranking, id)?.rank]]));

  it.each<
    [
      period: 'month' | 'quarter' | 'year',
      date: string | undefined,
      label: string,
      expected: Record<string, [number, number]>,
      others: [number, number],
    ]
  >([
    ['month', undefined, '2026-11', { 'member-018': [0, 2], 'member-019': [3, 1], 'member-020': [3, 1] }, [0, 2]],
    ['quarter', undefined, '2026-Q4', { 'member-018': [0, 2], 'member-019': [3, 1], 'member-020': [3, 1] }, [0, 2]],
    ['year', undefined, '2026', { 'member-018': [5, 1], 'member-019': [3, 2], 'member-020': [3, 2] }, [0, 3]],
    ['quarter', '2026-07-01', '2026-Q3', { 'member-018': [5, 1], 'member-019': [0, 2], 'member-020': [0, 2] }, [0, 2]],
    ['month', '2026-07-31', '2026-07', { 'member-018': [5, 1], 'member-019': [0, 2], 'member-020': [0, 2] }, [0, 2]],
    ['year', '2025-06-01', '2025', { 'member-018': [0, 1], 'member-019': [0, 1], 'member-020': [0, 1] }, [0, 1]],
  ])(
    'by %s (date %s): period %s, dense ranks with ties',
    async (period, date, label, expected, [otherNet, otherRank]) => {
      await awardBranch2();
      const ranking = await rank(ADMIN, BRANCH_2, period, date);
      expect(ranking.period).toBe(label);
      expect(ranking.visibility).toBe('full');
      expect(ranking.items).toHaveLength(await activeCount(BRANCH_2));
      expect(nets(ranking)).toEqual(expected);
      for (const item of ranking.items.filter((i) => !BRANCH_2_MEMBERS.includes(i.memberId)))
        expect([item.net, item.rank]).toEqual([otherNet, otherRank]);
      expectDense(ranking.items);
      // The admin is a member of 第二党支部: their own line.
      expect(ranking.me).toMatchObject({ memberId: 'member-007', net: 0 });
    },
  );

  it('ranks 第一党支部 by the totals the ledger implies, densely', async () => {
    const ranking = await rank(SECRETARY, BRANCH_1, 'year');
    expect(ranking.items).toHaveLength(await activeCount(BRANCH_1));
    expectDense(ranking.items);
    for (const item of ranking.items) {
      const totals = await totalsOf(item.memberId);
      expect([item.bonus, item.deduction, item.net]).toEqual([
        totals?.total.bonus ?? 0,
        totals?.total.deduction ?? 0,
        totals?.total.net ?? 0,
      ]);
    }
    expect(ranking.me?.memberId).toBe('member-001');
    // The admin belongs to 第二党支部: no line of their own here.
    expect((await rank(ADMIN, BRANCH_1, 'year')).me).toBeNull();
  });

  it('a group’s ranking holds the group’s members only', async () => {
    const ranking = await rank(SECRETARY, 'org-group-1', 'year');
    const group = await h.store.query('members', { where: { groupId: 'org-group-1', status: 'active' } });
    expect(ranking.items.map((i) => i.memberId).sort()).toEqual(group.map((m) => m._id).sort());
    expectDense(ranking.items);
  });

  it('the committee itself cannot be ranked (INVALID_INPUT)', async () => {
    await refused(ADMIN, 'ranking', { orgId: 'org-committee', period: 'year' }, 'INVALID_INPUT');
  });

  describe('what members see follows rankingVisibility; staff always see the full list', () => {
    /** Twelve members of 第一党支部 far ahead of everyone, each with a different net. */
    async function twelveLeaders(): Promise<string[]> {
      const unbound = await h.store.query('members', {
        where: { branchId: BRANCH_1, status: 'active' },
        orderBy: [['_id', 'asc']],
        limit: 100,
      });
      const members = unbound.filter((m) => !m.openid).slice(0, 12);
      expect(members).toHaveLength(12);
      for (const [i, member] of members.entries())
        await post({
          id: `test:leader:${member._id}`,
          member,
          rule: rule('pioneer'),
          value: 100 + 10 * i,
          reason: '先锋表彰',
        });
      return members.map((m) => m._id);
    }

    it.each<[visibility: PointsSettings['rankingVisibility'] | null, shown: 'own' | 'none']>([
      [null, 'own'], // the default
      ['self', 'own'],
      ['off', 'none'],
    ])('setting %s → a member sees %s line, never the leaders', async (visibility, shown) => {
      await twelveLeaders();
      if (visibility) await useSettings({ rankingVisibility: visibility });
      const full = await rank(SECRETARY, BRANCH_1, 'year');
      const seen = await rank(MEMBER, BRANCH_1, 'year');
      expect(seen.visibility).toBe(visibility ?? 'self');
      const mine = lineOf(full, 'member-003') as RankingItem;
      expect(mine.rank).toBeGreaterThan(10);
      expect(seen.items).toEqual([]);
      expect(seen.me).toEqual(shown === 'own' ? mine : null);
    });

    it.each([SECRETARY, OFFICER])('%s gets the full list even when members see only themselves', async (who) => {
      await useSettings({ rankingVisibility: 'self' });
      const ranking = await rank(who, BRANCH_1, 'month');
      expect(ranking.visibility).toBe('full');
      expect(ranking.items).toHaveLength(await activeCount(BRANCH_1));
      expect(ranking.me?.memberId).toBe(MEMBER_ID[who]);
    });
  });
});

describe('points.entries', () => {
  it('pages through the branch’s ledger, newest first, with `reversed` flags', async () => {
    const {
      entries: [recorded],
    } = await h.call(SECRETARY, 'points', 'record', {
      memberIds: ['member-004'],
      rule: 'shirk',
      reason: '推诿支部交办任务',
    });
    h.now.value = new Date(h.now.value.getTime() + 60_000);
    await h.call(SECRETARY, 'points', 'reverse', { entryId: recorded.id, reason: '核实后系误记' });

    const seen: PointsOutputs['entries']['items'] = [];
    for (let page = 1; ; page++) {
      const result = await h.call(OFFICER, 'points', 'entries', { orgId: BRANCH_1, page, pageSize: 7 });
      expect(result.page).toBe(page);
      expect(result.items.length).toBeLessThanOrEqual(7);
      seen.push(...result.items);
      if (!result.hasMore) break;
      expect(result.items).toHaveLength(7);
    }
    const ledger = await h.store.query('ledger', { where: { branchId: BRANCH_1 }, limit: 1000 });
    expect(seen.map((e) => e.id).sort()).toEqual(ledger.map((e) => e._id).sort());
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const times = seen.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());

    expect(seen[0]).toMatchObject({ id: `reversal:${recorded.id}`, reverses: recorded.id, reversed: false });
    expect(seen[1]).toMatchObject({ id: recorded.id, memberName: '刘洋', ruleName: '推诿任务', reversed: true });
    const ids = new Set(seen.map((e) => e.id));
    for (const entry of seen) expect(entry.reversed).toBe(ids.has(`reversal:${entry.id}`));
    expect(seen.filter((e) => e.reversed)).toHaveLength(1);
  });

  it('filters by member', async () => {
    const { items, hasMore } = await h.call(SECRETARY, 'points', 'entries', {
      orgId: BRANCH_1,
      memberId: 'member-005',
    });
    expect(hasMore).toBe(false);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.memberId === 'member-005')).toBe(true);
    expect(items.map((e) => e.id)).toContain('seed:shirk:member-005');
    expect(items).toHaveLength(await h.store.count('ledger', { memberId: 'member-005' }));
  });

  it('is for staff only, within their scope', async () => {
    await refused(MEMBER, 'entries', { orgId: BRANCH_1 }, 'FORBIDDEN');
    await refused(SECRETARY, 'entries', { orgId: BRANCH_2 }, 'FORBIDDEN');
    await refused(SECRETARY, 'entries', { orgId: BRANCH_1, memberId: 'member-018' }, 'NOT_FOUND');
  });

  it('a 党小组 officer sees the entries of their group’s members, and no one else’s', async () => {
    // 陈秀英 (member-003, 第一党小组) is made officer of 第一党小组.
    await h.call(ADMIN, 'roster', 'grantRole', { orgId: 'org-group-1', memberId: 'member-003', role: 'officer' });
    const group = (await h.store.query('members', { where: { groupId: 'org-group-1', status: 'active' } })).map(
      (m) => m._id,
    );

    const { items } = await h.call(MEMBER, 'points', 'entries', { orgId: 'org-group-1', pageSize: 100 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((e) => !group.includes(e.memberId))).toEqual([]);
    const ledger = await h.store.query('ledger', { where: { branchId: BRANCH_1 }, limit: 1000 });
    expect(items.map((e) => e.id).sort()).toEqual(
      ledger
        .filter((e) => group.includes(e.memberId))
        .map((e) => e._id)
        .sort(),
    );

    const one = await h.call(MEMBER, 'points', 'entries', { orgId: 'org-group-1', memberId: 'member-008' });
    expect(one.items.map((e) => e.memberId)).toEqual(one.items.map(() => 'member-008'));
    expect(one.items).toHaveLength(await h.store.count('ledger', { memberId: 'member-008' }));
    await refused(MEMBER, 'entries', { orgId: 'org-group-1', memberId: 'member-004' }, 'NOT_FOUND'); // 第二党小组
    await refused(MEMBER, 'entries', { orgId: BRANCH_1 }, 'FORBIDDEN');
  });
});

describe('亮身份 awards +5 once', () => {
  it('approving decl-demo-1 (吴桂兰, member-008) posts +5, shown in `mine`; a retried post adds nothing', async () => {
    const before = (await totalsOf('member-008'))?.total.net ?? 0;
    await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-1', decision: 'approve' });
    const mine = await h.call('demo-applicant-1', 'points', 'mine');
    expect(mine.entries.items[0]).toMatchObject({
      id: 'declaration:member-008',
      rule: 'declaration',
      ruleName: '亮身份',
      value: 5,
      reason: '亮身份审核通过',
      at: h.now.value.toISOString(),
      reverses: null,
    });
    expect(mine.entries.items.filter((e) => e.rule === 'declaration')).toHaveLength(1);
    expect(mine.totals.year).toBe(before + 5);
    expect(mine.score).toBe(60 + before + 5);

    const state = await pointsState();
    const member = (await h.store.get('members', 'member-008')) as MemberDoc;
    const retried = await post({
      id: 'declaration:member-008',
      member,
      rule: rule('declaration'),
      reason: '亮身份审核通过',
      source: 'declaration',
    });
    expect(retried.created).toBe(false);
    expect(retried.entry.value).toBe(5);
    expect(await pointsState()).toEqual(state);
    expect((await h.call('demo-applicant-1', 'points', 'mine')).totals.year).toBe(before + 5);
  });

  it('a newcomer (decl-demo-2) starts at 65: 60 plus 亮身份', async () => {
    await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-2', decision: 'approve' });
    const mine = await h.call('demo-applicant-2', 'points', 'mine');
    expect(mine).toMatchObject({
      score: 65,
      stars: 1,
      starLabel: '一星党员',
      totals: { month: 5, quarter: 5, year: 5 },
      entries: { page: 1, pageSize: 20, hasMore: false },
    });
    expect(mine.entries.items.map((e) => [e.rule, e.value])).toEqual([['declaration', 5]]);
    expect((await h.call(ADMIN, 'points', 'verify')).consistent).toBe(true);
  });
});

describe('points.verify and points.rebuild', () => {
  it('the demo data is consistent', async () => {
    const result = await h.call(ADMIN, 'points', 'verify');
    expect(result).toEqual({ consistent: true, entries: await h.store.count('ledger'), differences: [] });
  });

  const MEMBER_TOTALS = 'm:member-003:2026';
  const BRANCH_TOTALS = 'b:org-branch-1:2026';

  it.each<
    [
      label: string,
      tamper: () => Promise<unknown>,
      expected: (before: Map<string, TotalsDoc>) => object[],
      exact: boolean,
    ]
  >([
    [
      'a member’s year net raised by 5',
      () => h.store.update('pointTotals', MEMBER_TOTALS, { $inc: { 'total.net': 5 } }),
      (before) => {
        const net = (before.get(MEMBER_TOTALS) as TotalsDoc).total.net;
        return [{ totals: MEMBER_TOTALS, field: 'total.net', expected: net, actual: net + 5 }];
      },
      true,
    ],
    [
      'a branch’s November bonus lowered by 2',
      () => h.store.update('pointTotals', BRANCH_TOTALS, { $inc: { 'months.11.bonus': -2 } }),
      (before) => {
        const bonus = (before.get(BRANCH_TOTALS) as TotalsDoc).months['11'].bonus;
        return [{ totals: BRANCH_TOTALS, field: 'months.11.bonus', expected: bonus, actual: bonus - 2 }];
      },
      true,
    ],
    [
      'a member’s totals lost',
      () => h.store.remove('pointTotals', MEMBER_TOTALS),
      (before) => [
        expect.objectContaining({
          totals: MEMBER_TOTALS,
          field: 'total.net',
          expected: (before.get(MEMBER_TOTALS) as TotalsDoc).total.net,
          actual: 0,
        }),
      ],
      false,
    ],
    [
      'totals with no ledger behind them',
      () =>
        h.store.set('pointTotals', {
          _id: 'm:member-017:2025',
          kind: 'member',
          ownerId: 'member-017',
          branchId: BRANCH_1,
          committeeId: 'org-committee',
          year: 2025,
          total: { bonus: 4, deduction: 0, net: 4, count: 1, participants: 0 },
          months: {},
          quarters: {},
          ruleUse: {},
          joined: {},
        }),
      () => [
        { totals: 'm:member-017:2025', field: 'total.bonus', expected: 0, actual: 4 },
        { totals: 'm:member-017:2025', field: 'total.net', expected: 0, actual: 4 },
        { totals: 'm:member-017:2025', field: 'total.count', expected: 0, actual: 1 },
      ],
      true,
    ],
  ])('%s: verify names the difference; rebuild restores the totals', async (_label, tamper, expected, exact) => {
    const totalsBefore = await h.store.query('pointTotals', { orderBy: [['_id', 'asc']], limit: 1000 });
    const before = new Map(totalsBefore.map((doc) => [doc._id, doc]));
    const entries = await h.store.count('ledger');
    await tamper();

    const verdict = await h.call(ADMIN, 'points', 'verify');
    expect(verdict.consistent).toBe(false);
    expect(verdict.entries).toBe(entries);
    expect(verdict.differences).toEqual(expect.arrayContaining(expected(before)));
    if (exact) expect(verdict.differences).toHaveLength(expected(before).length);

    const rebuilt = await h.call(ADMIN, 'points', 'rebuild');
    expect(rebuilt).toEqual({ entries, totals: totalsBefore.length });
    expect(await h.call(ADMIN, 'points', 'verify')).toEqual({ consistent: true, entries, differences: [] });
    expect(await h.store.query('pointTotals', { orderBy: [['_id', 'asc']], limit: 1000 })).toEqual(totalsBefore);
    expect(await h.store.count('audit', { action: 'points.rebuild' })).toBe(1);
  });

  it.each([SECRETARY, OFFICER, MEMBER, VISITOR])('%s can neither verify nor rebuild (FORBIDDEN)', async (who) => {
    const state = await pointsState();
    await refused(who, 'verify', undefined, 'FORBIDDEN');
    await refused(who, 'rebuild', undefined, 'FORBIDDEN');
    expect(await pointsState()).toEqual(state);
  });
});

describe('scope', () => {
  it.each<
    [label: string, who: string | null, action: string, data: () => Promise<unknown> | unknown, code: ApiError['code']]
  >([
    [
      'the 第一党支部 secretary records for 第二党支部',
      SECRETARY,
      'record',
      () => ({ memberIds: ['member-018'], rule: 'volunteer', reason: '志愿服务' }),
      'FORBIDDEN',
    ],
    [
      'the 第一党支部 secretary records for both branches at once',
      SECRETARY,
      'record',
      () => ({ memberIds: ['member-003', 'member-018'], rule: 'volunteer', reason: '志愿服务' }),
      'FORBIDDEN',
    ],
    [
      'the 第一党支部 secretary reverses a 第二党支部 entry',
      SECRETARY,
      'reverse',
      async () => {
        const { entries } = await h.call(ADMIN, 'points', 'record', {
          memberIds: ['member-018'],
          rule: 'pioneer',
          reason: '先锋表彰',
        });
        return { entryId: entries[0].id, reason: '越权冲正' };
      },
      'FORBIDDEN',
    ],
    [
      'the 第一党支部 secretary ranks 第二党支部',
      SECRETARY,
      'ranking',
      () => ({ orgId: BRANCH_2, period: 'year' }),
      'FORBIDDEN',
    ],
    [
      'an officer records',
      OFFICER,
      'record',
      () => ({ memberIds: ['member-003'], rule: 'volunteer', reason: '志愿服务' }),
      'FORBIDDEN',
    ],
    [
      'an officer reverses',
      OFFICER,
      'reverse',
      () => ({ entryId: 'seed:shirk:member-005', reason: '冲正测试' }),
      'FORBIDDEN',
    ],
    [
      'a member records',
      MEMBER,
      'record',
      () => ({ memberIds: ['member-004'], rule: 'volunteer', reason: '志愿服务' }),
      'FORBIDDEN',
    ],
    [
      'a member records for themself',
      MEMBER,
      'record',
      () => ({ memberIds: ['member-003'], rule: 'pioneer', reason: '自我表彰' }),
      'FORBIDDEN',
    ],
    [
      'a member reverses their deduction',
      MEMBER_4,
      'reverse',
      () => ({ entryId: 'seed:shirk:member-005', reason: '不服扣分' }),
      'FORBIDDEN',
    ],
    [
      'a secretary records for themself',
      SECRETARY,
      'record',
      () => ({ memberIds: ['member-001'], rule: 'pioneer', reason: '自我表彰' }),
      'FORBIDDEN',
    ],
    [
      'a secretary reverses a deduction of their own',
      SECRETARY,
      'reverse',
      async () => {
        const { entries } = await h.call(ADMIN, 'points', 'record', {
          memberIds: ['member-001'],
          rule: 'shirk',
          reason: '未按时上报党费收缴情况',
        });
        return { entryId: entries[0].id, reason: '自行冲正' };
      },
      'FORBIDDEN',
    ],
    [
      'a secretary records for a member and themself',
      SECRETARY,
      'record',
      () => ({ memberIds: ['member-003', 'member-001'], rule: 'pioneer', reason: '集体表彰' }),
      'FORBIDDEN',
    ],
    [
      'the admin records for themself',
      ADMIN,
      'record',
      () => ({ memberIds: ['member-007'], rule: 'pioneer', reason: '自我表彰' }),
      'FORBIDDEN',
    ],
    ['a member ranks another branch', MEMBER, 'ranking', () => ({ orgId: BRANCH_2, period: 'year' }), 'FORBIDDEN'],
    ['a visitor ranks a branch', VISITOR, 'ranking', () => ({ orgId: BRANCH_1, period: 'year' }), 'FORBIDDEN'],
    ['a visitor asks for their points', VISITOR, 'mine', () => undefined, 'NOT_FOUND'],
    ['nobody signed in asks for points', null, 'mine', () => undefined, 'UNAUTHENTICATED'],
  ])('%s (as %s) is refused, and nothing changes', async (_label, who, action, data, code) => {
    const input = await data();
    const state = await pointsState();
    await refused(who, action, input, code);
    expect(await pointsState()).toEqual(state);
  });

  it('an officer can read the ranking (in full) but not record', async () => {
    const ranking = await rank(OFFICER, BRANCH_1, 'year');
    expect(ranking.visibility).toBe('full');
    expect(ranking.items).toHaveLength(await activeCount(BRANCH_1));
  });
});

describe('period boundaries through the handlers (China time)', () => {
  it('an award at 00:30 on 1 April in Beijing counts in April and Q2, not March or Q1', async () => {
    h.now.value = new Date('2026-03-31T16:30:00Z');
    const member = await addMember('member-904', '测试丁');
    const { entries } = await h.call(SECRETARY, 'points', 'record', {
      memberIds: [member._id],
      rule: 'volunteer',
      reason: '清明节志愿服务',
    });
    expect(entries[0].value).toBe(3);

    const q2 = await rank(SECRETARY, BRANCH_1, 'quarter', '2026-04-01');
    expect(q2.period).toBe('2026-Q2');
    expect(lineOf(q2, member._id)).toMatchObject({ net: 3, rank: 1 });
    const q1 = await rank(SECRETARY, BRANCH_1, 'quarter', '2026-03-31');
    expect(q1.period).toBe('2026-Q1');
    expect(lineOf(q1, member._id)?.net).toBe(0);
    expect(lineOf(await rank(SECRETARY, BRANCH_1, 'month', '2026-04-01'), member._id)?.net).toBe(3);
    expect(lineOf(await rank(SECRETARY, BRANCH_1, 'month', '2026-03-31'), member._id)?.net).toBe(0);
    // With no date, the ranking is for the current period in China: April already.
    expect((await rank(SECRETARY, BRANCH_1, 'month')).period).toBe('2026-04');

    const { items } = await h.call(SECRETARY, 'points', 'entries', { orgId: BRANCH_1, memberId: member._id });
    expect(items[0].at).toBe('2026-03-31T16:30:00.000Z');
  });

  it('`mine` counts the month and quarter in China time', async () => {
    h.now.value = new Date('2026-03-31T15:59:00Z'); // 23:59 on 31 March in China
    await h.call(SECRETARY, 'points', 'record', {
      memberIds: ['member-003'],
      rule: 'volunteer',
      reason: '三月志愿服务',
    });
    const march = await h.call(MEMBER, 'points', 'mine');
    expect(march.totals).toMatchObject({ month: 3, quarter: 3 });
    h.now.value = new Date('2026-03-31T16:30:00Z'); // 00:30 on 1 April
    const april = await h.call(MEMBER, 'points', 'mine');
    expect(april.totals).toEqual({ month: 0, quarter: 0, year: march.totals.year });
  });
});
