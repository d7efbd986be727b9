import { createHarness, type Harness } from '../../../tests/support/harness';
import { publishedSheets } from '../../../tests/support/excel';
import { MEMBER, MEMBER_3, MEMBER_4, SECRETARY } from '../../../tests/support/demo';

/**
 * 学习统计 with people on the way (issue 15): 微党课 expects 发展对象 and 入党积极分子 (listed with their
 * status, reminded, counted apart), welcomes 入党申请人 (they may watch, but are neither listed nor
 * reminded); the figures and the 完成率 are the Party members'. 刘洋 (member-004) is made an 积极分子,
 * 赵丽娟 (member-005) an 申请人.
 */
const SESSION = 'tab-way-01';
const BRANCH_1 = 'org-branch-1';
const LECTURE = 'lecture-2';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
  await h.store.update('members', 'member-004', { $set: { partyStatus: 'activist', fullAt: null, joinedAt: null } });
  await h.store.update('members', 'member-005', { $set: { partyStatus: 'applicant', fullAt: null, joinedAt: null } });
});

afterEach(() => h.close());

async function play(openid: string, to: number) {
  await h.call(openid, 'lecture', 'heartbeat', { id: LECTURE, position: 0, playing: true, session: SESSION });
  for (let p = 0; p < to; p += 10) {
    h.now.value = new Date(h.now.value.getTime() + 10_000);
    await h.call(openid, 'lecture', 'heartbeat', { id: LECTURE, position: p + 10, playing: true, session: SESSION });
  }
}

describe('学习统计 with people on the way', () => {
  it('lists the 积极分子 with their status and counts them apart; the 申请人 is not listed; the rates are the members’', async () => {
    await play(MEMBER, 60);
    await play(MEMBER_3, 60);
    await play(MEMBER_4, 60);
    const stats = await h.call(SECRETARY, 'lecture', 'stats', { id: LECTURE, orgId: BRANCH_1 });
    // 18 active in the branch: 16 Party members, the 积极分子 listed, the 申请人 not.
    expect(stats).toMatchObject({ expected: 16, started: 1, completed: 1, onTheWay: { expected: 1, completed: 1 } });
    expect(stats.items).toHaveLength(17);
    expect(stats.items.find((i) => i.memberId === 'member-004')).toMatchObject({
      partyStatus: 'activist',
      completed: true,
    });
    expect(stats.items.find((i) => i.memberId === 'member-003')?.partyStatus).toBeUndefined();
    expect(stats.items.some((i) => i.memberId === 'member-005')).toBe(false);

    const link = await h.call(SECRETARY, 'lecture', 'exportStats', { id: LECTURE, orgId: BRANCH_1 });
    const book = await publishedSheets(h.files, link.fileID);
    const [, , header, ...rows] = book['学习情况'];
    expect(header[2]).toBe('身份');
    expect(rows.find((r) => r[0] === '刘洋')?.[2]).toBe('入党积极分子');
    expect(rows.find((r) => r[0] === '陈秀英')?.[2]).toBe('党员');
    expect(book['汇总']).toContainEqual(['应学人数', 16]);
    expect(book['汇总']).toContainEqual(['完成率', 1 / 16]);
    expect(book['汇总']).toContainEqual(['发展对象、积极分子已完成（不计入完成率）', '1 / 1']);
  });

  it('提醒未学习 tells the unfinished 积极分子, never the 申请人', async () => {
    const { unfinished } = await h.call(SECRETARY, 'lecture', 'remind', { id: LECTURE, orgId: BRANCH_1 });
    expect(unfinished).toBe(17);
    const told = (await h.store.query('notices', { limit: 1000 }))
      .filter((n) => n.kind === 'lecture.remind')
      .map((n) => n.memberId);
    expect(told).toContain('member-004');
    expect(told).not.toContain('member-005');
  });

  it('学习统计 per member tags those on the way', async () => {
    const { items } = await h.call(SECRETARY, 'lecture', 'memberStats', { orgId: BRANCH_1 });
    expect(items.find((i) => i.memberId === 'member-004')?.partyStatus).toBe('activist');
    expect(items.find((i) => i.memberId === 'member-005')?.partyStatus).toBe('applicant');
    expect(items.find((i) => i.memberId === 'member-003')?.partyStatus).toBeUndefined();
  });
});
