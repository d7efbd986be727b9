import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { openWorkbook } from '../../shared/__tests__/printed';
import { ADMIN, MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';

/**
 * The 会议记录 (activity.record / saveRecord / exportRecord): written once the activity was held, by
 * who may manage it; attendance by name from the sign-in; a 支部党员大会's quorum (more than half
 * of the 正式党员, 免参加 left out) and vote; saving again rewrites it, audited each time.
 *
 * act-demo-now is 第一党支部's 支部党员大会 (18 expected: 16 正式党员 of whom 沈玉珍 is 免参加, so
 * 15 voters; 孙浩然 and 宋佳怡 are 预备党员), starting at 10:10 on 2026-11-23 for 90 minutes.
 */
const CONGRESS = 'act-demo-now';
const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');
const MIN = 60_000;
const END = SEED_AT + 100 * MIN;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const setClock = (ms: number) => (h.now.value = new Date(ms));
const RECORD = {
  host: '李红梅',
  recorder: '王志强',
  topics: '一、学习全会精神\n二、讨论接收预备党员',
  summary: '书记传达全会精神，党员逐一发言。',
};

/** Signs members in by hand during the meeting (补签), then closes it: the secretary, who ran it, is present too. */
async function holdCongress(memberIds: string[]): Promise<void> {
  setClock(SEED_AT + 20 * MIN);
  for (const memberId of memberIds)
    await h.call(SECRETARY, 'activity', 'manualCheckin', { id: CONGRESS, memberId, reason: '现场签到' });
  setClock(END + 10 * MIN);
  await h.call(SECRETARY, 'activity', 'close', { id: CONGRESS });
}

/** 正式党员 of 第一党支部 besides the secretary, none exempt. */
const FULL = ['member-003', 'member-004', 'member-005', 'member-008', 'member-009', 'member-010', 'member-011'];

describe('activity.saveRecord', () => {
  it('is refused before the activity is held, and to those who may not manage it', async () => {
    const early = await expectError(h, SECRETARY, 'activity', 'saveRecord', { id: CONGRESS, ...RECORD }, 'CONFLICT');
    expect(early.message).toBe('活动结束后才能填写会议记录');
    // Started but not over: still refused.
    setClock(SEED_AT + 30 * MIN);
    await expectError(h, SECRETARY, 'activity', 'saveRecord', { id: CONGRESS, ...RECORD }, 'CONFLICT');
    setClock(END + 1 * MIN);
    for (const who of [MEMBER, OFFICER])
      await expectError(h, who, 'activity', 'saveRecord', { id: CONGRESS, ...RECORD }, 'FORBIDDEN');
    expect(await h.store.get('meetingRecords', CONGRESS)).toBeNull();
    // Over, not closed yet: the secretary may write it (and the committee's admin too).
    expect(await h.call(SECRETARY, 'activity', 'saveRecord', { id: CONGRESS, ...RECORD })).toMatchObject({
      id: CONGRESS,
    });
    expect(await h.call(ADMIN, 'activity', 'saveRecord', { id: CONGRESS, ...RECORD })).toMatchObject({
      id: CONGRESS,
    });
  });

  it('a cancelled activity has no record', async () => {
    await h.call(SECRETARY, 'activity', 'cancel', { id: 'act-demo-volunteer', reason: '天气原因' });
    setClock(SEED_AT + 10 * 24 * 60 * MIN);
    const error = await expectError(
      h,
      SECRETARY,
      'activity',
      'saveRecord',
      { id: 'act-demo-volunteer', ...RECORD },
      'CONFLICT',
    );
    expect(error.message).toBe('活动已取消，没有会议记录');
  });

  it('a 支部党员大会 with 8 of 15 voters present has a quorum; the vote passes with 8 of 15 for', async () => {
    await holdCongress(FULL);
    const vote = { for: 8, against: 0, abstain: 0 };
    expect(await h.call(SECRETARY, 'activity', 'saveRecord', { id: CONGRESS, ...RECORD, vote })).toEqual({
      id: CONGRESS,
      quorum: true,
      passed: true,
    });
    const view = await h.call(SECRETARY, 'activity', 'record', { id: CONGRESS });
    expect(view.quorum).toEqual({ voters: 15, present: 8, reached: true });
    expect(view.passed).toBe(true);
    expect(view.record).toMatchObject({ ...RECORD, decisions: null, vote, updatedByName: '李红梅' });
    expect(view.attendance.present).toHaveLength(8);
    expect(view.attendance.present).toContain('李红梅');
    expect(view.attendance.exempt).toEqual(['沈玉珍']);
    expect(view.attendance.absent).toHaveLength(9);
    expect(view.attendance.absent).toEqual(expect.arrayContaining(['孙浩然', '宋佳怡', '王志强']));
    expect([view.held, view.canEdit]).toEqual([true, true]);
    // The officer sees the record, and may not edit it.
    expect((await h.call(OFFICER, 'activity', 'record', { id: CONGRESS })).canEdit).toBe(false);
    await expectError(h, MEMBER, 'activity', 'record', { id: CONGRESS }, 'FORBIDDEN');

    // 7 for of 15 entitled is not more than half, even with everyone present voting.
    expect(
      await h.call(SECRETARY, 'activity', 'saveRecord', {
        id: CONGRESS,
        ...RECORD,
        vote: { for: 7, against: 0, abstain: 1 },
      }),
    ).toEqual({ id: CONGRESS, quorum: true, passed: false });
  });

  it('without a quorum: 7 of 15 (预备党员 present do not count)', async () => {
    // 6 正式 + the secretary = 7 voters present; 孙浩然 (预备) came too.
    await holdCongress([...FULL.slice(0, 6), 'member-006']);
    expect(await h.call(SECRETARY, 'activity', 'saveRecord', { id: CONGRESS, ...RECORD })).toEqual({
      id: CONGRESS,
      quorum: false,
      passed: null,
    });
    expect((await h.call(SECRETARY, 'activity', 'record', { id: CONGRESS })).quorum).toEqual({
      voters: 15,
      present: 7,
      reached: false,
    });
  });

  it('vote counts beyond the voters present, or on another kind of meeting, are refused', async () => {
    await holdCongress(FULL);
    const tooMany = await expectError(
      h,
      SECRETARY,
      'activity',
      'saveRecord',
      { id: CONGRESS, ...RECORD, vote: { for: 6, against: 2, abstain: 1 } },
      'INVALID_INPUT',
    );
    expect(tooMany).toMatchObject({
      field: 'vote',
      message: '赞成、反对、弃权票数合计 9，超过到会有表决权的党员 8 人',
    });
    // act-demo-past is a 主题党日: a record without a vote, no quorum.
    const other = await expectError(
      h,
      SECRETARY,
      'activity',
      'saveRecord',
      { id: 'act-demo-past', ...RECORD, vote: { for: 1, against: 0, abstain: 0 } },
      'INVALID_INPUT',
    );
    expect(other).toMatchObject({ field: 'vote', message: '只有支部党员大会记录表决结果' });
    expect(await h.call(SECRETARY, 'activity', 'saveRecord', { id: 'act-demo-past', ...RECORD })).toEqual({
      id: 'act-demo-past',
      quorum: null,
      passed: null,
    });
  });

  it('saving again rewrites the record; each save is audited with what it replaced', async () => {
    await holdCongress(FULL);
    await h.call(SECRETARY, 'activity', 'saveRecord', { id: CONGRESS, ...RECORD });
    setClock(END + 60 * MIN);
    await h.call(SECRETARY, 'activity', 'saveRecord', {
      id: CONGRESS,
      ...RECORD,
      decisions: '同意接收孙浩然为预备党员',
      vote: { for: 8, against: 0, abstain: 0 },
    });
    const doc = await h.store.get('meetingRecords', CONGRESS);
    expect(doc).toMatchObject({
      decisions: '同意接收孙浩然为预备党员',
      createdAt: new Date(END + 10 * MIN).toISOString(),
    });
    expect(doc?.updatedAt).toBe(new Date(END + 60 * MIN).toISOString());
    const audit = (await h.store.query('audit', { where: { action: 'activity.record' }, limit: 10 })).sort((a, b) =>
      a.at.localeCompare(b.at),
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actor: SECRETARY, target: `meetingRecords/${CONGRESS}`, before: null });
    expect(audit[1].before).toMatchObject({ decisions: null, vote: null });
    expect(audit[1].after).toMatchObject({ decisions: '同意接收孙浩然为预备党员', passed: true });
  });

  it("a secretary may not write another branch's record", async () => {
    const { id } = await h.call(ADMIN, 'activity', 'create', {
      orgId: 'org-branch-2',
      kind: 'committee',
      title: '第二党支部支委会',
      startAt: new Date(SEED_AT + 60 * MIN).toISOString(),
      endAt: new Date(SEED_AT + 90 * MIN).toISOString(),
    });
    setClock(SEED_AT + 2 * 60 * MIN);
    await expectError(h, SECRETARY, 'activity', 'saveRecord', { id, ...RECORD }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'activity', 'record', { id }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'activity', 'exportRecord', { id }, 'FORBIDDEN');
    expect(await h.call(ADMIN, 'activity', 'saveRecord', { id, ...RECORD })).toEqual({
      id,
      quorum: null,
      passed: null,
    });
  });
});

