import type { LectureOutputs } from '../../../contracts';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { publishedSheets } from '../../../tests/support/excel';
import { inPinyinOrder } from '../../shared/pinyin-order';
import { ADMIN, MEMBER, MEMBER_3 as GROUP_2_MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';

/**
 * What the secretary sees: one lecture's progress across a branch or group (who has not finished
 * first), its Excel export, and lectures completed per member by month, quarter and year.
 */
const SESSION = 'tab-stats-01';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const tick = (s: number) => {
  h.now.value = new Date(h.now.value.getTime() + s * 1000);
};

/** Plays `id` from `from` to `to` as `openid`, a beat every 10 s of the harness clock. */
async function play(openid: string, id: string, from: number, to: number) {
  let last = await h.call(openid, 'lecture', 'heartbeat', { id, position: from, playing: true, session: SESSION });
  for (let p = from; p < to;) {
    const next = Math.min(to, p + 10);
    tick(next - p);
    last = await h.call(openid, 'lecture', 'heartbeat', { id, position: next, playing: true, session: SESSION });
    p = next;
  }
  return last;
}

const RIGHT = { q1: 'A', q2: 'B', q3: ['A', 'B'] };
const WRONG = { q1: 'B', q2: 'A', q3: ['A'] };

const activeMembers = (where: Record<string, string>) => h.store.count('members', { ...where, status: 'active' });

const sheets = (fileID: string) => publishedSheets(h.files, fileID);

describe('lecture.stats', () => {
  it('counts the branch’s members who started, completed and passed; who has not finished comes first', async () => {
    await play(MEMBER, 'lecture-2', 0, 60);
    const finishedAt = h.now.value.toISOString();
    await play(GROUP_2_MEMBER, 'lecture-2', 0, 20);
    // An anchor alone (nothing watched) is not a start.
    await h.call(SECRETARY, 'lecture', 'heartbeat', { id: 'lecture-2', position: 0, playing: true });

    const stats = await h.call(SECRETARY, 'lecture', 'stats', { id: 'lecture-2', orgId: 'org-branch-1' });
    const expected = await activeMembers({ branchId: 'org-branch-1' });
    expect(expected).toBe(18);
    expect(stats).toMatchObject({ expected, started: 2, completed: 1, passed: 0 });
    expect(stats.items).toHaveLength(expected);
    // Not finished first, the one who finished last.
    expect(stats.items.map((i) => i.completed)).toEqual([...Array(expected - 1).fill(false), true]);
    expect(stats.items[expected - 1]).toEqual({
      memberId: 'member-003',
      name: '陈秀英',
      progressPercent: 100,
      started: true,
      completed: true,
      quizPassed: null,
      watchedAt: finishedAt,
    });
    expect(stats.items.find((i) => i.memberId === 'member-004')).toMatchObject({
      name: '刘洋',
      progressPercent: 33,
      started: true,
      completed: false,
      quizPassed: null,
    });
    expect(stats.items.find((i) => i.memberId === 'member-001')).toMatchObject({
      progressPercent: 0,
      started: false,
      completed: false,
      watchedAt: expect.any(String),
    });
    expect(stats.items.find((i) => i.memberId === 'member-008')).toMatchObject({
      progressPercent: 0,
      started: false,
      watchedAt: null,
    });
    // Members of 第二党支部 are not in 第一党支部's table.
    expect(stats.items.some((i) => i.memberId === 'member-007')).toBe(false);
  });

  it('answers progress as a percentage, never the time a member watched (统计在线时长 is not the branch’s to see)', async () => {
    await play(MEMBER, 'lecture-2', 0, 60);
    await play(GROUP_2_MEMBER, 'lecture-2', 0, 7);
    const stats = await h.call(SECRETARY, 'lecture', 'stats', { id: 'lecture-2', orgId: 'org-branch-1' });
    expect(Object.keys(stats).sort()).toEqual(['completed', 'expected', 'items', 'passed', 'started']);
    for (const item of stats.items)
      expect(Object.keys(item).sort()).toEqual([
        'completed',
        'memberId',
        'name',
        'progressPercent',
        'quizPassed',
        'started',
        'watchedAt',
      ]);
    // 7 s of 60 is 11 %, a share of the lecture, not a time.
    expect(stats.items.find((i) => i.memberId === 'member-004')).toMatchObject({ progressPercent: 11, started: true });
    expect(JSON.stringify(stats)).not.toMatch(/"[A-Za-z]*(S|Seconds|Duration|Time)"\s*:/);
  });

  it('for a group: only the group’s members', async () => {
    await play(MEMBER, 'lecture-2', 0, 60);
    await play(GROUP_2_MEMBER, 'lecture-2', 0, 20);
    const stats = await h.call(SECRETARY, 'lecture', 'stats', { id: 'lecture-2', orgId: 'org-group-1' });
    expect(stats.expected).toBe(await activeMembers({ groupId: 'org-group-1' }));
    expect(stats).toMatchObject({ started: 1, completed: 1 });
    expect(stats.items.some((i) => i.memberId === 'member-004')).toBe(false);
    expect(stats.items.map((i) => i.memberId)).toContain('member-003');
  });

  it('with a quiz: completed means watched and passed; passed counts the quiz', async () => {
    await play(MEMBER, 'lecture-1', 0, 45);
    await h.call(MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: RIGHT });
    await play(GROUP_2_MEMBER, 'lecture-1', 0, 45);
    await h.call(GROUP_2_MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: WRONG });
    await play(OFFICER, 'lecture-1', 0, 10);

    const stats = await h.call(OFFICER, 'lecture', 'stats', { id: 'lecture-1', orgId: 'org-branch-1' });
    expect(stats).toMatchObject({ started: 3, completed: 1, passed: 1 });
    const byId = new Map(stats.items.map((i) => [i.memberId, i]));
    expect(byId.get('member-003')).toMatchObject({ completed: true, quizPassed: true, progressPercent: 100 });
    expect(byId.get('member-004')).toMatchObject({ completed: false, quizPassed: false, progressPercent: 100 });
    expect(byId.get('member-002')).toMatchObject({ completed: false, quizPassed: false, progressPercent: 22 });
    expect(byId.get('member-005')).toMatchObject({ completed: false, quizPassed: false, progressPercent: 0 });
  });

  it('permissions: a member is refused, a secretary only in their branch; an officer and the admin may read', async () => {
    const input = { id: 'lecture-2', orgId: 'org-branch-1' };
    await expectError(h, MEMBER, 'lecture', 'stats', input, 'FORBIDDEN');
    await expectError(h, MEMBER, 'lecture', 'exportStats', input, 'FORBIDDEN');
    await expectError(h, MEMBER, 'lecture', 'memberStats', { orgId: 'org-branch-1' }, 'FORBIDDEN');
    await expectError(h, 'demo-visitor', 'lecture', 'stats', input, 'FORBIDDEN');
    const branch2 = { id: 'lecture-2', orgId: 'org-branch-2' };
    await expectError(h, SECRETARY, 'lecture', 'stats', branch2, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'lecture', 'exportStats', branch2, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'lecture', 'memberStats', { orgId: 'org-branch-2' }, 'FORBIDDEN');
    await expectError(h, OFFICER, 'lecture', 'stats', branch2, 'FORBIDDEN');
    expect(h.files.published.size).toBe(0);

    expect((await h.call(OFFICER, 'lecture', 'stats', input)).expected).toBe(18);
    expect((await h.call(OFFICER, 'lecture', 'memberStats', { orgId: 'org-group-2' })).items.length).toBe(
      await activeMembers({ groupId: 'org-group-2' }),
    );
    expect((await h.call(ADMIN, 'lecture', 'stats', branch2)).expected).toBe(
      await activeMembers({ branchId: 'org-branch-2' }),
    );
  });

  it('asks for a branch or group, and a lecture of that committee that reaches it', async () => {
    const committee = { id: 'lecture-2', orgId: 'org-committee' };
    const error = await expectError(h, ADMIN, 'lecture', 'stats', committee, 'INVALID_INPUT');
    expect(error.field).toBe('orgId');
    await expectError(h, ADMIN, 'lecture', 'memberStats', { orgId: 'org-committee' }, 'INVALID_INPUT');
    await expectError(h, SECRETARY, 'lecture', 'stats', { id: 'no-such-lecture', orgId: 'org-branch-1' }, 'NOT_FOUND');

    // A lecture published to 第二党支部 only is not 第一党支部's to count.
    const { id } = await h.call(ADMIN, 'lecture', 'create', {
      title: '第二支部专题课',
      speaker: '测试主讲人',
      kind: 'micro_lecture',
      durationS: 30,
      video: h.files.upload(ADMIN, Buffer.from('x')),
      summary: '只发布到第二党支部。',
      orgIds: ['org-branch-2'],
    });
    await expectError(h, SECRETARY, 'lecture', 'stats', { id, orgId: 'org-branch-1' }, 'NOT_FOUND');
    await expectError(h, SECRETARY, 'lecture', 'exportStats', { id, orgId: 'org-branch-1' }, 'NOT_FOUND');
    await expectError(h, ADMIN, 'lecture', 'stats', { id, orgId: 'org-group-1' }, 'NOT_FOUND');
    expect((await h.call(ADMIN, 'lecture', 'stats', { id, orgId: 'org-branch-2' })).expected).toBe(
      await activeMembers({ branchId: 'org-branch-2' }),
    );
  });

  it('a lecture published to one group: the branch’s table expects only that group’s members', async () => {
    const { id } = await h.call(SECRETARY, 'lecture', 'create', {
      title: '第二党小组专题课',
      speaker: '测试主讲人',
      kind: 'micro_lecture',
      durationS: 30,
      video: h.files.upload(SECRETARY, Buffer.from('x')),
      summary: '只发布到第二党小组。',
      orgIds: ['org-group-2'],
    });
    await play(GROUP_2_MEMBER, id, 0, 30);
    const stats = await h.call(SECRETARY, 'lecture', 'stats', { id, orgId: 'org-branch-1' });
    expect(stats.expected).toBe(await activeMembers({ groupId: 'org-group-2' }));
    expect(stats).toMatchObject({ started: 1, completed: 1 });
    expect(stats.items.every((i) => i.memberId !== 'member-003')).toBe(true);
    await expectError(h, SECRETARY, 'lecture', 'stats', { id, orgId: 'org-group-1' }, 'NOT_FOUND');
  });
});

