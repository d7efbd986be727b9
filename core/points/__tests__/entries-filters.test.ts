import type { ActionInput, PointsOutputs, Role } from '../../../contracts';
import type { MemberDoc } from '../../roster/documents';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, OFFICER, SECRETARY } from '../../../tests/support/demo';

/** 积分明细's filters (member name, 积分项目, dates) and which rows offer 冲正. */

const BRANCH_1 = 'org-branch-1';
const BRANCH_2 = 'org-branch-2';
/** member-018 of 第二党支部, made its secretary here. */
const BRANCH_2_SECRETARY = 'wx-branch-2-secretary';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

type Entries = PointsOutputs['entries'];
type EntriesInput = ActionInput<'points', 'entries'>;
const entries = (openid: string, data: EntriesInput): Promise<Entries> => h.call(openid, 'points', 'entries', data);

/** Every page of a filtered listing, `pageSize` at a time. */
async function allPages(openid: string, data: EntriesInput, pageSize = 5): Promise<Entries['items']> {
  const seen: Entries['items'] = [];
  for (let page = 1; ; page++) {
    const result = await entries(openid, { ...data, page, pageSize });
    expect(result.items.length).toBeLessThanOrEqual(pageSize);
    seen.push(...result.items);
    if (!result.hasMore) return seen;
    expect(result.items).toHaveLength(pageSize);
  }
}

const branchLedger = (branchId = BRANCH_1) => h.store.query('ledger', { where: { branchId }, limit: 1000 });
const ids = (items: Array<{ id: string } | { _id: string }>) => items.map((e) => ('id' in e ? e.id : e._id)).sort();

async function appoint(memberId: string, openid: string, orgId: string, role: Role): Promise<void> {
  const member = (await h.store.get('members', memberId)) as MemberDoc;
  await h.store.set('members', { ...member, openid });
  await h.store.create('bindings', { _id: openid, memberId, at: h.now.value.toISOString() });
  await h.call(ADMIN, 'roster', 'grantRole', { orgId, memberId, role });
}

const record = async (memberIds: string[], rule: string, reason: string, who = SECRETARY) =>
  (await h.call(who, 'points', 'record', { memberIds, rule, reason })).entries;

