import type { ActivityOutputs, ApiError, ApiResult } from '../../../contracts';
import type { ActivityDoc } from '../documents';
import { STEP_SECONDS } from '../token';
import { memberTotalsId } from '../../points/totals';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { documentCounts, expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER, MEMBER_3, OFFICER, SECRETARY, VISITOR } from '../../../tests/support/demo';

/**
 * The `activity` function: creating activities, the rotating-code sign-in and its refusals, the
 * organiser's scan, and who may see and run what. The demo clock stands at 2026-11-23 10:00 in
 * China; act-demo-now starts at 10:10 (sign-in 09:40–10:40, late after 10:15).
 */
const BRANCH_1 = 'org-branch-1';
const BRANCH_2 = 'org-branch-2';
const NOW_ACT = 'act-demo-now';
const VOLUNTEER = 'act-demo-volunteer';
const GROUP_ACT = 'act-demo-group';

const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const START = SEED_AT + 10 * MIN; // act-demo-now
const VOLUNTEER_START = SEED_AT + 3 * DAY;
const PLACE = { lat: 31.2304, lng: 121.4737 };
/** Metres north of the volunteer place, as a location. */
const north = (metres: number) => ({ lat: PLACE.lat + metres / 111_195, lng: PLACE.lng });

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const setClock = (ms: number) => (h.now.value = new Date(ms));
const advance = (ms: number) => setClock(h.now.value.getTime() + ms);
const activityDoc = async (id: string) => (await h.store.get('activities', id)) as ActivityDoc;
const record = (activityId: string, memberId: string) => h.store.get('attendance', `${activityId}:${memberId}`);
const yearNet = async (memberId: string) =>
  (await h.store.get('pointTotals', memberTotalsId(memberId, 2026)))?.total.net ?? 0;
const code = async (id: string, as = SECRETARY) => (await h.call(as, 'activity', 'code', { id })).token;
const checkin = (openid: string | null, token: string, location?: { lat: number; lng: number }) =>
  h.raw(openid, 'activity', { action: 'checkin', data: location ? { token, location } : { token } }) as Promise<
    ApiResult<ActivityOutputs['checkin']>
  >;
const activeMembers = async (where: Record<string, string>) =>
  (await h.store.query('members', { where: { ...where, status: 'active' }, limit: 100 })).map((m) => m._id).sort();
const createActivity = (openid: string, orgId: string, extra: Record<string, unknown> = {}) =>
  h.call(openid, 'activity', 'create', {
    orgId,
    kind: 'theme_day',
    title: '学习主题党日',
    startAt: new Date(SEED_AT + 2 * DAY).toISOString(),
    endAt: new Date(SEED_AT + 2 * DAY + 120 * MIN).toISOString(),
    ...extra,
  });