describe('lecture.exportStats', () => {
  it('writes the table and the counts to an xlsx file', async () => {
    await play(MEMBER, 'lecture-1', 0, 45);
    await h.call(MEMBER, 'lecture', 'submitQuiz', { id: 'lecture-1', answers: RIGHT });
    await play(GROUP_2_MEMBER, 'lecture-1', 0, 20);
    const stats = await h.call(SECRETARY, 'lecture', 'stats', { id: 'lecture-1', orgId: 'org-branch-1' });

    const link: LectureOutputs['exportStats'] = await h.call(SECRETARY, 'lecture', 'exportStats', {
      id: 'lecture-1',
      orgId: 'org-branch-1',
    });
    expect(link).toEqual({
      fileID: expect.any(String),
      url: expect.any(String),
      name: '第一党支部 党章学习第一课：党的性质和宗旨 学习情况.xlsx',
    });

    const book = await sheets(link.fileID);
    const [title, subtitle, header, ...rows] = book['学习情况'];
    expect(title[0]).toBe('第一党支部 党章学习第一课：党的性质和宗旨 学习情况');
    expect(subtitle[0]).toBe('单位：第一党支部　　导出日期：2026-11-23');
    expect(header).toEqual(['姓名', '同名区分', '身份', '学习进度', '是否完成', '测验', '最近学习']);
    expect(rows).toHaveLength(stats.items.length);
    // Printed in pinyin order, to be looked up on paper (the table puts who has not finished first).
    expect(rows.map((r) => r[0])).toEqual(inPinyinOrder(stats.items, (i) => i.name).map((i) => i.name));
    const row = (name: string) => rows.find((r) => r[0] === name);
    // Progress is a percentage cell, the last study a date cell of China's time.
    expect(row('陈秀英')).toEqual(['陈秀英', undefined, '党员', 1, '完成', '已通过', expect.any(Date)]);
    expect(((row('陈秀英') as unknown[])[6] as Date).toISOString()).toMatch(/^2026-11-23T10:0\d/);
    expect(row('刘洋')).toEqual(['刘洋', undefined, '党员', 0.44, '未完成', '未通过', expect.any(Date)]);
    // Never started: neither failed the lecture nor its quiz.
    expect(row('吴桂兰')).toEqual(['吴桂兰', undefined, '党员', 0, '未开始', '未开始']);

    expect(book['汇总'].slice(2)).toEqual([
      ['项目', '数值'],
      ['课程', '党章学习第一课：党的性质和宗旨'],
      ['应学人数', 18],
      ['已开始', 2],
      ['未开始', 16],
      ['已完成', 1],
      ['完成率', 1 / 18],
      ['测验通过', 1],
    ]);
  });

  it('a lecture without a quiz has no quiz column values nor quiz count', async () => {
    await play(MEMBER, 'film-1', 0, 120);
    const link = await h.call(OFFICER, 'lecture', 'exportStats', { id: 'film-1', orgId: 'org-group-1' });
    const book = await sheets(link.fileID);
    const [, , , ...rows] = book['学习情况'];
    expect(rows.find((r) => r[0] === '陈秀英')?.slice(0, 6)).toEqual(['陈秀英', undefined, '党员', 1, '完成', '—']);
    expect(book['汇总'].slice(2).map((r) => r[0])).toEqual([
      '项目',
      '课程',
      '应学人数',
      '已开始',
      '未开始',
      '已完成',
      '完成率',
    ]);
  });
});

