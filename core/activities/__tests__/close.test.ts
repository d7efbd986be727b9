import type { ActivityOutputs, ApiResult } from '../../../contracts';
import type { ActivityDoc } from '../documents';
import { memberTotalsId } from '../../points/totals';
import { createHarness, onStorage, STORAGES, type Harness } from '../../../tests/support/harness';
import { documentCounts, expectError } from '../../../tests/integration/support';
import { publishedSheets } from '../../../tests/support/excel';
import { ADMIN, MEMBER, MEMBER_3, MEMBER_4, MEMBER_5, OFFICER, SECRETARY } from '../../../tests/support/demo';
import { inPinyinOrder } from '../../shared/pinyin-order';

/**
 * Closing fixes attendance: whoever did not sign in is on leave, exempt, or absent — and an
 * absence from 组织生活 costs the deduction, once, however often or however concurrently the
 * activity is closed. Also the timer's closeDue and the Excel exports.
 */
const NOW_ACT = 'act-demo-now';
const VOLUNTEER = 'act-demo-volunteer';

const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = SEED_AT + 10 * MIN;
const END = START + 90 * MIN;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const setClock = (ms: number) => (h.now.value = new Date(ms));
const code = async (id: string, as = SECRETARY) => (await h.call(as, 'activity', 'code', { id })).token;
const checkin = (openid: string, token: string, location?: { lat: number; lng: number }) =>
  h.raw(openid, 'activity', { action: 'checkin', data: location ? { token, location } : { token } }) as Promise<
    ApiResult<ActivityOutputs['checkin']>
  >;
const yearNet = async (memberId: string) =>
  (await h.store.get('pointTotals', memberTotalsId(memberId, 2026)))?.total.net ?? 0;
const activityDoc = async (id: string) => (await h.store.get('activities', id)) as ActivityDoc;
const attendeesOf = async (id: string) => (await activityDoc(id)).attendees.map((a) => a.id);
const absenceEntries = (activityId: string) =>
  h.store
    .query('ledger', { where: { rule: 'absence' }, limit: 1000 })
    .then((entries) => entries.filter((e) => e._id.startsWith(`absence:${activityId}:`)));
const netsOf = async (ids: string[]) =>
  new Map(await Promise.all(ids.map(async (id) => [id, await yearNet(id)] as const)));

/**
 * act-demo-now with every standing: 陈秀英 and 刘洋 on time, 赵丽娟 late, 孙浩然 on approved leave,
 * 王志强's leave rejected, 沈玉珍 (member-029) exempt; the 12 others did not come.
 */
async function attendanceScenario(): Promise<void> {
  const token = await code(NOW_ACT);
  expect(await checkin(MEMBER, token)).toMatchObject({ ok: true });
  expect(await checkin(MEMBER_3, token)).toMatchObject({ ok: true });
  await h.call(MEMBER_5, 'activity', 'requestLeave', { id: NOW_ACT, reason: '在外地出差' });
  await h.call(SECRETARY, 'activity', 'reviewLeave', { id: NOW_ACT, memberId: 'member-006', decision: 'approve' });
  await h.call(OFFICER, 'activity', 'requestLeave', { id: NOW_ACT, reason: '家里有事' });
  await h.call(SECRETARY, 'activity', 'reviewLeave', {
    id: NOW_ACT,
    memberId: 'member-002',
    decision: 'reject',
    note: '理由不充分',
  });
  setClock(START + 6 * MIN);
  expect(await checkin(MEMBER_4, await code(NOW_ACT))).toMatchObject({ ok: true, data: { status: 'late' } });
}

const CAME = ['member-003', 'member-004', 'member-005'];
/** The secretary (member-001) ran act-demo-now: recorded present on close, never absent. */
const NOT_ABSENT = [...CAME, 'member-001', 'member-006', 'member-029'];