describe('activity.create, update and cancel', () => {
  it('refuses an archived (撤销) group and writes nothing', async () => {
    const group = await h.call(ADMIN, 'roster', 'createOrg', { parentId: BRANCH_2, name: '临时党小组', kind: 'group' });
    await h.call(ADMIN, 'roster', 'archiveOrg', { id: group.id });
    const before = await documentCounts(h.store);
    const error = await expectError(
      h,
      ADMIN,
      'activity',
      'create',
      {
        orgId: group.id,
        kind: 'theme_day',
        title: '主题党日',
        startAt: '2026-11-25T06:00:00.000Z',
        endAt: '2026-11-25T08:00:00.000Z',
      },
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({ field: 'orgId', message: '该组织已撤销，不能再安排活动' });
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('creates an activity with the default window and grace, expecting every active member of the branch', async () => {
    const startAt = '2026-11-25T06:00:00.000Z';
    const { id } = await createActivity(SECRETARY, BRANCH_1, { startAt, endAt: '2026-11-25T08:00:00.000Z' });
    const doc = await activityDoc(id);
    expect(doc).toMatchObject({
      orgId: BRANCH_1,
      branchId: BRANCH_1,
      committeeId: 'org-committee',
      kind: 'theme_day',
      startAt,
      signInFrom: '2026-11-25T05:30:00.000Z',
      signInUntil: '2026-11-25T06:30:00.000Z',
      graceMinutes: 5,
      place: null,
      status: 'active',
      createdBy: SECRETARY,
    });
    const branch = await activeMembers({ branchId: BRANCH_1 });
    expect(branch).toHaveLength(18);
    expect(doc.attendees.map((a) => a.id).sort()).toEqual(branch);
    // The exempt member is expected, marked exempt.
    expect(doc.attendees.find((a) => a.id === 'member-029')).toEqual({
      id: 'member-029',
      name: '沈玉珍',
      exempt: '年老体弱，行动不便',
    });
    expect(await h.store.count('audit', { action: 'activity.create', target: `activities/${id}` })).toBe(1);

    const view = await h.call(SECRETARY, 'activity', 'get', { id });
    expect(view).toMatchObject({
      id,
      orgName: '第一党支部',
      kindLabel: '主题党日',
      phase: 'upcoming',
      rule: 'org_life',
      ruleName: '参加组织生活',
      points: 2,
      expectedCount: 18,
      canManage: true,
      counts: { expected: 18, present: 0, late: 0, leave: 0, exempt: 1, absent: 0, pending: 17, rate: 0 },
      mine: { expected: true, status: 'expected', at: null, leave: null },
    });
    // The secret keys the code and never leaves the server.
    expect(JSON.stringify(view)).not.toContain(doc.secret);
  });

  it('a group activity expects the members of the group only', async () => {
    const { id } = await createActivity(SECRETARY, 'org-group-1', { kind: 'group_meeting', title: '党小组学习会' });
    const doc = await activityDoc(id);
    const group = await activeMembers({ groupId: 'org-group-1' });
    expect(group).toEqual(expect.arrayContaining(['member-002', 'member-003', 'member-029']));
    expect(group).not.toContain('member-004');
    expect(doc.attendees.map((a) => a.id).sort()).toEqual(group);
    expect(doc).toMatchObject({ orgId: 'org-group-1', branchId: BRANCH_1 });
  });

  it('keeps the chosen members, custom window, grace and place', async () => {
    const place = { name: '党员活动室', lat: 31.2, lng: 121.4, radius: 100 };
    const { id } = await createActivity(SECRETARY, BRANCH_1, {
      expectedMemberIds: ['member-004', 'member-003', 'member-004'],
      signInFrom: new Date(SEED_AT + 2 * DAY - 60 * MIN).toISOString(),
      signInUntil: new Date(SEED_AT + 2 * DAY + 10 * MIN).toISOString(),
      graceMinutes: 0,
      place,
    });
    expect(await activityDoc(id)).toMatchObject({
      attendees: [
        { id: 'member-004', name: '刘洋', exempt: null },
        { id: 'member-003', name: '陈秀英', exempt: null },
      ],
      signInFrom: new Date(SEED_AT + 2 * DAY - 60 * MIN).toISOString(),
      graceMinutes: 0,
      place,
    });
  });

  it('is refused to members and officers, and outside the secretary’s branch', async () => {
    const before = await documentCounts(h.store);
    await expectError(h, MEMBER, 'activity', 'create', { ...baseInput(BRANCH_1) }, 'FORBIDDEN');
    await expectError(h, OFFICER, 'activity', 'create', { ...baseInput(BRANCH_1) }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'activity', 'create', { ...baseInput(BRANCH_2) }, 'FORBIDDEN');
    await expectError(h, null, 'activity', 'create', { ...baseInput(BRANCH_1) }, 'UNAUTHENTICATED');
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('update changes the details, moves the default window with the start, and keeps whoever signed in', async () => {
    const token = await code(NOW_ACT);
    expect(await checkin(MEMBER, token)).toMatchObject({ ok: true });
    const startAt = new Date(START + 20 * MIN).toISOString();
    await h.call(SECRETARY, 'activity', 'update', {
      id: NOW_ACT,
      title: '第四季度支部党员大会（改期）',
      startAt,
      endAt: new Date(START + 120 * MIN).toISOString(),
      expectedMemberIds: ['member-004', 'member-005'],
    });
    const doc = await activityDoc(NOW_ACT);
    expect(doc).toMatchObject({
      title: '第四季度支部党员大会（改期）',
      startAt,
      signInFrom: new Date(START - 10 * MIN).toISOString(),
      signInUntil: new Date(START + 50 * MIN).toISOString(),
    });
    expect(doc.attendees.map((a) => a.id)).toEqual(['member-004', 'member-005', 'member-003']);
    expect(await h.store.count('audit', { action: 'activity.update' })).toBe(1);
    // The organiser's view and the code follow the change at once.
    const view = await h.call(SECRETARY, 'activity', 'get', { id: NOW_ACT });
    expect(view.counts).toMatchObject({ expected: 3, present: 1, pending: 2 });
    const newToken = await code(NOW_ACT);
    expect(await checkin('demo-member-5', newToken)).toMatchObject({ ok: false, error: { code: 'NOT_EXPECTED' } });
    expect(await checkin(MEMBER_3, newToken)).toMatchObject({ ok: true, data: { status: 'present' } });
  });

  it('cancel: refused once someone signed in; otherwise cancels, and a cancelled activity cannot change', async () => {
    const token = await code(NOW_ACT);
    await checkin(MEMBER, token);
    await expectError(h, SECRETARY, 'activity', 'cancel', { id: NOW_ACT, reason: '临时有变' }, 'CONFLICT');
    expect((await activityDoc(NOW_ACT)).status).toBe('active');

    expect(await h.call(SECRETARY, 'activity', 'cancel', { id: GROUP_ACT, reason: '与区委会议冲突' })).toEqual({
      id: GROUP_ACT,
      phase: 'cancelled',
    });
    expect(await activityDoc(GROUP_ACT)).toMatchObject({ status: 'cancelled', cancelReason: '与区委会议冲突' });
    expect(await h.store.count('audit', { action: 'activity.cancel' })).toBe(1);
    // Cancelling again answers the same and writes nothing.
    expect(await h.call(SECRETARY, 'activity', 'cancel', { id: GROUP_ACT, reason: '再次取消' })).toEqual({
      id: GROUP_ACT,
      phase: 'cancelled',
    });
    expect(await h.store.count('audit', { action: 'activity.cancel' })).toBe(1);
    await expectError(h, SECRETARY, 'activity', 'update', { id: GROUP_ACT, title: '新的标题' }, 'CONFLICT');
    await expectError(h, SECRETARY, 'activity', 'code', { id: GROUP_ACT }, 'CONFLICT');
    await expectError(h, OFFICER, 'activity', 'cancel', { id: VOLUNTEER, reason: '临时有变' }, 'FORBIDDEN');
  });
});

function baseInput(orgId: string) {
  return {
    orgId,
    kind: 'theme_day',
    title: '学习主题党日',
    startAt: new Date(SEED_AT + 2 * DAY).toISOString(),
    endAt: new Date(SEED_AT + 2 * DAY + 120 * MIN).toISOString(),
  };
}

describe('activity.code', () => {
  it('gives the current token, its link and when it expires', async () => {
    const result = await h.call(SECRETARY, 'activity', 'code', { id: NOW_ACT });
    const step = Math.floor(SEED_AT / (STEP_SECONDS * 1000));
    expect(result).toEqual({
      url: `https://zhibu.example.com/checkin?t=${result.token}`,
      token: expect.stringMatching(new RegExp(`^${NOW_ACT}\\.[A-Za-z0-9_-]{11}$`)),
      image: null,
      expiresAt: new Date((step + 2) * STEP_SECONDS * 1000).toISOString(),
      refreshAt: new Date((step + 1) * STEP_SECONDS * 1000).toISOString(),
      stepSeconds: STEP_SECONDS,
    });
    advance(STEP_SECONDS * 1000);
    expect(await code(NOW_ACT)).not.toBe(result.token);
  });
});

describe('activity.checkin', () => {
  it('signs a member in: present, the 组织生活 points, one ledger entry, totals moved', async () => {
    const netBefore = await yearNet('member-003');
    const mineBefore = await h.call(MEMBER, 'points', 'mine');
    const ledgerBefore = await h.store.count('ledger');
    const result = await checkin(MEMBER, await code(NOW_ACT));
    expect(result).toEqual({
      ok: true,
      data: {
        status: 'present',
        at: h.now.value.toISOString(),
        already: false,
        activityId: NOW_ACT,
        title: '第四季度支部党员大会',
        points: 2,
        pointsPending: false,
        pointsNote: null,
        memberName: '陈秀英',
        startAt: new Date(SEED_AT + 10 * MIN).toISOString(),
      },
    });
    expect(await h.store.count('ledger')).toBe(ledgerBefore + 1);
    expect(await h.store.get('ledger', `activity:${NOW_ACT}:member-003`)).toMatchObject({
      memberId: 'member-003',
      branchId: BRANCH_1,
      rule: 'org_life',
      kind: 'bonus',
      value: 2,
      source: 'activity',
      reason: '参加支部党员大会「第四季度支部党员大会」',
      recordedBy: null,
      reverses: null,
    });
    expect(await record(NOW_ACT, 'member-003')).toMatchObject({
      status: 'present',
      method: 'self',
      entryId: `activity:${NOW_ACT}:member-003`,
      points: 2,
      round: 1,
    });
    expect(await yearNet('member-003')).toBe(netBefore + 2);
    const mine = await h.call(MEMBER, 'points', 'mine');
    expect(mine.totals).toEqual({
      month: mineBefore.totals.month + 2,
      quarter: mineBefore.totals.quarter + 2,
      year: mineBefore.totals.year + 2,
    });
    expect(mine.entries.items[0]).toMatchObject({ id: `activity:${NOW_ACT}:member-003`, value: 2 });
    const view = await h.call(MEMBER, 'activity', 'get', { id: NOW_ACT });
    expect(view.mine).toEqual({ expected: true, status: 'present', at: h.now.value.toISOString(), leave: null });
    expect(view.counts).toBeUndefined();
  });

  it('after start + grace a sign-in is late; at start + grace exactly it is not', async () => {
    setClock(START + 5 * MIN);
    expect(await checkin(MEMBER, await code(NOW_ACT))).toMatchObject({ ok: true, data: { status: 'present' } });
    setClock(START + 5 * MIN + 1);
    const late = await checkin(MEMBER_3, await code(NOW_ACT));
    expect(late).toMatchObject({ ok: true, data: { status: 'late', points: 2, already: false } });
    expect(await record(NOW_ACT, 'member-004')).toMatchObject({ status: 'late' });
    expect((await h.store.get('ledger', `activity:${NOW_ACT}:member-004`))?.reason).toBe(
      '参加支部党员大会「第四季度支部党员大会」（迟到）',
    );
  });

  it('a second sign-in answers already, with the first one’s time and points, and posts nothing', async () => {
    const first = await checkin(MEMBER, await code(NOW_ACT));
    if (!first.ok) throw new Error('first sign-in failed');
    const ledger = await h.store.count('ledger');
    const net = await yearNet('member-003');
    advance(10 * MIN); // now late: the answer is still the first, on-time sign-in
    const second = await checkin(MEMBER, await code(NOW_ACT));
    expect(second).toEqual({ ok: true, data: { ...first.data, already: true } });
    // Even once the window has closed, scanning again tells the member they signed in.
    setClock(START + 31 * MIN);
    expect(await checkin(MEMBER, await code(NOW_ACT))).toEqual({ ok: true, data: { ...first.data, already: true } });
    expect(await h.store.count('ledger')).toBe(ledger);
    expect(await yearNet('member-003')).toBe(net);
  });

  type Refusal = [label: string, code: ApiError['code'], run: () => Promise<ApiResult<unknown>>];
  const flip = (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
  const refusals: Refusal[] = [
    ['a token that is no token', 'CODE_INVALID', () => checkin(MEMBER, 'not-a-token')],
    ['a flipped MAC', 'CODE_INVALID', async () => checkin(MEMBER, flip(await code(NOW_ACT)))],
    [
      'an unknown activity',
      'CODE_INVALID',
      async () => checkin(MEMBER, (await code(NOW_ACT)).replace(NOW_ACT, 'act-nonexistent')),
    ],
    [
      "another activity's token with this activity's id",
      'CODE_INVALID',
      async () => checkin(MEMBER, (await code(VOLUNTEER)).replace(VOLUNTEER, NOW_ACT)),
    ],
    [
      'a member’s card code',
      'CODE_INVALID',
      async () => checkin(MEMBER, (await h.call(MEMBER_3, 'activity', 'myCode')).token),
    ],
    [
      'a token two steps old',
      'CODE_EXPIRED',
      async () => {
        const token = await code(NOW_ACT);
        advance(2 * STEP_SECONDS * 1000);
        return checkin(MEMBER, token);
      },
    ],
    ['before the window opens', 'SIGNIN_NOT_OPEN', async () => checkin(MEMBER, await code(GROUP_ACT))],
    [
      'after the window closed',
      'SIGNIN_CLOSED',
      async () => {
        setClock(START + 30 * MIN + 1);
        return checkin(MEMBER, await code(NOW_ACT));
      },
    ],
    ['not signed in to the app', 'UNAUTHENTICATED', async () => checkin(null, await code(NOW_ACT))],
    ['a visitor with no roster entry', 'NOT_MEMBER', async () => checkin(VISITOR, await code(NOW_ACT))],
    ['a member of another branch', 'NOT_EXPECTED', async () => checkin(ADMIN, await code(NOW_ACT))],
    [
      'a group meeting, for a member of the other group',
      'NOT_EXPECTED',
      async () => {
        setClock(SEED_AT + 5 * DAY);
        return checkin(MEMBER_3, await code(GROUP_ACT));
      },
    ],
    [
      'a place, without a location',
      'LOCATION_REQUIRED',
      async () => {
        setClock(VOLUNTEER_START);
        return checkin(MEMBER, await code(VOLUNTEER));
      },
    ],
    [
      'a place, 310 m away',
      'OUT_OF_RANGE',
      async () => {
        setClock(VOLUNTEER_START);
        return checkin(MEMBER, await code(VOLUNTEER), north(310));
      },
    ],
  ];

  it.each(refusals)('refuses %s with %s and changes nothing', async (_label, errorCode, run) => {
    const before = await documentCounts(h.store);
    const state = await snapshot(h.store, ['attendance', 'ledger', 'pointTotals', 'activities']);
    const result = await run();
    expect(result).toEqual({
      ok: false,
      error: { code: errorCode, message: expect.any(String), ...fieldOf(errorCode) },
    });
    expect(await documentCounts(h.store)).toEqual({ ...before, secrets: expect.any(Number) });
    expect(await snapshot(h.store, ['attendance', 'ledger', 'pointTotals', 'activities'])).toEqual(state);
  });

  function fieldOf(errorCode: ApiError['code']) {
    return errorCode === 'LOCATION_REQUIRED' || errorCode === 'OUT_OF_RANGE' ? { field: 'location' } : {};
  }

  it('tells an out-of-range member how far they are', async () => {
    setClock(VOLUNTEER_START);
    const result = await checkin(MEMBER, await code(VOLUNTEER), north(310));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_RANGE', message: expect.stringContaining('310 米') },
    });
  });

  it('accepts a sign-in inside the radius, with the 志愿服务 points', async () => {
    setClock(VOLUNTEER_START - 10 * MIN);
    const inside = await checkin(MEMBER, await code(VOLUNTEER), north(290));
    expect(inside).toMatchObject({ ok: true, data: { status: 'present', points: 3 } });
    expect(await h.store.get('ledger', `activity:${VOLUNTEER}:member-003`)).toMatchObject({
      rule: 'volunteer',
      value: 3,
    });
    expect(await checkin(MEMBER_3, await code(VOLUNTEER), PLACE)).toMatchObject({ ok: true });
  });

  it('refuses a cancelled activity, even with a token shown before it was cancelled', async () => {
    const token = await code(NOW_ACT);
    await h.call(SECRETARY, 'activity', 'cancel', { id: NOW_ACT, reason: '会议室临时被占用' });
    const before = await documentCounts(h.store);
    expect(await checkin(MEMBER, token)).toMatchObject({
      ok: false,
      error: { code: 'SIGNIN_CLOSED', message: '活动已取消' },
    });
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('follows roster changes at once: a member who left cannot sign in, a newly bound one can', async () => {
    const token = await code(NOW_ACT);
    // The first sign-in loads the activity's copy, with its expected members.
    expect(await checkin(MEMBER, token)).toMatchObject({ ok: true });
    await h.call(SECRETARY, 'roster', 'deactivateMember', { id: 'member-004', reason: '转出' });
    expect(await checkin(MEMBER_3, token)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(await record(NOW_ACT, 'member-004')).toBeNull();
    // 吴桂兰 (member-008) is expected but not yet bound; her declaration is approved now.
    await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-1', decision: 'approve' });
    expect(await checkin('demo-applicant-1', token)).toMatchObject({
      ok: true,
      data: { status: 'present', memberName: '吴桂兰' },
    });
  });

  it('an activity whose rule is switched off signs in for 0 points and posts nothing', async () => {
    const rules = await h.call(ADMIN, 'points', 'rules');
    await h.call(ADMIN, 'points', 'updateRules', { items: [{ code: 'org_life', value: 2, active: false }] });
    expect(rules.items.find((r) => r.code === 'org_life')?.active).toBe(true);
    const ledger = await h.store.count('ledger');
    expect(await checkin(MEMBER, await code(NOW_ACT))).toMatchObject({ ok: true, data: { points: 0 } });
    expect(await h.store.count('ledger')).toBe(ledger);
    expect(await record(NOW_ACT, 'member-003')).toMatchObject({ status: 'present', entryId: null, points: 0 });
  });
});

describe('activity.scanMember and myCode', () => {
  const scan = (openid: string, id: string, token: string) =>
    h.raw(openid, 'activity', { action: 'scanMember', data: { id, token } }) as Promise<
      ApiResult<ActivityOutputs['scanMember']>
    >;

  it("the organiser scans a member's card code: present, recorded by the organiser", async () => {
    const card = await h.call(MEMBER, 'activity', 'myCode');
    expect(card).toEqual({
      token: expect.stringMatching(/^m\.member-003\.\d+\.[A-Za-z0-9_-]{22}$/),
      expiresAt: expect.any(String),
      refreshAt: expect.any(String),
      stepSeconds: STEP_SECONDS,
    });
    // The card's key is made once.
    expect((await h.call(MEMBER, 'activity', 'myCode')).token).toBe(card.token);
    expect(await h.store.count('secrets')).toBe(1);

    const result = await scan(OFFICER, NOW_ACT, card.token);
    expect(result).toEqual({
      ok: true,
      data: {
        status: 'present',
        at: h.now.value.toISOString(),
        already: false,
        activityId: NOW_ACT,
        title: '第四季度支部党员大会',
        points: 2,
        pointsPending: false,
        pointsNote: null,
        memberName: '陈秀英',
        startAt: new Date(SEED_AT + 10 * MIN).toISOString(),
      },
    });
    expect(await record(NOW_ACT, 'member-003')).toMatchObject({ method: 'organiser', status: 'present' });
    expect(await h.store.get('ledger', `activity:${NOW_ACT}:member-003`)).toMatchObject({
      value: 2,
      recordedBy: OFFICER,
    });
    // Scanning again, or the member scanning the activity's code, answers already.
    expect(await scan(SECRETARY, NOW_ACT, card.token)).toMatchObject({ ok: true, data: { already: true } });
    expect(await checkin(MEMBER, await code(NOW_ACT))).toMatchObject({ ok: true, data: { already: true } });
    const list = await h.call(SECRETARY, 'activity', 'attendance', { id: NOW_ACT });
    expect(list.items.find((i) => i.memberId === 'member-003')).toMatchObject({
      status: 'present',
      method: 'organiser',
    });
  });

  it('refuses expired, forged and wrong-kind card codes, and members not expected', async () => {
    const card = (await h.call(MEMBER, 'activity', 'myCode')).token;
    const before = await documentCounts(h.store);
    const flipped = card.slice(0, -1) + (card.endsWith('A') ? 'B' : 'A');
    expect(await scan(SECRETARY, NOW_ACT, flipped)).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } });
    expect(await scan(SECRETARY, NOW_ACT, await code(NOW_ACT))).toMatchObject({
      ok: false,
      error: { code: 'CODE_INVALID' },
    });
    // A member who never opened their card has no key: no code of theirs can be valid.
    const other = card.replace('member-003', 'member-004');
    expect(await scan(SECRETARY, NOW_ACT, other)).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } });
    const admin = (await h.call(ADMIN, 'activity', 'myCode')).token;
    expect(await scan(SECRETARY, NOW_ACT, admin)).toMatchObject({ ok: false, error: { code: 'NOT_EXPECTED' } });
    advance(2 * STEP_SECONDS * 1000);
    expect(await scan(SECRETARY, NOW_ACT, card)).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } });
    // A member cannot scan anyone in.
    expect(await scan(MEMBER_3, NOW_ACT, (await h.call(MEMBER, 'activity', 'myCode')).token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await documentCounts(h.store)).toEqual({ ...before, secrets: before.secrets + 1 });
    await expectError(h, VISITOR, 'activity', 'myCode', undefined, 'NOT_MEMBER');
  });
});

