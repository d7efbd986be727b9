import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { ADMIN, MEMBER_3 as MEMBER, SECRETARY } from '../../../tests/support/demo';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

/** Recorded by the admin, so that the secretary may decide objections to it (a recorder may not). */
async function deductFromMember(reason = '未按时提交学习心得'): Promise<string> {
  const { entries } = await h.call(ADMIN, 'points', 'record', { memberIds: ['member-004'], rule: 'shirk', reason });
  return entries[0].id;
}

const minePoints = () => h.call(MEMBER, 'points', 'mine');

describe('异议 (objections)', () => {
  it('a member objects; the secretary upholds it and the entry is reversed', async () => {
    const entryId = await deductFromMember();
    const before = await minePoints();
    expect(before.entries.items.find((e) => e.id === entryId)).toMatchObject({
      objectableUntil: new Date(h.now.value.getTime() + 7 * 86400_000).toISOString(),
      objection: null,
    });

    const raised = await h.call(MEMBER, 'points', 'object', { entryId, reason: '那天我已请假并获批准' });
    expect(raised.status).toBe('open');
    const { items } = await h.call(SECRETARY, 'points', 'objections', { orgId: 'org-branch-1' });
    expect(items).toEqual([
      expect.objectContaining({ entryId, memberName: '刘洋', value: -3, reason: '那天我已请假并获批准' }),
    ]);

    const resolved = await h.call(SECRETARY, 'points', 'resolveObjection', {
      id: raised.id,
      decision: 'uphold',
      reason: '核实请假属实',
    });
    expect(resolved).toEqual({ id: raised.id, status: 'upheld', reversal: `reversal:${entryId}` });

    const after = await minePoints();
    expect(after.totals.year).toBe(before.totals.year + 3);
    expect(after.entries.items[0]).toMatchObject({ value: 3, reverses: entryId, reason: '异议成立：核实请假属实' });
    expect(after.entries.items.find((e) => e.id === entryId)?.objection).toEqual({
      status: 'upheld',
      resolution: '核实请假属实',
    });
    expect((await h.call(ADMIN, 'points', 'verify')).consistent).toBe(true);
  });

  it('a dismissed objection keeps the entry; an entry gets one objection; resolving twice is refused', async () => {
    const entryId = await deductFromMember();
    const { id } = await h.call(MEMBER, 'points', 'object', { entryId, reason: '我认为扣分过重' });
    await expectError(h, MEMBER, 'points', 'object', { entryId, reason: '再次申诉' }, 'CONFLICT');
    const before = await minePoints();
    await h.call(SECRETARY, 'points', 'resolveObjection', {
      id,
      decision: 'dismiss',
      reason: '经支委会核实，扣分无误',
    });
    await expectError(
      h,
      SECRETARY,
      'points',
      'resolveObjection',
      { id, decision: 'uphold', reason: '改判' },
      'CONFLICT',
    );
    const after = await minePoints();
    expect(after.totals).toEqual(before.totals);
    expect(after.entries.items.find((e) => e.id === entryId)?.objection).toEqual({
      status: 'dismissed',
      resolution: '经支委会核实，扣分无误',
    });
  });

  it('only within the posting window, only on one’s own entries, resolved only by the branch', async () => {
    const entryId = await deductFromMember();
    await expectError(h, 'demo-member-2', 'points', 'object', { entryId, reason: '替别人申诉' }, 'NOT_FOUND');
    h.now.value = new Date(h.now.value.getTime() + 8 * 86400_000);
    const late = await expectError(h, MEMBER, 'points', 'object', { entryId, reason: '迟到的异议' }, 'INVALID_INPUT');
    expect(late.message).toContain('7 天');
    expect((await minePoints()).entries.items.find((e) => e.id === entryId)?.objectableUntil).toBeNull();

    h.now.value = new Date(h.now.value.getTime() - 8 * 86400_000);
    const { id } = await h.call(MEMBER, 'points', 'object', { entryId, reason: '那天我在出差' });
    const outsider = 'wx-stranger'; // signed in, no role anywhere
    await expectError(
      h,
      outsider,
      'points',
      'resolveObjection',
      { id, decision: 'uphold', reason: '越权' },
      'FORBIDDEN',
    );
    await expectError(
      h,
      MEMBER,
      'points',
      'resolveObjection',
      { id, decision: 'uphold', reason: '自己处理' },
      'FORBIDDEN',
    );
  });
});

describe('the rules editor (admin)', () => {
  it('changes a value and the ranking visibility, audited; new awards use the new value', async () => {
    const updated = await h.call(ADMIN, 'points', 'updateRules', {
      items: [{ code: 'shirk', value: -5 }],
      settings: { rankingVisibility: 'self' },
    });
    expect(updated.items.find((r) => r.code === 'shirk')?.value).toBe(-5);
    expect((await h.call(SECRETARY, 'points', 'rules')).settings.rankingVisibility).toBe('self');

    const { entries } = await h.call(SECRETARY, 'points', 'record', {
      memberIds: ['member-004'],
      rule: 'shirk',
      reason: '多次推诿支部工作',
    });
    expect(entries[0].value).toBe(-5);
    const ranking = await h.call('demo-member-2', 'points', 'ranking', { orgId: 'org-branch-1', period: 'year' });
    expect(ranking).toMatchObject({
      visibility: 'self',
      items: [],
      me: expect.objectContaining({ memberId: 'member-003' }),
    });

    const audit = await h.call(ADMIN, 'roster', 'auditLog', { pageSize: 50 });
    expect(audit.items.map((e) => e.action)).toContain('points.rules');
  });

  it('is for admins only', async () => {
    await expectError(h, SECRETARY, 'points', 'updateRules', { settings: { baseScore: 70 } }, 'FORBIDDEN');
    expect((await h.call(SECRETARY, 'points', 'rules')).settings.baseScore).toBe(60);
  });
});

