import type { ActivityOutputs, ApiResult } from '../../../contracts';
import type { ActivityDoc } from '../documents';
import { memberTotalsId } from '../../points/totals';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { documentCounts, expectError } from '../../../tests/integration/support';
import { MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';

/**
 * 补签 and undoing a sign-in, by the secretary with a reason: each is audited, and the points
 * follow — before closing (award, reversal) and after (the absence deduction reversed or posted).
 */
const NOW_ACT = 'act-demo-now';
const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');
const MIN = 60_000;
const END = SEED_AT + 100 * MIN;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const yearNet = async (memberId: string) =>
  (await h.store.get('pointTotals', memberTotalsId(memberId, 2026)))?.total.net ?? 0;
const record = (memberId: string, activityId = NOW_ACT) => h.store.get('attendance', `${activityId}:${memberId}`);
const entry = (id: string) => h.store.get('ledger', id);
const checkin = async (openid: string) => {
  const { token } = await h.call(SECRETARY, 'activity', 'code', { id: NOW_ACT });
  return h.raw(openid, 'activity', { action: 'checkin', data: { token } }) as Promise<
    ApiResult<ActivityOutputs['checkin']>
  >;
};
const manual = (memberId: string, reason = '手机没电，现场确认到会', id = NOW_ACT) =>
  h.call(SECRETARY, 'activity', 'manualCheckin', { id, memberId, reason });
const undo = (memberId: string, reason = '误签，本人未到会') =>
  h.call(SECRETARY, 'activity', 'undoCheckin', { id: NOW_ACT, memberId, reason });
const close = () => {
  h.now.value = new Date(END);
  return h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
};
const auditOf = (action: string) => h.store.query('audit', { where: { action }, limit: 20 });
const verify = async () =>
  expect(await h.call('demo-admin', 'points', 'verify')).toEqual({
    consistent: true,
    entries: await h.store.count('ledger'),
    differences: [],
  });

describe('activity.manualCheckin', () => {
  it('signs a member in by hand: present, method manual, the award, an audit entry', async () => {
    const net = await yearNet('member-003');
    expect(await manual('member-003')).toEqual({
      memberId: 'member-003',
      status: 'present',
      at: new Date(SEED_AT).toISOString(),
    });
    expect(await record('member-003')).toMatchObject({
      status: 'present',
      method: 'manual',
      note: '手机没电，现场确认到会',
      entryId: `activity:${NOW_ACT}:member-003`,
      points: 2,
      round: 1,
    });
    expect(await entry(`activity:${NOW_ACT}:member-003`)).toMatchObject({
      value: 2,
      recordedBy: SECRETARY,
      reason: '参加支部党员大会「第四季度支部党员大会」，补签：手机没电，现场确认到会',
    });
    expect(await yearNet('member-003')).toBe(net + 2);
    expect(await auditOf('activity.manualCheckin')).toEqual([
      expect.objectContaining({
        actor: SECRETARY,
        target: `attendance/${NOW_ACT}:member-003`,
        before: null,
        after: { status: 'present', reason: '手机没电，现场确认到会' },
      }),
    ]);
    const items = (await h.call(SECRETARY, 'activity', 'attendance', { id: NOW_ACT })).items;
    expect(items.find((i) => i.memberId === 'member-003')).toMatchObject({
      status: 'present',
      method: 'manual',
      note: '手机没电，现场确认到会',
    });
    // The member scanning afterwards is told they are signed in; a second 补签 changes nothing.
    expect(await checkin(MEMBER)).toMatchObject({ ok: true, data: { already: true, status: 'present', points: 2 } });
    const counts = await documentCounts(h.store);
    expect(await manual('member-003', '重复补签')).toEqual({
      memberId: 'member-003',
      status: 'present',
      at: new Date(SEED_AT).toISOString(),
    });
    expect(await documentCounts(h.store)).toEqual(counts);
    expect(await yearNet('member-003')).toBe(net + 2);
  });

  it('adds a branch member who was not expected to the list', async () => {
    const { id } = await h.call(SECRETARY, 'activity', 'create', {
      orgId: 'org-branch-1',
      kind: 'committee',
      title: '支委会',
      startAt: new Date(SEED_AT + 5 * MIN).toISOString(),
      endAt: new Date(SEED_AT + 65 * MIN).toISOString(),
      expectedMemberIds: ['member-001', 'member-002'],
    });
    await h.call(SECRETARY, 'activity', 'manualCheckin', { id, memberId: 'member-003', reason: '列席会议' });
    const doc = (await h.store.get('activities', id)) as ActivityDoc;
    expect(doc.attendees.map((a) => a.id)).toEqual(['member-001', 'member-002', 'member-003']);
    const { counts } = await h.call(SECRETARY, 'activity', 'attendance', { id });
    expect(counts).toMatchObject({ expected: 3, present: 1, pending: 2 });
    expect((await h.call(MEMBER, 'activity', 'get', { id })).mine).toMatchObject({ expected: true, status: 'present' });
    // Not someone of another branch, not the secretary themself, not an officer's doing.
    const before = await documentCounts(h.store);
    await expectError(
      h,
      SECRETARY,
      'activity',
      'manualCheckin',
      { id, memberId: 'member-018', reason: '列席会议' },
      'NOT_FOUND',
    );
    await expectError(
      h,
      SECRETARY,
      'activity',
      'manualCheckin',
      { id, memberId: 'member-001', reason: '本人补签' },
      'FORBIDDEN',
    );
    await expectError(
      h,
      OFFICER,
      'activity',
      'manualCheckin',
      { id, memberId: 'member-004', reason: '列席会议' },
      'FORBIDDEN',
    );
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('at a group meeting, adds a member of another group of the branch (列席), as creating could have', async () => {
    const { id } = await h.call(SECRETARY, 'activity', 'create', {
      orgId: 'org-group-1',
      kind: 'group_meeting',
      title: '第一党小组学习会',
      startAt: new Date(SEED_AT + 5 * MIN).toISOString(),
      endAt: new Date(SEED_AT + 65 * MIN).toISOString(),
    });
    const doc = (await h.store.get('activities', id)) as ActivityDoc;
    expect(doc.attendees.map((a) => a.id)).not.toContain('member-004'); // 刘洋, 第二党小组
    await manual('member-004', '列席小组会', id);
    const after = (await h.store.get('activities', id)) as ActivityDoc;
    expect(after.attendees.map((a) => a.id)).toContain('member-004');
    expect(await record('member-004', id)).toMatchObject({ status: 'present', method: 'manual' });
  });

  it('after closing, reverses the absence deduction and awards the sign-in', async () => {
    const net = await yearNet('member-004');
    await close();
    expect(await yearNet('member-004')).toBe(net - 2);
    await manual('member-004', '现场签到表上有本人签名');
    expect(await entry(`reversal:absence:${NOW_ACT}:member-004`)).toMatchObject({
      value: 2,
      reverses: `absence:${NOW_ACT}:member-004`,
      recordedBy: SECRETARY,
    });
    expect(await entry(`activity:${NOW_ACT}:member-004`)).toMatchObject({ value: 2 });
    expect(await yearNet('member-004')).toBe(net + 2);
    expect(await record('member-004')).toMatchObject({ status: 'present', method: 'manual', round: 1 });
    expect(await auditOf('activity.manualCheckin')).toEqual([
      expect.objectContaining({ before: { status: 'absent' }, after: expect.objectContaining({ status: 'present' }) }),
    ]);
    const { counts } = await h.call(SECRETARY, 'activity', 'attendance', { id: NOW_ACT });
    // With the secretary, who ran it (recorded present on close).
    expect(counts).toMatchObject({ present: 2, absent: 15, exempt: 1 });
    await verify();
  });
});

describe('activity.undoCheckin', () => {
  it('reverses the award; the member cannot sign in again by themself; 补签 awards anew', async () => {
    const net = await yearNet('member-003');
    await checkin(MEMBER);
    expect(await undo('member-003')).toEqual({ memberId: 'member-003', status: 'expected' });
    expect(await entry(`reversal:activity:${NOW_ACT}:member-003`)).toMatchObject({
      value: -2,
      reverses: `activity:${NOW_ACT}:member-003`,
    });
    expect(await yearNet('member-003')).toBe(net);
    expect(await record('member-003')).toMatchObject({ status: 'revoked', note: '误签，本人未到会', entryId: null });
    expect(await auditOf('activity.undoCheckin')).toEqual([
      expect.objectContaining({
        before: { status: 'present' },
        after: { status: 'revoked', reason: '误签，本人未到会' },
      }),
    ]);
    const items = (await h.call(SECRETARY, 'activity', 'attendance', { id: NOW_ACT })).items;
    expect(items.find((i) => i.memberId === 'member-003')?.status).toBe('expected');

    const counts = await documentCounts(h.store);
    expect(await checkin(MEMBER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await documentCounts(h.store)).toEqual(counts);
    // Undoing what is not signed in is refused.
    await expectError(
      h,
      SECRETARY,
      'activity',
      'undoCheckin',
      { id: NOW_ACT, memberId: 'member-003', reason: '再撤销一次' },
      'CONFLICT',
    );
    await expectError(
      h,
      SECRETARY,
      'activity',
      'undoCheckin',
      { id: NOW_ACT, memberId: 'member-004', reason: '撤销签到' },
      'CONFLICT',
    );
    await expectError(
      h,
      OFFICER,
      'activity',
      'undoCheckin',
      { id: NOW_ACT, memberId: 'member-003', reason: '撤销签到' },
      'FORBIDDEN',
    );

    // The secretary can still sign them in: a second award, under its own key.
    await manual('member-003', '核实后确认到会');
    expect(await record('member-003')).toMatchObject({ status: 'present', round: 2 });
    expect(await entry(`activity:${NOW_ACT}:member-003:2`)).toMatchObject({ value: 2 });
    expect(await yearNet('member-003')).toBe(net + 2);
    // Closing leaves them present; no deduction.
    await close();
    expect(await entry(`absence:${NOW_ACT}:member-003`)).toBeNull();
    await verify();
  });

  it('an undone sign-in not redone by closing time is an absence', async () => {
    const net = await yearNet('member-003');
    await checkin(MEMBER);
    await undo('member-003');
    await close();
    expect(await record('member-003')).toMatchObject({ status: 'absent', entryId: `absence:${NOW_ACT}:member-003` });
    expect(await yearNet('member-003')).toBe(net - 2);
    await verify();
  });

  it('after closing, undoing a sign-in makes it an absence, with the deduction', async () => {
    const net = await yearNet('member-003');
    await checkin(MEMBER);
    await close();
    expect(await undo('member-003')).toEqual({ memberId: 'member-003', status: 'absent' });
    expect(await record('member-003')).toMatchObject({
      status: 'absent',
      entryId: `absence:${NOW_ACT}:member-003`,
      points: -2,
    });
    expect(await entry(`reversal:activity:${NOW_ACT}:member-003`)).toMatchObject({ value: -2 });
    expect(await entry(`absence:${NOW_ACT}:member-003`)).toMatchObject({ value: -2, recordedBy: SECRETARY });
    expect(await yearNet('member-003')).toBe(net - 2);
    const { counts } = await h.call(SECRETARY, 'activity', 'attendance', { id: NOW_ACT });
    expect(counts).toMatchObject({ present: 1, absent: 16 }); // the secretary ran it
    await verify();
  });

  it('corrections back and forth after closing always end at the right total', async () => {
    const net = await yearNet('member-004');
    await close(); // absent: -2
    await manual('member-004', '签到表上有本人签名'); // present: +2 +2
    expect(await yearNet('member-004')).toBe(net + 2);
    await undo('member-004', '核实后本人并未到会'); // absent again: -2 -2
    expect(await record('member-004')).toMatchObject({
      status: 'absent',
      points: -2,
      entryId: `absence:${NOW_ACT}:member-004:1`,
    });
    expect(await entry(`absence:${NOW_ACT}:member-004:1`)).toMatchObject({ value: -2, reverses: null });
    expect(await yearNet('member-004')).toBe(net - 2);
    await manual('member-004', '再次核实确已到会'); // present again
    expect(await record('member-004')).toMatchObject({ status: 'present', round: 2 });
    expect(await yearNet('member-004')).toBe(net + 2);
    await undo('member-004', '最终核实未到会');
    expect(await yearNet('member-004')).toBe(net - 2);
    // Every deduction the member carries is reversed but one; every award is reversed.
    const entries = (await h.store.query('ledger', { where: { memberId: 'member-004' }, limit: 100 })).filter((e) =>
      e._id.includes(NOW_ACT),
    );
    expect(entries.reduce((sum, e) => sum + e.value, 0)).toBe(-2);
    await verify();
  });
});