describe('lecture.memberStats', () => {
  it('counts completions per member by China-time month, quarter and year, across month and year ends', async () => {
    // 23 November.
    await play(MEMBER, 'lecture-2', 0, 60);
    // Watched to the end but the quiz not passed: not done, not counted.
    await play(MEMBER, 'lecture-1', 0, 45);
    // 23:50 on 30 November in China.
    h.now.value = new Date('2026-11-30T15:50:00.000Z');
    await play(MEMBER, 'lecture-4', 0, 90);
    // 00:05 on 1 December in China (still 30 November in UTC).
    h.now.value = new Date('2026-11-30T16:05:00.000Z');
    await play(MEMBER, 'lecture-3', 0, 75);
    await play(OFFICER, 'lecture-2', 0, 60);
    // 00:30 on 1 January 2027 in China (still 2026 in UTC).
    h.now.value = new Date('2026-12-31T16:30:00.000Z');
    await play(MEMBER, 'film-1', 0, 120);

    const of = async (date?: string) => {
      const result = await h.call(
        SECRETARY,
        'lecture',
        'memberStats',
        date
          ? { orgId: 'org-branch-1', date }
          : {
              orgId: 'org-branch-1',
            },
      );
      const row = (id: string) => result.items.find((i) => i.memberId === id);
      return { period: result.period, chen: row('member-003'), wang: row('member-002'), count: result.items.length };
    };

    const november = await of('2026-11-30');
    expect(november.period).toEqual({ month: '2026-11', quarter: '2026-Q4', year: '2026' });
    expect(november.chen).toEqual({ memberId: 'member-003', name: '陈秀英', month: 2, quarter: 3, year: 3 });
    expect(november.wang).toMatchObject({ month: 0, quarter: 1, year: 1 });
    expect(november.count).toBe(18);

    const december = await of('2026-12-01');
    expect(december.period).toEqual({ month: '2026-12', quarter: '2026-Q4', year: '2026' });
    expect(december.chen).toMatchObject({ month: 1, quarter: 3, year: 3 });
    expect(december.wang).toMatchObject({ month: 1, quarter: 1, year: 1 });

    expect((await of('2026-12-31')).chen).toMatchObject({ month: 1, quarter: 3, year: 3 });
    expect((await of('2026-10-15')).chen).toMatchObject({ month: 0, quarter: 3, year: 3 });
    expect((await of('2026-09-30')).chen).toMatchObject({ month: 0, quarter: 0, year: 3 });

    const january = await of('2027-01-01');
    expect(january.period).toEqual({ month: '2027-01', quarter: '2027-Q1', year: '2027' });
    expect(january.chen).toMatchObject({ month: 1, quarter: 1, year: 1 });
    // Without a date: today in China, 1 January 2027.
    expect(await of()).toEqual(january);

    // Everyone else in the branch is listed with nothing.
    const all = await h.call(SECRETARY, 'lecture', 'memberStats', { orgId: 'org-branch-1', date: '2026-11-30' });
    expect(all.items.filter((i) => !['member-002', 'member-003'].includes(i.memberId)).every((i) => i.year === 0)).toBe(
      true,
    );
  });
});