describe('points.entries filters', () => {
  it('by part of a member’s name: only their entries, all of them, page by page', async () => {
    const shown = await allPages(SECRETARY, { orgId: BRANCH_1, memberName: '刘' });
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown.map((e) => e.memberName))).toEqual(new Set(['刘洋']));
    expect(ids(shown)).toEqual(ids((await branchLedger()).filter((e) => e.memberName.includes('刘'))));
    const times = shown.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect((await entries(SECRETARY, { orgId: BRANCH_1, memberName: '无此人' })).items).toEqual([]);
  });

  it('by 积分项目: the item’s entries and their reversals', async () => {
    const [shirk] = await record(['member-004'], 'shirk', '推诿支部交办任务');
    h.now.value = new Date(h.now.value.getTime() + 60_000);
    await h.call(SECRETARY, 'points', 'reverse', { entryId: shirk.id, reason: '核实后系误记' });

    const shown = await allPages(SECRETARY, { orgId: BRANCH_1, rule: 'shirk' });
    expect(new Set(shown.map((e) => e.rule))).toEqual(new Set(['shirk']));
    expect(ids(shown)).toEqual(ids((await branchLedger()).filter((e) => e.rule === 'shirk')));
    expect(ids(shown)).toEqual(expect.arrayContaining([shirk.id, `reversal:${shirk.id}`]));
    // An item nobody has scored yet shows nothing (a committee item, not an error).
    expect((await entries(SECRETARY, { orgId: BRANCH_1, rule: 'discipline' })).items).toEqual([]);
  });

  it('by China-time dates, both days included', async () => {
    // 23:59 on 28 November, 23:59 on 30 November and 00:00 on 1 December, in Beijing.
    const at = async (iso: string) => {
      h.now.value = new Date(iso);
      return (await record(['member-003'], 'pioneer', `先锋表彰 ${iso}`))[0].id;
    };
    const early = await at('2026-11-28T15:59:00.000Z');
    const lastOfNovember = await at('2026-11-30T15:59:00.000Z');
    const firstOfDecember = await at('2026-11-30T16:00:00.000Z');

    const late = await allPages(SECRETARY, { orgId: BRANCH_1, from: '2026-11-29', to: '2026-11-30' });
    expect(ids(late)).toEqual([lastOfNovember]);
    const december = await allPages(SECRETARY, { orgId: BRANCH_1, from: '2026-12-01' });
    expect(ids(december)).toEqual([firstOfDecember]);
    const upTo28th = await allPages(SECRETARY, { orgId: BRANCH_1, to: '2026-11-28' }, 20);
    expect(ids(upTo28th)).toContain(early);
    expect(upTo28th.every((e) => e.at < '2026-11-28T16:00:00.000Z')).toBe(true);
    expect(ids(upTo28th)).toEqual(ids((await branchLedger()).filter((e) => e.at < '2026-11-28T16:00:00.000Z')));
  });

  it('combined, within one member (memberId) or a 党小组', async () => {
    const shown = await allPages(SECRETARY, {
      orgId: BRANCH_1,
      memberId: 'member-004',
      rule: 'org_life',
      to: '2026-11-23',
    });
    expect(ids(shown)).toEqual(
      ids(
        (await branchLedger()).filter(
          (e) => e.memberId === 'member-004' && e.rule === 'org_life' && e.at < '2026-11-23T16:00:00.000Z',
        ),
      ),
    );
    // 陈秀英 (第一党小组) as officer of her group sees her group's 王志强, not 第二党小组's 刘洋.
    await h.call(ADMIN, 'roster', 'grantRole', { orgId: 'org-group-1', memberId: 'member-003', role: 'officer' });
    expect((await entries('demo-member-2', { orgId: 'org-group-1', memberName: '刘洋' })).items).toEqual([]);
    const wang = await entries('demo-member-2', { orgId: 'org-group-1', memberName: '王志强', pageSize: 100 });
    expect(wang.items.length).toBeGreaterThan(0);
    expect(wang.items.every((e) => e.memberId === 'member-002')).toBe(true);
  });

  it('a secretary of another branch sees nothing of this one', async () => {
    await appoint('member-018', BRANCH_2_SECRETARY, BRANCH_2, 'secretary');
    await record(['member-019'], 'volunteer', '社区志愿服务', ADMIN);
    for (const filter of [{}, { memberName: '刘洋' }, { rule: 'shirk' }, { from: '2026-01-01', to: '2026-12-31' }])
      await expectError(h, BRANCH_2_SECRETARY, 'points', 'entries', { orgId: BRANCH_1, ...filter }, 'FORBIDDEN');
    await expectError(
      h,
      BRANCH_2_SECRETARY,
      'points',
      'entries',
      { orgId: BRANCH_2, memberId: 'member-004' },
      'NOT_FOUND',
    );
    // Their own branch, filtered by a name of 第一党支部: nothing; unfiltered: their branch's only.
    expect((await entries(BRANCH_2_SECRETARY, { orgId: BRANCH_2, memberName: '刘洋' })).items).toEqual([]);
    const own = await allPages(BRANCH_2_SECRETARY, { orgId: BRANCH_2, from: '2026-01-01' });
    expect(own.length).toBeGreaterThan(0);
    expect(ids(own)).toEqual(ids((await branchLedger(BRANCH_2)).filter((e) => e.at >= '2025-12-31T16:00:00.000Z')));
  });

  it.each<[label: string, filter: Record<string, unknown>, field: string, message: RegExp]>([
    ['a date in the wrong format', { from: '2026/11/01' }, 'from', /日期格式应为 YYYY-MM-DD/],
    ['a date that does not exist', { to: '2026-02-30' }, 'to', /不是有效日期/],
    ['an end before the start', { from: '2026-11-30', to: '2026-11-01' }, 'to', /结束日期不能早于开始日期/],
    ['a malformed item code', { rule: 'Shirk; drop' }, 'rule', /积分项目代码格式不正确/],
    ['an unknown item', { rule: 'no_such_item' }, 'rule', /没有这个积分项目/],
    ['an empty name', { memberName: '  ' }, 'memberName', /请输入姓名/],
    ['a name too long', { memberName: '长'.repeat(21) }, 'memberName', /姓名最多 20 个字/],
    ['a name that is not text', { memberName: 7 }, 'memberName', /[\u4e00-\u9fff]/],
    ['an unknown filter', { member: '刘洋' }, 'member', /[\u4e00-\u9fff]/],
  ])('%s is INVALID_INPUT with a Chinese message, and nothing changes', async (_label, filter, field, message) => {
    const before = await snapshot(h.store, ['ledger', 'pointTotals', 'audit']);
    const error = await expectError(h, SECRETARY, 'points', 'entries', { orgId: BRANCH_1, ...filter }, 'INVALID_INPUT');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshot(h.store, ['ledger', 'pointTotals', 'audit'])).toEqual(before);
  });
});