describe('activity.exportRecord', () => {
  it('is refused until a record is written; then one A4 sheet with the record and the names', async () => {
    await holdCongress(FULL);
    await expectError(h, SECRETARY, 'activity', 'exportRecord', { id: CONGRESS }, 'NOT_FOUND');
    await h.call(SECRETARY, 'activity', 'saveRecord', {
      id: CONGRESS,
      ...RECORD,
      decisions: '同意接收孙浩然为预备党员',
      vote: { for: 8, against: 0, abstain: 0 },
    });
    const file = await h.call(SECRETARY, 'activity', 'exportRecord', { id: CONGRESS });
    expect(file.name).toBe('2026-11-23 第四季度支部党员大会 会议记录.xlsx');
    const content = h.files.published.get(file.fileID)?.content;
    if (!content) throw new Error('not published');
    const [sheet] = (await openWorkbook(content)).worksheets;
    expect(sheet.getCell('A1').value).toBe('第四季度支部党员大会 会议记录');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    const rows = new Map<string, string>();
    sheet.eachRow((row) => rows.set(String(row.getCell(1).value), String(row.getCell(2).value ?? '')));
    expect(rows.get('主持人')).toBe('李红梅');
    expect(rows.get('记录人')).toBe('王志强');
    expect(rows.get('出席情况')).toBe('应到 18 人，出席 8 人，迟到 0 人，请假 0 人，免参加 1 人，缺席 9 人');
    expect(rows.get('出席人员')).toMatch(/^陈秀英、/);
    expect(rows.get('法定人数')).toBe('有表决权的正式党员 15 人，到会 8 人，超过半数，符合开会人数要求');
    expect(rows.get('表决结果')).toBe('赞成 8 票，反对 0 票，弃权 0 票；赞成票超过有表决权党员（15 人）的半数，通过');
    expect(rows.get('决议')).toBe('同意接收孙浩然为预备党员');
  });
});