describe('activity.close', () => {
  it('fixes attendance: counts, one -2 absence entry per absentee, none for leave and exempt', async () => {
    await attendanceScenario();
    const attendees = await attendeesOf(NOW_ACT);
    const absentees = attendees.filter((id) => !NOT_ABSENT.includes(id));
    expect(absentees).toHaveLength(12);
    expect(absentees).toContain('member-002'); // rejected leave
    // The secretary did not sign in, but she created the activity and showed the code: she ran it.
    expect(absentees).not.toContain('member-001');
    const nets = await netsOf(attendees);
    const ledgerBefore = await h.store.count('ledger');

    setClock(END + 10 * MIN);
    const summary = await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    expect(summary).toEqual({ present: 3, late: 1, leave: 1, exempt: 1, absent: 12 });

    // 12 deductions, and the organiser's award (others came).
    expect(await h.store.count('ledger')).toBe(ledgerBefore + 13);
    const entries = await absenceEntries(NOW_ACT);
    expect(entries.map((e) => e.memberId).sort()).toEqual([...absentees].sort());
    for (const entry of entries)
      expect(entry).toMatchObject({
        _id: `absence:${NOW_ACT}:${entry.memberId}`,
        rule: 'absence',
        kind: 'deduction',
        value: -2,
        source: 'activity',
        recordedBy: SECRETARY,
        reason: '无故缺席支部党员大会「第四季度支部党员大会」',
      });
    const organiserAward = (await h.store.get('ledger', `activity:${NOW_ACT}:member-001`))?.value ?? 0;
    expect(organiserAward).toBeGreaterThan(0);
    for (const id of attendees)
      expect([id, await yearNet(id)]).toEqual([
        id,
        (nets.get(id) as number) - (absentees.includes(id) ? 2 : 0) + (id === 'member-001' ? organiserAward : 0),
      ]);

    const records = new Map(
      (await h.store.query('attendance', { where: { activityId: NOW_ACT }, limit: 100 })).map((r) => [r.memberId, r]),
    );
    expect(records.size).toBe(18);
    expect(records.get('member-006')).toMatchObject({
      status: 'leave',
      method: 'close',
      note: '在外地出差',
      entryId: null,
      points: 0,
    });
    expect(records.get('member-029')).toMatchObject({
      status: 'exempt',
      method: 'close',
      note: '年老体弱，行动不便',
      entryId: null,
    });
    expect(records.get('member-002')).toMatchObject({
      status: 'absent',
      method: 'close',
      entryId: `absence:${NOW_ACT}:member-002`,
      points: -2,
    });
    expect(records.get('member-003')).toMatchObject({ status: 'present', method: 'self' });
    expect(records.get('member-001')).toMatchObject({
      status: 'present',
      method: 'host',
      entryId: `activity:${NOW_ACT}:member-001`,
    });

    expect(await activityDoc(NOW_ACT)).toMatchObject({
      status: 'closed',
      closedAt: new Date(END + 10 * MIN).toISOString(),
      closeSummary: summary,
    });
    const audit = await h.store.query('audit', { where: { action: 'activity.close' }, limit: 10 });
    expect(audit).toEqual([
      expect.objectContaining({ actor: SECRETARY, target: `activities/${NOW_ACT}`, after: summary }),
    ]);

    const view = await h.call(SECRETARY, 'activity', 'get', { id: NOW_ACT });
    expect(view).toMatchObject({
      phase: 'closed',
      counts: { expected: 18, present: 3, late: 1, leave: 1, exempt: 1, absent: 12, pending: 0 },
    });
    // Each member sees how it ended for them.
    expect((await h.call(OFFICER, 'activity', 'get', { id: NOW_ACT })).mine).toMatchObject({
      status: 'absent',
      leave: { status: 'rejected', note: '理由不充分' },
    });
    expect((await h.call(MEMBER_5, 'activity', 'get', { id: NOW_ACT })).mine).toMatchObject({ status: 'leave' });
    const mine = await h.call(OFFICER, 'points', 'mine');
    expect(mine.entries.items[0]).toMatchObject({ id: `absence:${NOW_ACT}:member-002`, value: -2 });
  });

  it('closing twice deducts once and answers the same', async () => {
    await attendanceScenario();
    setClock(END);
    const first = await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    const ledger = await h.store.count('ledger');
    const counts = await documentCounts(h.store);
    setClock(END + HOUR);
    expect(await h.call(ADMIN, 'activity', 'close', { id: NOW_ACT })).toEqual(first);
    expect(await h.store.count('ledger')).toBe(ledger);
    expect(await documentCounts(h.store)).toEqual(counts);
    expect((await activityDoc(NOW_ACT)).closedAt).toBe(new Date(END).toISOString());
  });

  describe.each(STORAGES)('concurrently (%s store)', (storage) => {
    beforeEach(async () => {
      h = await onStorage(h, storage);
    });

    it('concurrent closes deduct once', async () => {
      await attendanceScenario();
      const attendees = await attendeesOf(NOW_ACT);
      const nets = await netsOf(attendees);
      const ledger = await h.store.count('ledger');
      setClock(END);
      const results = await Promise.all([
        ...Array.from({ length: 4 }, () => h.raw(SECRETARY, 'activity', { action: 'close', data: { id: NOW_ACT } })),
        ...Array.from({ length: 4 }, () => h.raw(ADMIN, 'activity', { action: 'close', data: { id: NOW_ACT } })),
      ]);
      const summary = { present: 3, late: 1, leave: 1, exempt: 1, absent: 12 };
      for (const result of results) expect(result).toEqual({ ok: true, data: summary });
      expect(await h.store.count('ledger')).toBe(ledger + 13); // 12 absences, the organiser's award
      expect(await absenceEntries(NOW_ACT)).toHaveLength(12);
      const organiserAward = (await h.store.get('ledger', `activity:${NOW_ACT}:member-001`))?.value ?? 0;
      expect(await h.store.count('attendance', { activityId: NOW_ACT })).toBe(18);
      expect(await h.store.count('audit', { action: 'activity.close' })).toBe(1);
      for (const id of attendees)
        expect(await yearNet(id)).toBe(
          (nets.get(id) as number) - (NOT_ABSENT.includes(id) ? 0 : 2) + (id === 'member-001' ? organiserAward : 0),
        );
      expect(await h.call(ADMIN, 'points', 'verify')).toEqual({
        consistent: true,
        entries: await h.store.count('ledger'),
        differences: [],
      });
    });

    it('a sign-in racing the close: each member ends either present or absent, never both', async () => {
      setClock(START);
      const token = await code(NOW_ACT);
      const openids = [SECRETARY, OFFICER, MEMBER, MEMBER_3, MEMBER_4, MEMBER_5];
      const results = await Promise.all([
        h.raw(SECRETARY, 'activity', { action: 'close', data: { id: NOW_ACT } }),
        ...openids.map((openid) => checkin(openid, token)),
      ]);
      expect(results[0]).toMatchObject({ ok: true });
      for (const result of results.slice(1))
        expect(result.ok || (!result.ok && result.error.code === 'SIGNIN_CLOSED')).toBe(true);
      // The secretary ran it: present either way, never absent.
      expect(await h.store.get('attendance', `${NOW_ACT}:member-001`)).toMatchObject({
        status: 'present',
      });
      expect(await h.store.get('ledger', `absence:${NOW_ACT}:member-001`)).toBeNull();
      for (const id of ['member-002', 'member-003', 'member-004', 'member-005', 'member-006']) {
        const award = await h.store.get('ledger', `activity:${NOW_ACT}:${id}`);
        const absence = await h.store.get('ledger', `absence:${NOW_ACT}:${id}`);
        const record = await h.store.get('attendance', `${NOW_ACT}:${id}`);
        expect(Boolean(award) !== Boolean(absence)).toBe(true);
        expect(record?.status).toBe(award ? 'present' : 'absent');
      }
    });
  });

  it('after closing, a sign-in is SIGNIN_CLOSED and the code is gone', async () => {
    setClock(START);
    const token = await code(NOW_ACT);
    await checkin(MEMBER, token);
    await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    const before = await documentCounts(h.store);
    expect(await checkin(MEMBER_3, token)).toMatchObject({ ok: false, error: { code: 'SIGNIN_CLOSED' } });
    // Whoever signed in before the close is told so.
    expect(await checkin(MEMBER, token)).toMatchObject({ ok: true, data: { already: true, status: 'present' } });
    await expectError(h, SECRETARY, 'activity', 'code', { id: NOW_ACT }, 'CONFLICT');
    await expectError(h, MEMBER_4, 'activity', 'requestLeave', { id: NOW_ACT, reason: '临时有事' }, 'CONFLICT');
    await expectError(h, SECRETARY, 'activity', 'update', { id: NOW_ACT, title: '改个标题' }, 'CONFLICT');
    await expectError(h, SECRETARY, 'activity', 'cancel', { id: NOW_ACT, reason: '关闭后取消' }, 'CONFLICT');
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('a volunteer activity deducts nothing for those who did not come', async () => {
    setClock(SEED_AT + 3 * DAY);
    expect(await checkin(MEMBER, await code(VOLUNTEER), { lat: 31.2304, lng: 121.4737 })).toMatchObject({ ok: true });
    const ledger = await h.store.count('ledger');
    setClock(SEED_AT + 3 * DAY + 4 * HOUR);
    // The secretary who showed the code is present; 陈秀英 came, so her award is posted.
    expect(await h.call(SECRETARY, 'activity', 'close', { id: VOLUNTEER })).toEqual({
      present: 2,
      late: 0,
      leave: 0,
      exempt: 1,
      absent: 15,
    });
    expect(await h.store.count('ledger')).toBe(ledger + 1);
    expect(await h.store.get('ledger', `activity:${VOLUNTEER}:member-001`)).toMatchObject({
      rule: 'volunteer',
    });
    expect(await h.store.get('attendance', `${VOLUNTEER}:member-004`)).toMatchObject({
      status: 'absent',
      entryId: null,
      points: 0,
    });
  });

  it('a member who left the roster before the close is not marked absent', async () => {
    await h.call(SECRETARY, 'roster', 'deactivateMember', { id: 'member-010', reason: '去世' });
    setClock(END);
    const summary = await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    expect(summary).toEqual({ present: 1, late: 0, leave: 0, exempt: 2, absent: 15 });
    expect(await h.store.get('ledger', `absence:${NOW_ACT}:member-010`)).toBeNull();
  });

  it('cannot close before the start, nor a cancelled activity', async () => {
    await expectError(h, SECRETARY, 'activity', 'close', { id: VOLUNTEER }, 'CONFLICT');
    await h.call(SECRETARY, 'activity', 'cancel', { id: 'act-demo-group', reason: '改期举行' });
    await expectError(h, SECRETARY, 'activity', 'close', { id: 'act-demo-group' }, 'CONFLICT');
    expect(await h.store.count('attendance', { activityId: VOLUNTEER })).toBe(0);
  });
});

describe('activity.closeDue', () => {
  it('closes only activities that ended 6 hours ago or more', async () => {
    const ledger = await h.store.count('ledger');
    setClock(END + 6 * HOUR - 1);
    expect(await h.call(ADMIN, 'activity', 'closeDue')).toEqual({ closed: 0, failed: [] });
    expect((await activityDoc(NOW_ACT)).status).toBe('active');
    setClock(END + 6 * HOUR);
    expect(await h.call(ADMIN, 'activity', 'closeDue')).toEqual({ closed: 1, failed: [] });
    expect(await activityDoc(NOW_ACT)).toMatchObject({
      status: 'closed',
      // The secretary created it: present (nobody else came, so no award).
      closeSummary: { present: 1, late: 0, leave: 0, exempt: 1, absent: 16 },
    });
    expect(await h.store.count('ledger')).toBe(ledger + 16);
    expect((await activityDoc(VOLUNTEER)).status).toBe('active');
    expect((await activityDoc('act-demo-group')).status).toBe('active');
    // Nothing left to close.
    expect(await h.call(ADMIN, 'activity', 'closeDue')).toEqual({ closed: 0, failed: [] });
    expect(await h.store.count('ledger')).toBe(ledger + 16);
    // The admin who ran it by hand is on the record.
    expect(await h.store.query('audit', { where: { action: 'activity.close' }, limit: 10 })).toEqual([
      expect.objectContaining({ actor: ADMIN, target: `activities/${NOW_ACT}` }),
    ]);
  });

  it.each([SECRETARY, OFFICER, MEMBER])('is refused to %s', async (openid) => {
    setClock(END + 7 * HOUR);
    await expectError(h, openid, 'activity', 'closeDue', undefined, 'FORBIDDEN');
    expect((await activityDoc(NOW_ACT)).status).toBe('active');
  });
});

const sheets = (fileID: string) => publishedSheets(h.files, fileID);

describe('exports', () => {
  it("exportAttendance: a row per expected member and the activity's figures", async () => {
    await attendanceScenario();
    setClock(END);
    await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    const link = await h.call(OFFICER, 'activity', 'exportAttendance', { id: NOW_ACT });
    expect(link).toEqual({
      fileID: expect.any(String),
      url: expect.any(String),
      name: '2026-11-23 第四季度支部党员大会 签到表.xlsx',
    });
    const book = await sheets(link.fileID);
    const [title, subtitle, header, ...rows] = book['签到明细'];
    expect(title[0]).toBe('第四季度支部党员大会 签到表');
    expect(subtitle[0]).toBe('单位：第一党支部　　活动时间：2026-11-23 10:10–11:40　　导出日期：2026-11-23');
    expect(header).toEqual(['序号', '姓名', '同名区分', '身份', '状态', '签到时间', '方式', '备注', '签名']);
    // The members, then a blank line and the signature line.
    expect(rows.pop()?.[0]).toMatch(/^组织者签字：/);
    expect(rows).toHaveLength(18);
    // In pinyin order, numbered; the time a date cell of China's wall clock.
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    const names = rows.map((r) => r[1] as string);
    expect(names).toEqual(inPinyinOrder(names, (n) => n));
    const row = (name: string) => rows.find((r) => r[1] === name)?.slice(1);
    const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00.000Z`);
    expect(row('陈秀英')).toEqual(['陈秀英', undefined, '党员', '出席', at('10:00'), '扫码']);
    expect(row('赵丽娟')).toEqual(['赵丽娟', undefined, '党员', '迟到', at('10:16'), '扫码']);
    expect(row('孙浩然')).toEqual(['孙浩然', undefined, '党员', '请假', undefined, undefined, '在外地出差']);
    expect(row('沈玉珍')).toEqual(['沈玉珍', undefined, '党员', '免参加', undefined, undefined, '年老体弱，行动不便']);
    expect(row('王志强')?.slice(0, 4)).toEqual(['王志强', undefined, '党员', '缺席']);
    expect(row('李红梅')).toEqual(['李红梅', undefined, '党员', '出席', at('11:40'), undefined, '组织者']);
    expect(book['汇总'].slice(2)).toEqual([
      ['项目', '数值'],
      ['活动', '第四季度支部党员大会'],
      ['开始时间', at('10:10')],
      ['时长（分钟）', 90],
      ['活动状态', '已结束'],
      ['应到', 18],
      ['出席', 3],
      ['迟到', 1],
      ['请假', 1],
      ['免参加', 1],
      ['缺席', 12],
      ['出勤率', 0.235],
    ]);
  });

  it('exportAttendance while the activity is open: who has not signed in is 未签到, not 缺席', async () => {
    await attendanceScenario();
    const link = await h.call(OFFICER, 'activity', 'exportAttendance', { id: NOW_ACT });
    const book = await sheets(link.fileID);
    expect(book['签到明细'][1][0]).toMatch(/（活动未结束）/);
    const statuses = book['签到明细'].slice(3, 21).map((r) => r[4]);
    expect(statuses).toContain('未签到');
    expect(statuses).not.toContain('缺席');
    expect(book['汇总'].slice(2).map((r) => r[0])).toEqual(expect.arrayContaining(['未签到', '出勤率（截至导出时）']));
    expect(book['汇总']).toContainEqual(['活动状态', '未结束']);
  });

  it('exportPeriod: a member × activity sheet for the month, cancelled and not yet started activities left out', async () => {
    await attendanceScenario();
    await h.call(SECRETARY, 'activity', 'cancel', { id: 'act-demo-group', reason: '改期举行' });
    const link = await h.call(SECRETARY, 'activity', 'exportPeriod', {
      orgId: 'org-branch-1',
      period: 'month',
      date: '2026-11-23',
    });
    expect(link.name).toBe('第一党支部 2026年11月 出勤统计.xlsx');
    const [title, subtitle, header, ...rows] = (await sheets(link.fileID))['出勤统计'];
    expect(title[0]).toBe('第一党支部 2026年11月 出勤统计');
    expect(subtitle[0]).toBe('单位：第一党支部　　统计期间：2026年11月　　导出日期：2026-11-23');
    // Today's meeting is still open: shown, and counted in no rate.
    expect(header).toEqual([
      '姓名',
      '同名区分',
      '身份',
      '11-11 学习贯彻全会精神主题党日',
      '11-23 第四季度支部党员大会（未结束）',
      '出勤率',
    ]);
    expect(rows.pop()?.[0]).toBe('未结束的活动尚未确定缺席，不计入出勤率。');
    expect(rows).toHaveLength(18 + 1);
    const names = rows.slice(0, -1).map((r) => r[0] as string);
    expect(names).toEqual(inPinyinOrder(names, (n) => n));
    const past = new Map(
      (await h.store.query('attendance', { where: { activityId: 'act-demo-past' }, limit: 100 })).map((r) => [
        r.name,
        r.status,
      ]),
    );
    const label = { present: '出席', leave: '请假' } as Record<string, string>;
    const chen = rows.find((r) => r[0] === '陈秀英') as unknown[];
    const chenPast = past.get('陈秀英') as string;
    expect(chen).toEqual(['陈秀英', undefined, '党员', label[chenPast], '出席', chenPast === 'present' ? 1 : 0]);
    expect((rows.find((r) => r[0] === '孙浩然') as unknown[])[4]).toBe('请假');
    expect((rows.find((r) => r[0] === '沈玉珍') as unknown[])[4]).toBe('免参加');
    const wang = rows.find((r) => r[0] === '王志强') as unknown[];
    expect(wang[4]).toBe('未签到');
    expect(rows[rows.length - 1]).toEqual(['活动出勤率', undefined, undefined, expect.any(Number), '未结束']);

    // Months are China's: 23:30 on 30 November is November, 00:30 on 1 December is not.
    for (const [startAt, title] of [
      ['2026-11-30T15:30:00.000Z', '月末党课'],
      ['2026-11-30T16:30:00.000Z', '月初党课'],
    ])
      await h.call(SECRETARY, 'activity', 'create', {
        orgId: 'org-branch-1',
        kind: 'party_lecture',
        title,
        startAt,
        endAt: new Date(Date.parse(startAt) + HOUR).toISOString(),
      });
    h.now.value = new Date('2026-12-02T00:00:00.000Z');
    const headerOf = async (date: string) => {
      const { fileID } = await h.call(SECRETARY, 'activity', 'exportPeriod', {
        orgId: 'org-branch-1',
        period: 'month',
        date,
      });
      return (await sheets(fileID))['出勤统计'][2];
    };
    expect(await headerOf('2026-11-01')).toEqual(expect.arrayContaining(['11-30 月末党课（未结束）']));
    expect(await headerOf('2026-11-01')).not.toEqual(expect.arrayContaining([expect.stringContaining('月初党课')]));
    expect(await headerOf('2026-12-01')).toEqual(['姓名', '同名区分', '身份', '12-01 月初党课（未结束）', '出勤率']);
    await expectError(
      h,
      SECRETARY,
      'activity',
      'exportPeriod',
      { orgId: 'org-branch-2', period: 'month' },
      'FORBIDDEN',
    );
    await expectError(h, MEMBER, 'activity', 'exportPeriod', { orgId: 'org-branch-1', period: 'month' }, 'FORBIDDEN');
    expect(h.files.published.size).toBe(4);
  });
});
