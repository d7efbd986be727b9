import { createHarness, type Harness } from '../../../tests/support/harness';
import { documentCounts, expectError } from '../../../tests/integration/support';
import { ADMIN, MEMBER, MEMBER_3, OFFICER, SECRETARY } from '../../../tests/support/demo';

/** 请假: a member asks, the secretary (never the member themself, never an officer) decides. */
const NOW_ACT = 'act-demo-now';
const GROUP_ACT = 'act-demo-group';
const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');
const MIN = 60_000;
const END = SEED_AT + 100 * MIN; // act-demo-now

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const leave = (activityId: string, memberId: string) => h.store.get('leaves', `${activityId}:${memberId}`);
const review = (openid: string, memberId: string, decision: 'approve' | 'reject', note?: string) =>
  h.call(openid, 'activity', 'reviewLeave', { id: NOW_ACT, memberId, decision, ...(note ? { note } : {}) });

describe('leave', () => {
  it('request → pending, listed for the secretary; approve → leave, and closing deducts nothing', async () => {
    expect(await h.call(MEMBER, 'activity', 'requestLeave', { id: NOW_ACT, reason: '带孩子去医院' })).toEqual({
      status: 'pending',
    });
    expect((await h.call(MEMBER, 'activity', 'get', { id: NOW_ACT })).mine).toEqual({
      expected: true,
      status: 'expected',
      at: null,
      leave: { status: 'pending', reason: '带孩子去医院', note: null },
    });
    const pending = await h.call(SECRETARY, 'activity', 'leaves', { orgId: 'org-branch-1' });
    expect(pending.items).toEqual([
      {
        activityId: NOW_ACT,
        activityTitle: '第四季度支部党员大会',
        activityStartAt: new Date(SEED_AT + 10 * MIN).toISOString(),
        memberId: 'member-003',
        name: '陈秀英',
        reason: '带孩子去医院',
        status: 'pending',
        note: null,
        at: new Date(SEED_AT).toISOString(),
      },
    ]);
    // A pending request changes nothing on the list yet.
    const before = await h.call(SECRETARY, 'activity', 'attendance', { id: NOW_ACT });
    expect(before.items.find((i) => i.memberId === 'member-003')?.status).toBe('expected');

    expect(await review(SECRETARY, 'member-003', 'approve', '同意')).toEqual({
      memberId: 'member-003',
      status: 'approved',
    });
    expect(await leave(NOW_ACT, 'member-003')).toMatchObject({
      status: 'approved',
      note: '同意',
      reviewedBy: SECRETARY,
      reviewedAt: new Date(SEED_AT).toISOString(),
    });
    expect(await h.store.query('audit', { where: { action: 'activity.leave.approved' }, limit: 5 })).toEqual([
      expect.objectContaining({ actor: SECRETARY, target: `leaves/${NOW_ACT}:member-003` }),
    ]);
    expect((await h.call(SECRETARY, 'activity', 'leaves', { orgId: 'org-branch-1' })).items).toEqual([]);
    expect(
      (await h.call(SECRETARY, 'activity', 'leaves', { orgId: 'org-branch-1', status: 'approved' })).items.map(
        (l) => l.memberId,
      ),
    ).toContain('member-003');
    const after = await h.call(SECRETARY, 'activity', 'attendance', { id: NOW_ACT });
    expect(after.items.find((i) => i.memberId === 'member-003')).toMatchObject({
      status: 'leave',
      note: '带孩子去医院',
    });
    expect(after.counts).toMatchObject({ leave: 1, pending: 16 });
    // Asking again once approved is refused.
    await expectError(h, MEMBER, 'activity', 'requestLeave', { id: NOW_ACT, reason: '再请一次' }, 'CONFLICT');

    h.now.value = new Date(END);
    await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    expect(await h.store.get('ledger', `absence:${NOW_ACT}:member-003`)).toBeNull();
    expect((await h.call(MEMBER, 'activity', 'get', { id: NOW_ACT })).mine?.status).toBe('leave');
  });

  it('reject → the member may ask again; unreviewed or rejected, closing counts an absence', async () => {
    await h.call(MEMBER, 'activity', 'requestLeave', { id: NOW_ACT, reason: '单位加班' });
    expect(await review(SECRETARY, 'member-003', 'reject', '会议重要，请调整安排')).toEqual({
      memberId: 'member-003',
      status: 'rejected',
    });
    expect((await h.call(MEMBER, 'activity', 'get', { id: NOW_ACT })).mine?.leave).toEqual({
      status: 'rejected',
      reason: '单位加班',
      note: '会议重要，请调整安排',
    });
    await expectError(
      h,
      SECRETARY,
      'activity',
      'reviewLeave',
      { id: NOW_ACT, memberId: 'member-003', decision: 'approve' },
      'CONFLICT',
    );
    // Asking again makes it pending once more.
    expect(
      await h.call(MEMBER, 'activity', 'requestLeave', { id: NOW_ACT, reason: '单位临时加班，确实无法参加' }),
    ).toEqual({
      status: 'pending',
    });
    expect(await leave(NOW_ACT, 'member-003')).toMatchObject({ status: 'pending', note: null, reviewedBy: null });
    await review(SECRETARY, 'member-003', 'reject');
    await h.call(MEMBER_3, 'activity', 'requestLeave', { id: NOW_ACT, reason: '身体不适' }); // never reviewed

    h.now.value = new Date(END);
    await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    for (const id of ['member-003', 'member-004'])
      expect(await h.store.get('ledger', `absence:${NOW_ACT}:${id}`)).toMatchObject({ value: -2 });
    // Once closed, leave can be neither asked for nor decided.
    await expectError(
      h,
      SECRETARY,
      'activity',
      'reviewLeave',
      { id: NOW_ACT, memberId: 'member-004', decision: 'approve' },
      'CONFLICT',
    );
  });

  it('a member or an officer cannot review; a secretary cannot review their own; the admin can', async () => {
    await h.call(MEMBER, 'activity', 'requestLeave', { id: NOW_ACT, reason: '外出培训' });
    await h.call(SECRETARY, 'activity', 'requestLeave', { id: NOW_ACT, reason: '参加区委会议' });
    const before = await documentCounts(h.store);
    for (const openid of [MEMBER, MEMBER_3, OFFICER])
      await expectError(
        h,
        openid,
        'activity',
        'reviewLeave',
        { id: NOW_ACT, memberId: 'member-003', decision: 'approve' },
        'FORBIDDEN',
      );
    await expectError(
      h,
      SECRETARY,
      'activity',
      'reviewLeave',
      { id: NOW_ACT, memberId: 'member-001', decision: 'approve' },
      'FORBIDDEN',
    );
    await expectError(h, OFFICER, 'activity', 'leaves', { orgId: 'org-branch-1' }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'activity', 'leaves', { orgId: 'org-branch-2' }, 'FORBIDDEN');
    expect(await documentCounts(h.store)).toEqual(before);
    expect((await leave(NOW_ACT, 'member-003'))?.status).toBe('pending');

    expect(await review(ADMIN, 'member-001', 'approve')).toEqual({ memberId: 'member-001', status: 'approved' });
    await expectError(
      h,
      SECRETARY,
      'activity',
      'reviewLeave',
      { id: NOW_ACT, memberId: 'member-005', decision: 'approve' },
      'NOT_FOUND',
    );
  });

  it('refuses a request from someone not expected, after signing in, after the end, or when cancelled', async () => {
    const before = await documentCounts(h.store);
    // 刘洋 is in 第二党小组, not expected at 第一党小组's meeting; the admin is of 第二党支部.
    await expectError(h, MEMBER_3, 'activity', 'requestLeave', { id: GROUP_ACT, reason: '出差' }, 'NOT_FOUND');
    await expectError(h, ADMIN, 'activity', 'requestLeave', { id: NOW_ACT, reason: '出差' }, 'NOT_FOUND');
    await expectError(h, 'demo-visitor', 'activity', 'requestLeave', { id: NOW_ACT, reason: '出差' }, 'FORBIDDEN');
    const { token } = await h.call(SECRETARY, 'activity', 'code', { id: NOW_ACT });
    await h.call(MEMBER, 'activity', 'checkin', { token });
    const signedIn = await documentCounts(h.store);
    await expectError(h, MEMBER, 'activity', 'requestLeave', { id: NOW_ACT, reason: '临时有事' }, 'CONFLICT');
    h.now.value = new Date(END);
    await expectError(h, MEMBER_3, 'activity', 'requestLeave', { id: NOW_ACT, reason: '临时有事' }, 'CONFLICT');
    await h.call(SECRETARY, 'activity', 'cancel', { id: GROUP_ACT, reason: '改期举行' });
    await expectError(h, MEMBER, 'activity', 'requestLeave', { id: GROUP_ACT, reason: '临时有事' }, 'CONFLICT');
    expect(await h.store.count('leaves')).toBe(before.leaves);
    expect((await documentCounts(h.store)).attendance).toBe(signedIn.attendance);
  });
});
