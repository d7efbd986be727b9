import type { ActivityKind } from '../../../contracts/activity';
import { ACTIVITY_KINDS } from '../../../contracts/labels/activity';
import { DEFAULT_PARTICIPATION } from '../../../contracts/labels/participation';
import type { ActivityDoc } from '../documents';
import { wasHeld } from '../cadence';
import { expectError } from '../../../tests/integration/support';
import { ADMIN, MEMBER, MEMBER_3, MEMBER_4, SECRETARY } from '../../../tests/support/demo';
import { createHarness, type Harness } from '../../../tests/support/harness';

/**
 * People on the way to membership at activities (issue 15): who is expected, welcome (列席) or
 * refused by kind, what closing records for them, and that the Party members' measures (the rate,
 * the quorum, the cadence) do not count them. The demo's 刘洋 (member-004, demo-member-3) is made an
 * 入党积极分子, 赵丽娟 (member-005, demo-member-4) an 入党申请人, 宋佳怡 (member-016) a 发展对象
 * bound to `way-candidate`; 林晓燕 (member-018, 第二党支部) an 入党申请人 bound to `way-other`.
 */
const BRANCH_1 = 'org-branch-1';
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const NOW = Date.parse('2026-11-23T02:00:00.000Z');
const CANDIDATE = 'way-candidate';
const OTHER_BRANCH = 'way-other';
const WHO = { activist: 'member-004', applicant: 'member-005', candidate: 'member-016' } as const;
const OPENID = { activist: MEMBER_3, applicant: MEMBER_4, candidate: CANDIDATE } as const;

let h: Harness;

async function makeOnTheWay(memberId: string, partyStatus: string, openid?: string) {
  await h.store.update('members', memberId, {
    $set: { partyStatus: partyStatus as never, fullAt: null, joinedAt: null, ...(openid ? { openid } : {}) },
  });
  if (openid) await h.store.create('bindings', { _id: openid, memberId, at: new Date(NOW).toISOString() } as never);
}

beforeEach(async () => {
  h = await createHarness();
  await makeOnTheWay(WHO.activist, 'activist');
  await makeOnTheWay(WHO.applicant, 'applicant');
  await makeOnTheWay(WHO.candidate, 'candidate', CANDIDATE);
  await makeOnTheWay('member-018', 'applicant', OTHER_BRANCH);
});

afterEach(() => h.close());

const setClock = (ms: number) => (h.now.value = new Date(ms));
const activityDoc = async (id: string) => (await h.store.get('activities', id)) as ActivityDoc;
const record = (activityId: string, memberId: string) => h.store.get('attendance', `${activityId}:${memberId}`);
const checkin = async (openid: string, id: string) => {
  const { token } = await h.call(SECRETARY, 'activity', 'code', { id });
  return h.raw(openid, 'activity', { action: 'checkin', data: { token } });
};

/** An activity of the branch starting 10 minutes from now (signing in is open), by `as`. */
async function create(kind: ActivityKind, extra: Record<string, unknown> = {}, as = SECRETARY, start = NOW + 10 * MIN) {
  const { id } = await h.call(as, 'activity', 'create', {
    orgId: BRANCH_1,
    kind,
    title: '活动',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 60 * MIN).toISOString(),
    ...extra,
  });
  return id;
}