describe('corrections count in the original entry’s period', () => {
  it('a December deduction reversed in January restores December and the old year, not the new one', async () => {
    h.now.value = new Date('2026-12-30T02:00:00Z');
    const entryId = await deductFromMember('年终述职未参加');
    const december = await h.call(SECRETARY, 'points', 'ranking', {
      orgId: 'org-branch-1',
      period: 'month',
      date: '2026-12-30',
    });
    const liuBefore = december.items.find((i) => i.memberId === 'member-004');
    expect(liuBefore).toMatchObject({ deduction: 3 });

    h.now.value = new Date('2027-01-05T02:00:00Z');
    const { id } = await h.call(MEMBER, 'points', 'object', { entryId, reason: '当天在外地培训，已报备' });
    await h.call(SECRETARY, 'points', 'resolveObjection', { id, decision: 'uphold', reason: '培训证明属实' });

    const decemberAfter = await h.call(SECRETARY, 'points', 'ranking', {
      orgId: 'org-branch-1',
      period: 'month',
      date: '2026-12-30',
    });
    expect(decemberAfter.items.find((i) => i.memberId === 'member-004')).toMatchObject({
      deduction: 0,
      net: (liuBefore?.net ?? 0) + 3,
    });
    const january = await h.call(SECRETARY, 'points', 'ranking', {
      orgId: 'org-branch-1',
      period: 'year',
      date: '2027-01-05',
    });
    expect(january.items.find((i) => i.memberId === 'member-004')).toMatchObject({ bonus: 0, deduction: 0, net: 0 });
    expect((await h.call(ADMIN, 'points', 'verify')).consistent).toBe(true);
  });

  it('a secretary cannot resolve an objection about their own entry, nor the admin who recorded it', async () => {
    const { entries } = await h.call(ADMIN, 'points', 'record', {
      memberIds: ['member-001'],
      rule: 'shirk',
      reason: '支部材料报送延误',
    });
    const { id } = await h.call(SECRETARY, 'points', 'object', { entryId: entries[0].id, reason: '材料已按时报送' });
    await expectError(
      h,
      SECRETARY,
      'points',
      'resolveObjection',
      { id, decision: 'uphold', reason: '自己同意' },
      'FORBIDDEN',
    );
    const recorder = await expectError(
      h,
      ADMIN,
      'points',
      'resolveObjection',
      { id, decision: 'uphold', reason: '核实属实' },
      'FORBIDDEN',
    );
    expect(recorder.message).toBe('该记录由您录入，异议须由其他书记或党委管理员处理');
  });
});

describe('scoring conventions are configurable', () => {
  it('an admin sets the floor and the star bands; scores and stars follow', async () => {
    await h.call(ADMIN, 'points', 'updateRules', {
      settings: {
        baseScore: 50,
        floor: 40,
        starBands: [
          { min: 80, stars: 3, label: '优秀党员' },
          { min: 55, stars: 2, label: '合格党员' },
          { min: 0, stars: 0, label: '不合格' },
        ],
      },
    });
    const mine = await h.call(MEMBER, 'points', 'mine');
    expect(mine.score).toBe(Math.max(40, 50 + mine.totals.year));
    expect([mine.stars, mine.starLabel]).toEqual(mine.score >= 55 ? [2, '合格党员'] : [0, '不合格']);

    await h.call(ADMIN, 'points', 'record', { memberIds: ['member-004'], rule: 'discipline', reason: '违反组织纪律' });
    await h.call(ADMIN, 'points', 'record', {
      memberIds: ['member-004'],
      rule: 'discipline',
      reason: '再次违反组织纪律',
    });
    expect((await h.call(MEMBER, 'points', 'mine')).score).toBe(40);
  });

  it('refuses bands without a band from 0 or with duplicate starts', async () => {
    const noZero = await expectError(
      h,
      ADMIN,
      'points',
      'updateRules',
      {
        settings: {
          starBands: [
            { min: 60, stars: 1, label: '合格' },
            { min: 90, stars: 5, label: '优秀' },
          ],
        },
      },
      'INVALID_INPUT',
    );
    expect(noZero.field).toBe('settings.starBands');
    await expectError(
      h,
      ADMIN,
      'points',
      'updateRules',
      {
        settings: {
          starBands: [
            { min: 0, stars: 0, label: '不合格' },
            { min: 0, stars: 1, label: '合格' },
          ],
        },
      },
      'INVALID_INPUT',
    );
  });
});