describe('bad input names the field and what it expects', () => {
  it.each([
    [{ host: ' ' }, 'host', 'host：请填写主持人'],
    [{ recorder: undefined }, 'recorder', 'recorder：必填'],
    [{ topics: '议'.repeat(1001) }, 'topics', 'topics：议题最多 1000 个字'],
    [{ summary: 42 }, 'summary', 'summary：类型应为 string，收到 number'],
    [{ vote: { for: -1, against: 0, abstain: 0 } }, 'vote.for', 'vote.for：赞成票数不能为负数'],
    [{ vote: { for: 2, against: 1.5, abstain: 0 } }, 'vote.against', 'vote.against：反对票数应为整数'],
    [{ vote: { for: 2, against: 0 } }, 'vote.abstain', 'vote.abstain：必填'],
    [{ vote: { for: 2, against: 0, abstain: 0, blank: 1 } }, 'vote.blank', 'vote.blank：不支持的字段：blank'],
    [{ vote: [2, 0, 0] }, 'vote', 'vote：类型应为 object，收到 array'],
  ])('%j → %s: %s', async (change, field, message) => {
    h.now.value = new Date(END + 10 * MIN);
    const error = await expectError(
      h,
      SECRETARY,
      'activity',
      'saveRecord',
      { id: CONGRESS, ...RECORD, ...change },
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({ field, message });
  });
});