describe('who is expected, welcome or refused, kind by kind', () => {
  it.each(ACTIVITY_KINDS.map((kind) => [kind, DEFAULT_PARTICIPATION[kind]] as const))('%s: %j', async (kind, row) => {
    const id = await create(kind);
    const listed = (await activityDoc(id)).attendees.filter((a) => a.partyStatus);
    // The default list: the Party members and those on the way whom the kind expects.
    const expected = (['candidate', 'activist', 'applicant'] as const).filter((s) => row[s] === 'expected');
    expect(listed.map((a) => a.partyStatus).sort()).toEqual([...expected].sort());
    expect(listed.every((a) => !a.guest)).toBe(true);

    // The 积极分子 and the 申请人 scan; the 发展对象 does not come.
    for (const status of ['activist', 'applicant'] as const) {
      const result = await checkin(OPENID[status], id);
      if (row[status] === 'refused') {
        expect(result).toMatchObject({ ok: false, error: { code: 'NOT_EXPECTED' } });
        expect(!result.ok && result.error.message).toMatch(/由党员参加，入党(积极分子|申请人)不参加$/);
      } else expect(result).toMatchObject({ ok: true });
    }
    const after = (await activityDoc(id)).attendees;
    for (const status of ['activist', 'applicant'] as const) {
      const entry = after.find((a) => a.id === WHO[status]);
      if (row[status] === 'refused') expect(entry).toBeUndefined();
      else expect(entry).toMatchObject({ partyStatus: status, ...(row[status] === 'welcome' ? { guest: true } : {}) });
    }

    // Closing: the 发展对象 is absent only where expected; a guest who stayed away has no record.
    setClock(NOW + 80 * MIN);
    await h.call(SECRETARY, 'activity', 'close', { id });
    const candidate = await record(id, WHO.candidate);
    if (row.candidate === 'expected') expect(candidate?.status).toBe('absent');
    else expect(candidate).toBeNull();
    const { items, counts } = await h.call(SECRETARY, 'activity', 'attendance', { id });
    expect(items.filter((i) => i.status === 'absent' && i.partyStatus).map((i) => i.memberId)).toEqual(
      row.candidate === 'expected' ? [WHO.candidate] : [],
    );
    // The Party members' counts hold none of them; only the secretary (organiser) is present.
    expect(counts).toMatchObject({ present: 1, late: 0 });
    expect(counts.expected).toBe(items.filter((i) => !i.partyStatus).length);
    const came = (['activist', 'applicant'] as const).filter((s) => row[s] !== 'refused').length;
    if (came || row.candidate === 'expected')
      expect(counts.onTheWay).toMatchObject({
        expected: expected.length,
        present: came,
        absent: row.candidate === 'expected' ? 1 : 0,
        guests: (['activist', 'applicant'] as const).filter((s) => row[s] === 'welcome').length,
      });
    else expect(counts.onTheWay).toBeUndefined();
    expect((await activityDoc(id)).closeSummary).toMatchObject({ present: 1, late: 0 });
  });

  it('a chosen list: someone the kind refuses cannot be chosen; one it welcomes is a guest', async () => {
    const error = await expectError(
      h,
      SECRETARY,
      'activity',
      'create',
      {
        orgId: BRANCH_1,
        kind: 'committee',
        title: '支委会',
        startAt: new Date(NOW + DAY).toISOString(),
        endAt: new Date(NOW + DAY + 60 * MIN).toISOString(),
        expectedMemberIds: ['member-001', 'member-002', WHO.activist],
      },
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({
      field: 'expectedMemberIds.2',
      message: '刘洋：支委会由党员参加，入党积极分子不参加',
    });
    const id = await create('party_congress', { expectedMemberIds: ['member-001', 'member-002', WHO.candidate] });
    expect((await activityDoc(id)).attendees.find((a) => a.id === WHO.candidate)).toEqual({
      id: WHO.candidate,
      name: '宋佳怡',
      exempt: null,
      partyStatus: 'candidate',
      guest: true,
    });
    // An invited guest who stays away is no absentee.
    setClock(NOW + 80 * MIN);
    await h.call(SECRETARY, 'activity', 'close', { id });
    expect(await record(id, WHO.candidate)).toBeNull();
  });

  it('changing the kind: a guest becomes expected where the new kind expects; refused, the change is', async () => {
    const id = await create('theme_day');
    await h.call(SECRETARY, 'activity', 'update', { id, kind: 'party_congress' });
    expect((await activityDoc(id)).attendees.find((a) => a.id === WHO.activist)).toMatchObject({ guest: true });
    await h.call(SECRETARY, 'activity', 'update', { id, kind: 'volunteer' });
    expect((await activityDoc(id)).attendees.find((a) => a.id === WHO.activist)?.guest).toBeUndefined();
    const error = await expectError(h, SECRETARY, 'activity', 'update', { id, kind: 'life_meeting' }, 'INVALID_INPUT');
    expect(error).toMatchObject({ field: 'kind' });
    expect(error.message).toMatch(/组织生活会由党员参加，(入党积极分子|发展对象)不参加；请先调整应到名单$/);
    expect((await activityDoc(id)).kind).toBe('volunteer');
  });
});

describe('scope, leave, reminders and corrections', () => {
  it("another branch's 入党申请人 is refused as anyone not expected is", async () => {
    const id = await create('theme_day');
    expect(await checkin(OTHER_BRANCH, id)).toMatchObject({
      ok: false,
      error: { code: 'NOT_EXPECTED', message: '您不在本次活动的应到名单中，请联系支部书记' },
    });
    await expectError(
      h,
      SECRETARY,
      'activity',
      'manualCheckin',
      { id, memberId: 'member-018', reason: '现场补签' },
      'NOT_FOUND',
    );
    await expectError(h, OTHER_BRANCH, 'activity', 'requestLeave', { id, reason: '外出办事' }, 'NOT_FOUND');
    await expectError(h, OTHER_BRANCH, 'activity', 'get', { id }, 'NOT_FOUND');
    expect((await activityDoc(id)).attendees.some((a) => a.id === 'member-018')).toBe(false);
  });

  it('an expected 积极分子 asks for leave as a member does; a welcome 申请人 has no leave to ask for', async () => {
    const id = await create('theme_day', {}, SECRETARY, NOW + DAY);
    await h.call(MEMBER_3, 'activity', 'requestLeave', { id, reason: '单位值班，无法参加' });
    await h.call(SECRETARY, 'activity', 'reviewLeave', { id, memberId: WHO.activist, decision: 'approve' });
    const error = await expectError(h, MEMBER_4, 'activity', 'requestLeave', { id, reason: '外出办事' }, 'CONFLICT');
    expect(error.message).toBe('您可自愿参加本次活动，不计缺席，无需请假');
    expect(await h.store.get('leaves', `${id}:${WHO.applicant}`)).toBeNull();
    setClock(NOW + DAY + 80 * MIN);
    await h.call(SECRETARY, 'activity', 'close', { id });
    expect((await record(id, WHO.activist))?.status).toBe('leave');
    expect(await record(id, WHO.applicant)).toBeNull();
  });

  it('提醒未签到 tells the expected 积极分子 and 发展对象, not the welcome 申请人', async () => {
    const id = await create('theme_day', {
      expectedMemberIds: ['member-003', WHO.activist, WHO.candidate, WHO.applicant],
    });
    expect((await activityDoc(id)).attendees.find((a) => a.id === WHO.applicant)?.guest).toBe(true);
    expect(await h.call(SECRETARY, 'activity', 'remind', { id })).toEqual({ notYet: 3, notified: 3 });
    const told = (await h.store.query('notices', { limit: 1000 }))
      .filter((n) => n.kind === 'activity.remind')
      .map((n) => n.memberId)
      .sort();
    expect(told).toEqual(['member-003', WHO.activist, WHO.candidate]);
  });

  it('补签 of someone welcome makes a guest; undoing it after the close is no absence; refused where the kind refuses', async () => {
    const id = await create('party_lecture');
    await h.call(SECRETARY, 'activity', 'manualCheckin', { id, memberId: WHO.applicant, reason: '现场签到' });
    expect((await activityDoc(id)).attendees.find((a) => a.id === WHO.applicant)).toMatchObject({ guest: true });
    setClock(NOW + 80 * MIN);
    await h.call(SECRETARY, 'activity', 'close', { id });
    expect(await h.call(SECRETARY, 'activity', 'undoCheckin', { id, memberId: WHO.applicant, reason: '误签' })).toEqual(
      { memberId: WHO.applicant, status: 'expected' },
    );
    expect((await record(id, WHO.applicant))?.status).toBe('revoked');
    expect(await h.store.get('ledger', `absence:${id}:${WHO.applicant}`)).toBeNull();
    expect(
      (await h.call(SECRETARY, 'activity', 'attendance', { id })).items.some((i) => i.memberId === WHO.applicant),
    ).toBe(false);

    const committee = await create('committee', { expectedMemberIds: ['member-001', 'member-002', 'member-003'] });
    const error = await expectError(
      h,
      SECRETARY,
      'activity',
      'manualCheckin',
      { id: committee, memberId: WHO.activist, reason: '现场补签' },
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({ field: 'memberId', message: '支委会由党员参加，入党积极分子不参加' });
  });
});

describe('what they see', () => {
  it("a 申请人's 我的活动 shows where they are welcome, not the Party members' own meetings", async () => {
    const theme = await create('theme_day');
    const committee = await create('committee', { expectedMemberIds: ['member-001', 'member-002', 'member-003'] });
    const { items } = await h.call(MEMBER_4, 'activity', 'mine', { scope: 'upcoming' });
    const mine = items.find((i) => i.id === theme);
    expect(mine?.mine).toMatchObject({ expected: false, welcome: true, status: null });
    expect(items.some((i) => i.id === committee)).toBe(false);
    await expectError(h, MEMBER_4, 'activity', 'get', { id: committee }, 'NOT_FOUND');
    // A 积极分子 is expected at the 主题党日; a Party member sees the 支委会 of the branch as before.
    expect((await h.call(MEMBER_3, 'activity', 'get', { id: theme })).mine).toMatchObject({ expected: true });
    expect((await h.call(MEMBER, 'activity', 'get', { id: committee })).id).toBe(committee);
  });
});

describe("the Party members' measures", () => {
  it('quorum: people on the way present add nothing to the 支部党员大会; the record names them 列席', async () => {
    const id = await create('party_congress', { expectedMemberIds: ['member-001', 'member-002', 'member-003'] });
    const before = (await h.call(SECRETARY, 'activity', 'record', { id })).quorum;
    expect(await checkin(MEMBER_3, id)).toMatchObject({ ok: true });
    expect(await checkin(CANDIDATE, id)).toMatchObject({ ok: true });
    expect(await checkin(MEMBER_4, id)).toMatchObject({ ok: false, error: { code: 'NOT_EXPECTED' } });
    setClock(NOW + 80 * MIN);
    await h.call(SECRETARY, 'activity', 'close', { id });
    const view = await h.call(SECRETARY, 'activity', 'record', { id });
    // The same voters; the secretary (organiser, recorded present by the close) the one of them present.
    expect(before).toMatchObject({ present: 0 });
    expect(view.quorum).toEqual({ voters: before?.voters, present: 1, reached: false });
    expect(view.attendance).toMatchObject({ expected: 3, observers: ['刘洋（入党积极分子）', '宋佳怡（发展对象）'] });
    expect(view.attendance.present).not.toContain('刘洋');
    // A vote of the two on the way would be more ballots than voters present.
    await expectError(
      h,
      SECRETARY,
      'activity',
      'saveRecord',
      {
        id,
        host: '李红梅',
        recorder: '王志强',
        topics: '议题',
        summary: '摘要',
        vote: { for: 3, against: 0, abstain: 0 },
      },
      'INVALID_INPUT',
    );
  });

  it('cadence: a 主题党日 where only people on the way came is not held; one a Party member came to is', async () => {
    const december = Date.parse('2026-12-05T02:00:00.000Z');
    setClock(december);
    // Created by the committee's admin (of the other branch): no organiser of the branch is recorded present.
    const onlyWay = await create(
      'theme_day',
      { expectedMemberIds: ['member-003', WHO.activist] },
      ADMIN,
      december + 10 * MIN,
    );
    expect(await checkin(MEMBER_3, onlyWay)).toMatchObject({ ok: true });
    setClock(december + 80 * MIN);
    await h.call(ADMIN, 'activity', 'close', { id: onlyWay });
    expect((await activityDoc(onlyWay)).closeSummary).toMatchObject({ present: 0, late: 0, absent: 1 });
    expect(wasHeld(await activityDoc(onlyWay))).toBe(false);
    const themeDay = async () =>
      (await h.call(SECRETARY, 'activity', 'cadence', { orgId: BRANCH_1, date: '2026-12-20' })).items.find(
        (i) => i.kind === 'theme_day' && i.period === '2026-12',
      );
    expect(await themeDay()).toMatchObject({ held: 0, status: 'due' });

    setClock(december + DAY);
    const withMember = await create(
      'theme_day',
      { expectedMemberIds: ['member-003', WHO.activist] },
      ADMIN,
      december + DAY + 10 * MIN,
    );
    expect(await checkin(MEMBER, withMember)).toMatchObject({ ok: true });
    setClock(december + DAY + 80 * MIN);
    await h.call(ADMIN, 'activity', 'close', { id: withMember });
    expect(await themeDay()).toMatchObject({ held: 1, status: 'done' });
  });

  it("the activity's rate is over the Party members; those on the way are counted apart", async () => {
    const id = await create('theme_day', {
      expectedMemberIds: ['member-003', 'member-006', WHO.activist, WHO.candidate],
    });
    expect(await checkin(MEMBER_3, id)).toMatchObject({ ok: true });
    expect(await checkin(CANDIDATE, id)).toMatchObject({ ok: true });
    expect(await checkin(MEMBER_4, id)).toMatchObject({ ok: true });
    const { counts, signedIn, notYet } = await h.call(SECRETARY, 'activity', 'live', { id });
    expect(counts).toMatchObject({ expected: 2, present: 0, pending: 2, rate: 0 });
    expect(counts.onTheWay).toMatchObject({ expected: 2, present: 3, guests: 1, rate: 1 });
    expect(signedIn.map((i) => [i.name, i.partyStatus, i.guest ?? false]).sort()).toEqual([
      ['刘洋', 'activist', false],
      ['宋佳怡', 'candidate', false],
      ['赵丽娟', 'applicant', true],
    ]);
    expect(notYet.map((i) => i.memberId).sort()).toEqual(['member-003', 'member-006']);
  });
});