describe('points.entries `reversible` mirrors `reverse`', () => {
  /** Tries to reverse every listed entry: `reversible` must say beforehand which succeed. */
  async function expectMirror(openid: string, orgId = BRANCH_1): Promise<Entries['items']> {
    const listed = await allPages(openid, { orgId }, 100);
    for (const entry of listed) {
      const result = await h.raw(openid, 'points', {
        action: 'reverse',
        data: { entryId: entry.id, reason: '核对冲正' },
      });
      expect({ id: entry.id, reversed: result.ok }).toEqual({ id: entry.id, reversed: entry.reversible });
    }
    return listed;
  }

  it('the secretary: not a reversal, not reversed, not their own, not a higher role’s', async () => {
    const [own] = await record(['member-001'], 'shirk', '未按时上报党费收缴情况', ADMIN);
    const [done] = await record(['member-005'], 'pioneer', '先锋表彰');
    h.now.value = new Date(h.now.value.getTime() + 60_000);
    await h.call(SECRETARY, 'points', 'reverse', { entryId: done.id, reason: '记错了人' });
    // 赵丽娟 becomes secretary of 第一党支部 too: the other secretary cannot reverse her entries.
    await appoint('member-005', 'wx-second-secretary', BRANCH_1, 'secretary');

    const listed = await expectMirror(SECRETARY);
    const byId = new Map(listed.map((e) => [e.id, e]));
    expect(byId.get(own.id)?.reversible).toBe(false);
    expect(byId.get(done.id)).toMatchObject({ reversed: true, reversible: false });
    expect(byId.get(`reversal:${done.id}`)?.reversible).toBe(false);
    expect(listed.filter((e) => e.memberId === 'member-005').every((e) => !e.reversible)).toBe(true);
    expect(listed.filter((e) => e.memberId === 'member-003').some((e) => e.reversible)).toBe(true);
  });

  it('an officer (支委) may reverse nothing', async () => {
    const listed = await expectMirror(OFFICER);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((e) => e.reversible)).toBe(false);
  });

  it('the committee admin: everything unreversed but their own', async () => {
    await record(['member-019'], 'volunteer', '社区志愿服务', ADMIN);
    const listed = await expectMirror(ADMIN, BRANCH_2);
    expect(listed.some((e) => e.reversible)).toBe(true);
    expect(listed.filter((e) => e.memberId === 'member-007').every((e) => !e.reversible)).toBe(true);
    const others = listed.filter((e) => !e.reversed && !e.reverses && e.memberId !== 'member-007');
    expect(others.every((e) => e.reversible)).toBe(true);
  });
});