describe('scope', () => {
  async function branch2Activity(): Promise<string> {
    const { id } = await h.call(ADMIN, 'activity', 'create', {
      orgId: BRANCH_2,
      kind: 'party_congress',
      title: '第二党支部党员大会',
      startAt: new Date(SEED_AT + 10 * MIN).toISOString(),
      endAt: new Date(SEED_AT + 70 * MIN).toISOString(),
    });
    return id;
  }

  it('a secretary of 第一党支部 can neither run nor see the activities of 第二党支部', async () => {
    const id = await branch2Activity();
    const before = await documentCounts(h.store);
    for (const action of ['code', 'attendance', 'live', 'close', 'exportAttendance'])
      await expectError(h, SECRETARY, 'activity', action, { id }, 'FORBIDDEN');
    await expectError(
      h,
      SECRETARY,
      'activity',
      'manualCheckin',
      { id, memberId: 'member-018', reason: '补签' },
      'FORBIDDEN',
    );
    await expectError(h, SECRETARY, 'activity', 'cancel', { id, reason: '越权取消' }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'activity', 'list', { orgId: BRANCH_2 }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'activity', 'get', { id }, 'NOT_FOUND');
    expect(await documentCounts(h.store)).toEqual(before);
    expect(h.files.published.size).toBe(0);
    // The admin runs it, and its members sign in.
    const token = await code(id, ADMIN);
    expect(await checkin(ADMIN, token)).toMatchObject({ ok: true, data: { status: 'present' } });
    expect(await checkin(MEMBER, token)).toMatchObject({ ok: false, error: { code: 'NOT_EXPECTED' } });
  });

  it('an officer can show the code and watch, but not close, correct or review', async () => {
    expect(await code(NOW_ACT, OFFICER)).toMatch(/^act-demo-now\./);
    await h.call(OFFICER, 'activity', 'live', { id: NOW_ACT });
    await h.call(OFFICER, 'activity', 'attendance', { id: NOW_ACT });
    await h.call(OFFICER, 'activity', 'list', { orgId: BRANCH_1 });
    const before = await documentCounts(h.store);
    await expectError(h, OFFICER, 'activity', 'close', { id: NOW_ACT }, 'FORBIDDEN');
    await expectError(
      h,
      OFFICER,
      'activity',
      'manualCheckin',
      { id: NOW_ACT, memberId: 'member-003', reason: '忘带手机' },
      'FORBIDDEN',
    );
    await expectError(h, OFFICER, 'activity', 'update', { id: NOW_ACT, title: '改个标题' }, 'FORBIDDEN');
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('a member cannot show the code or see the lists', async () => {
    for (const action of ['code', 'attendance', 'live', 'close', 'exportAttendance'])
      await expectError(h, MEMBER, 'activity', action, { id: NOW_ACT }, 'FORBIDDEN');
    await expectError(h, MEMBER, 'activity', 'list', { orgId: BRANCH_1 }, 'FORBIDDEN');
  });

  it("members see only their branch's activities in `mine` and `get`", async () => {
    const id = await branch2Activity();
    const upcoming = await h.call(MEMBER, 'activity', 'mine', { scope: 'upcoming' });
    expect(upcoming.items.map((i) => i.id)).toEqual([NOW_ACT, VOLUNTEER, GROUP_ACT]);
    expect(upcoming.items[0]).toMatchObject({ phase: 'signing', mine: { expected: true, status: 'expected' } });
    // 刘洋 is in 第二党小组: not expected at 第一党小组's meeting.
    const other = await h.call(MEMBER_3, 'activity', 'mine', { scope: 'upcoming' });
    expect(other.items.map((i) => i.id)).toEqual([NOW_ACT, VOLUNTEER]);
    const past = await h.call(MEMBER, 'activity', 'mine', { scope: 'past' });
    expect(past.items.map((i) => i.id)).toEqual(['act-demo-past']);
    expect(past.items[0].phase).toBe('closed');

    const admin = await h.call(ADMIN, 'activity', 'mine', { scope: 'upcoming' });
    expect(admin.items.map((i) => i.id)).toEqual([id]);

    await expectError(h, MEMBER, 'activity', 'get', { id }, 'NOT_FOUND');
    await expectError(h, VISITOR, 'activity', 'get', { id: NOW_ACT }, 'NOT_FOUND');
    await expectError(h, VISITOR, 'activity', 'mine', undefined, 'FORBIDDEN');
    expect(await h.call(MEMBER, 'activity', 'get', { id: NOW_ACT })).toMatchObject({ canManage: false });
    // The admin manages every branch's activities; they are not expected at this one.
    expect(await h.call(ADMIN, 'activity', 'get', { id: NOW_ACT })).toMatchObject({
      canManage: true,
      mine: { expected: false, status: null, at: null, leave: null },
    });
  });
});

describe('activity.attendance and live', () => {
  it('lists each expected member with their standing, and the live view splits them', async () => {
    const token = await code(NOW_ACT);
    await checkin(MEMBER, token);
    advance(1000);
    await checkin(OFFICER, token);
    await h.call(MEMBER_3, 'activity', 'requestLeave', { id: NOW_ACT, reason: '出差在外地' });
    await h.call(SECRETARY, 'activity', 'reviewLeave', { id: NOW_ACT, memberId: 'member-004', decision: 'approve' });
    setClock(START + 6 * MIN);
    await checkin('demo-member-4', await code(NOW_ACT));

    const { items, counts } = await h.call(SECRETARY, 'activity', 'attendance', { id: NOW_ACT });
    expect(items).toHaveLength(18);
    expect(counts).toEqual({
      expected: 18,
      present: 2,
      late: 1,
      leave: 1,
      exempt: 1,
      absent: 0,
      pending: 13,
      rate: Math.round((3 / 17) * 1000) / 1000,
    });
    const byId = new Map(items.map((i) => [i.memberId, i]));
    expect(byId.get('member-003')).toEqual({
      memberId: 'member-003',
      name: '陈秀英',
      status: 'present',
      at: new Date(SEED_AT).toISOString(),
      method: 'self',
      note: null,
    });
    expect(byId.get('member-005')).toMatchObject({ status: 'late' });
    expect(byId.get('member-004')).toMatchObject({ status: 'leave', note: '出差在外地', at: null });
    expect(byId.get('member-029')).toMatchObject({ status: 'exempt', note: '年老体弱，行动不便' });
    expect(byId.get('member-006')).toMatchObject({ status: 'expected', at: null, method: null });

    const live = await h.call(OFFICER, 'activity', 'live', { id: NOW_ACT });
    expect(live.phase).toBe('signing');
    expect(live.counts).toEqual(counts);
    // Latest first.
    expect(live.signedIn.map((i) => i.memberId)).toEqual(['member-005', 'member-002', 'member-003']);
    expect(live.onLeave.map((i) => i.memberId).sort()).toEqual(['member-004', 'member-029']);
    expect(live.notYet).toHaveLength(13);
    expect(live.notYet.every((i) => i.status === 'expected')).toBe(true);

    const list = await h.call(SECRETARY, 'activity', 'list', { orgId: BRANCH_1, scope: 'upcoming' });
    expect(list.items.find((i) => i.id === NOW_ACT)?.counts).toEqual(counts);
  });
});

describe('activity audit trail', () => {
  it('writes who created, updated and cancelled, never the secret', async () => {
    const { id } = await createActivity(SECRETARY, BRANCH_1);
    await h.call(SECRETARY, 'activity', 'update', { id, notes: '请带党章' });
    await h.call(SECRETARY, 'activity', 'cancel', { id, reason: '改为线上学习' });
    const audit = await h.store.query('audit', { where: { target: `activities/${id}` }, limit: 10 });
    expect(audit.map((a) => [a.action, a.actor]).sort()).toEqual([
      ['activity.cancel', SECRETARY],
      ['activity.create', SECRETARY],
      ['activity.update', SECRETARY],
    ]);
    expect(JSON.stringify(audit)).not.toContain((await activityDoc(id)).secret);
  });
});
