import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActivityOutputs, ApiResult } from '../../../contracts';
import type { ActivityDoc } from '../documents';
import { memberTotalsId } from '../../points/totals';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { documentCounts, expectError } from '../../../tests/integration/support';
import { MEMBER, MEMBER_3, OFFICER, SECRETARY } from '../../../tests/support/demo';

/**
 * Separation of duties for activities (issue 10): nobody acting alone raises their own score
 * through an activity. The organiser's points wait for the close and for someone else to have
 * come; an activity expecting fewer than 3 awards nothing; nobody signs themselves in, undoes
 * their own sign-in or approves their own leave; closing never marks the organiser absent and is
 * refused before the start. The attacks run on a file store, as production does.
 */
const BRANCH = 'org-branch-1';

const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');
const MIN = 60_000;
const START = SEED_AT + 10 * MIN; // sign-in is open from the seed's time on
const END = START + 90 * MIN;

let h: Harness;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-activity-trust-'));
  h = await createHarness({ file: join(dir, 'store.db') });
});

afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const setClock = (ms: number) => (h.now.value = new Date(ms));
const yearNet = async (memberId: string) =>
  (await h.store.get('pointTotals', memberTotalsId(memberId, 2026)))?.total.net ?? 0;
const activityDoc = async (id: string) => (await h.store.get('activities', id)) as ActivityDoc;
const record = (activityId: string, memberId: string) => h.store.get('attendance', `${activityId}:${memberId}`);
const entriesOf = async (activityId: string, memberId: string) =>
  (await h.store.query('ledger', { where: { memberId }, limit: 1000 })).filter((e) =>
    e._id.includes(`:${activityId}:`),
  );
const code = async (id: string, as = SECRETARY) => (await h.call(as, 'activity', 'code', { id })).token;
const checkin = (openid: string, token: string) =>
  h.raw(openid, 'activity', { action: 'checkin', data: { token } }) as Promise<ApiResult<ActivityOutputs['checkin']>>;
const create = async (kind: 'party_congress' | 'volunteer', memberIds: string[], as = SECRETARY) =>
  (
    await h.call(as, 'activity', 'create', {
      orgId: BRANCH,
      kind,
      title: kind === 'volunteer' ? '社区志愿服务' : '支部党员大会',
      startAt: new Date(START).toISOString(),
      endAt: new Date(END).toISOString(),
      expectedMemberIds: memberIds,
    })
  ).id;

describe('the attack from the issue: a secretary pays herself through activities', () => {
  it('a 志愿服务 activity expecting only herself: code, three sign-ins in one second, close → +0', async () => {
    const before = await yearNet('member-001');
    const ids = [await create('volunteer', ['member-001']), await create('volunteer', ['member-001'])];
    for (const id of ids) {
      const token = await code(id);
      const answers = await Promise.all([1, 2, 3].map(() => checkin(SECRETARY, token)));
      for (const answer of answers) if (answer.ok) expect(answer.data.points).toBe(0);
      expect(answers.some((a) => a.ok)).toBe(true);
      const view = await h.call(SECRETARY, 'activity', 'get', { id });
      expect(view).toMatchObject({
        awardsPoints: false,
        points: 0,
        noPointsReason: '应到人数少于 3 人，本活动不计积分',
      });
      setClock(END + MIN);
      await h.call(SECRETARY, 'activity', 'close', { id });
      setClock(SEED_AT);
      expect(await entriesOf(id, 'member-001')).toEqual([]);
    }
    expect(await yearNet('member-001')).toBe(before);
  });

  it('three sign-ins of one member in one second award once (file store)', async () => {
    const id = await create('party_congress', ['member-001', 'member-003', 'member-004']);
    const token = await code(id);
    const before = await yearNet('member-003');
    const answers = await Promise.all([1, 2, 3].map(() => checkin(MEMBER, token)));
    const ok = answers.flatMap((a) => (a.ok ? [a.data] : []));
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((a) => a.at)).size).toBe(1);
    const awards = await entriesOf(id, 'member-003');
    expect(awards).toHaveLength(1);
    expect(await yearNet('member-003')).toBe(before + awards[0].value);
    expect(awards[0].value).toBeGreaterThan(0);
  });

  it("an organiser's three sign-ins in one second and two closes at once: one award, after the close", async () => {
    const id = await create('party_congress', ['member-001', 'member-003', 'member-004']);
    const token = await code(id);
    const before = await yearNet('member-001');
    const answers = await Promise.all([1, 2, 3].map(() => checkin(SECRETARY, token)));
    for (const answer of answers) if (answer.ok) expect(answer.data.points).toBe(0);
    expect(await checkin(MEMBER, token)).toMatchObject({ ok: true });
    expect(await entriesOf(id, 'member-001')).toEqual([]);
    setClock(END + MIN);
    await Promise.all([1, 2].map(() => h.call(SECRETARY, 'activity', 'close', { id })));
    const awards = await entriesOf(id, 'member-001');
    expect(awards.map((e) => e._id)).toEqual([`activity:${id}:member-001`]);
    expect(await yearNet('member-001')).toBe(before + awards[0].value);
  });
});

describe('an activity expecting fewer than 3 members awards nothing, and says why', () => {
  it.each([
    [1, false],
    [2, false],
    [3, true],
  ])('expecting %i (the secretary not among them): awards %s', async (count, awards) => {
    const expected = ['member-003', 'member-004', 'member-005'].slice(0, count);
    const id = await create('volunteer', expected);
    const view = await h.call(SECRETARY, 'activity', 'get', { id });
    expect(view).toMatchObject({
      awardsPoints: awards,
      noPointsReason: awards ? null : '应到人数少于 3 人，本活动不计积分',
    });
    const answer = await checkin(MEMBER, await code(id));
    expect(answer).toMatchObject({ ok: true, data: { points: awards ? view.points : 0 } });
    expect(await entriesOf(id, 'member-003')).toHaveLength(awards ? 1 : 0);
    const mine = await h.call(MEMBER, 'activity', 'mine', { scope: 'upcoming' });
    expect(mine.items.find((i) => i.id === id)).toMatchObject({ awardsPoints: awards });
  });

  it('editing the list below 3 turns the points off for later sign-ins', async () => {
    const id = await create('volunteer', ['member-003', 'member-004', 'member-005']);
    await h.call(SECRETARY, 'activity', 'update', { id, expectedMemberIds: ['member-003', 'member-004'] });
    expect(await checkin(MEMBER, await code(id))).toMatchObject({ ok: true, data: { points: 0 } });
    expect(await entriesOf(id, 'member-003')).toEqual([]);
  });
});

describe("the organiser's points wait for the close and for someone else to have come", () => {
  const EXPECTED = ['member-001', 'member-002', 'member-003', 'member-004'];

  it('the creator signs in: recorded, 0 points pending; at close, others came → the award, once', async () => {
    const id = await create('party_congress', EXPECTED);
    expect((await activityDoc(id)).organisers).toEqual(['member-001']);
    const token = await code(id);
    const own = await checkin(SECRETARY, token);
    expect(own).toMatchObject({ ok: true, data: { points: 0, pointsPending: true } });
    expect(own.ok && own.data.pointsNote).toContain('组织者');
    expect(await entriesOf(id, 'member-001')).toEqual([]);
    expect(await checkin(MEMBER, token)).toMatchObject({ ok: true });
    const view = await h.call(SECRETARY, 'activity', 'get', { id });
    const before = await yearNet('member-001');

    setClock(END + MIN);
    await h.call(SECRETARY, 'activity', 'close', { id });
    await h.call(SECRETARY, 'activity', 'close', { id });
    const awards = await entriesOf(id, 'member-001');
    expect(awards).toEqual([
      expect.objectContaining({ _id: `activity:${id}:member-001`, rule: 'org_life', value: view.points }),
    ]);
    expect(await yearNet('member-001')).toBe(before + view.points);
    expect(await record(id, 'member-001')).toMatchObject({
      status: 'present',
      entryId: `activity:${id}:member-001`,
      points: view.points,
    });
  });

  it('whoever shows the code (an officer) becomes an organiser; their sign-in waits too', async () => {
    const id = await create('party_congress', EXPECTED);
    const token = await code(id, OFFICER);
    await code(id, OFFICER);
    expect((await activityDoc(id)).organisers).toEqual(['member-001', 'member-002']);
    expect(await checkin(OFFICER, token)).toMatchObject({ ok: true, data: { points: 0, pointsPending: true } });
    expect(await entriesOf(id, 'member-002')).toEqual([]);
  });

  it('scanning a member makes the scanner an organiser', async () => {
    const id = await create('party_congress', EXPECTED);
    const card = await h.call(MEMBER, 'activity', 'myCode');
    expect(await h.call(OFFICER, 'activity', 'scanMember', { id, token: card.token })).toMatchObject({
      points: expect.any(Number),
    });
    expect((await activityDoc(id)).organisers).toContain('member-002');
  });

  it.each([
    // [the organisers signed in, an ordinary attendee came, the organisers' award]
    [true, true, true],
    [false, true, true],
    [true, false, false],
    [false, false, false],
  ])(
    'organisers signed in: %s, someone else came: %s → present, never absent, award: %s',
    async (signedIn, othersCame, awarded) => {
      const id = await create('party_congress', EXPECTED);
      const token = await code(id, OFFICER); // the officer runs it, the secretary created it
      if (signedIn) {
        expect(await checkin(SECRETARY, token)).toMatchObject({ ok: true });
        expect(await checkin(OFFICER, token)).toMatchObject({ ok: true });
      }
      if (othersCame) expect(await checkin(MEMBER, token)).toMatchObject({ ok: true });
      const nets = { 'member-001': await yearNet('member-001'), 'member-002': await yearNet('member-002') };

      setClock(END + MIN);
      const summary = await h.call(SECRETARY, 'activity', 'close', { id });
      expect(summary).toMatchObject({ present: othersCame ? 3 : 2, absent: othersCame ? 1 : 2 });
      for (const memberId of ['member-001', 'member-002'] as const) {
        const entries = await entriesOf(id, memberId);
        expect(entries.some((e) => e.rule === 'absence')).toBe(false);
        expect(entries.map((e) => e._id)).toEqual(awarded ? [`activity:${id}:${memberId}`] : []);
        expect(await record(id, memberId)).toMatchObject({
          status: 'present',
          method: signedIn ? 'self' : 'host',
        });
        const gained = (await yearNet(memberId)) - nets[memberId];
        expect(awarded ? gained > 0 : gained === 0).toBe(true);
      }
      const attendance = await h.call(SECRETARY, 'activity', 'attendance', { id });
      expect(attendance.items.find((i) => i.memberId === 'member-001')).toMatchObject({ status: 'present' });
      // member-004 did not come: absent with the deduction, as before.
      expect((await entriesOf(id, 'member-004')).map((e) => e.rule)).toEqual(['absence']);
    },
  );

  it('an organiser signed in by hand by a colleague waits for the close as well', async () => {
    const id = await create('party_congress', EXPECTED);
    await code(id, OFFICER);
    await h.call(SECRETARY, 'activity', 'manualCheckin', { id, memberId: 'member-002', reason: '现场手机没电' });
    expect(await record(id, 'member-002')).toMatchObject({ status: 'present', entryId: null, points: 0 });
    setClock(END + MIN);
    await h.call(SECRETARY, 'activity', 'close', { id });
    expect(await entriesOf(id, 'member-002')).toEqual([]);
  });
});

describe('nobody signs themselves in, undoes their own sign-in or approves their own leave', () => {
  it.each([
    ['manualCheckin', SECRETARY, { memberId: 'member-001', reason: '本人补签' }, '不能为自己补签，请由其他支委操作'],
    [
      'undoCheckin',
      SECRETARY,
      { memberId: 'member-001', reason: '撤销本人签到' },
      '不能撤销自己的签到，请由其他支委操作',
    ],
    ['reviewLeave', SECRETARY, { memberId: 'member-001', decision: 'approve' }, '不能审批自己的请假，请由其他支委审批'],
  ] as const)('%s on oneself → FORBIDDEN, nothing changes', async (action, openid, data, message) => {
    const id = await create('party_congress', ['member-001', 'member-002', 'member-003']);
    await h.call(SECRETARY, 'activity', 'requestLeave', { id, reason: '参加区委会议' });
    expect(await checkin(SECRETARY, await code(id, OFFICER))).toMatchObject({ ok: true });
    const before = await documentCounts(h.store);
    const error = await expectError(h, openid, 'activity', action, { id, ...data }, 'FORBIDDEN');
    expect(error.message).toBe(message);
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it("scanning one's own card → FORBIDDEN, no sign-in", async () => {
    const id = await create('party_congress', ['member-001', 'member-002', 'member-003']);
    const card = await h.call(OFFICER, 'activity', 'myCode');
    const before = await documentCounts(h.store);
    const error = await expectError(h, OFFICER, 'activity', 'scanMember', { id, token: card.token }, 'FORBIDDEN');
    expect(error.message).toBe('不能为自己签到，请由其他支委操作');
    expect(await documentCounts(h.store)).toEqual(before);
    expect(await record(id, 'member-002')).toBeNull();
  });
});

describe('closing: not before the start; the preview counts the absent; then out of 即将开始', () => {
  it.each([
    ['before sign-in opens', START - 40 * MIN],
    ['sign-in open, not started yet', START - 5 * MIN],
  ])('%s → CONFLICT, nothing changes', async (_label, at) => {
    const id = await create('party_congress', ['member-001', 'member-002', 'member-003', 'member-004']);
    setClock(at);
    const before = await documentCounts(h.store);
    const error = await expectError(h, SECRETARY, 'activity', 'close', { id }, 'CONFLICT');
    expect(error.message).toBe('活动尚未开始，不能结束；如不再举行请取消活动');
    expect(await documentCounts(h.store)).toEqual(before);
    expect(await h.call(SECRETARY, 'activity', 'closePreview', { id })).toMatchObject({
      canClose: false,
      reason: '活动尚未开始，不能结束；如不再举行请取消活动',
    });
  });

  it('before the end the preview says how many will be absent (not the organiser); the close agrees', async () => {
    const id = await create('party_congress', ['member-001', 'member-002', 'member-003', 'member-004', 'member-005']);
    const token = await code(id);
    await checkin(MEMBER, token);
    await h.call(MEMBER_3, 'activity', 'requestLeave', { id, reason: '在外地出差' });
    await h.call(SECRETARY, 'activity', 'reviewLeave', { id, memberId: 'member-004', decision: 'approve' });
    setClock(START + 20 * MIN);
    const preview = await h.call(OFFICER, 'activity', 'closePreview', { id });
    // member-002 and member-005 did not come; the secretary ran it.
    expect(preview).toEqual({ canClose: true, reason: null, absent: 2, deducts: true, organisers: ['李红梅'] });
    const summary = await h.call(SECRETARY, 'activity', 'close', { id });
    expect(summary.absent).toBe(preview.absent);
  });

  it('closed before its end: gone from the members’ 即将开始, found under 已结束', async () => {
    const id = await create('party_congress', ['member-001', 'member-002', 'member-003']);
    const mineUpcoming = async () => (await h.call(MEMBER, 'activity', 'mine', { scope: 'upcoming' })).items;
    expect((await mineUpcoming()).map((i) => i.id)).toContain(id);
    expect(
      (await h.call(SECRETARY, 'activity', 'list', { orgId: BRANCH, scope: 'upcoming' })).items.map((i) => i.id),
    ).toContain(id);
    setClock(START + 20 * MIN);
    await h.call(SECRETARY, 'activity', 'close', { id });
    expect((await mineUpcoming()).map((i) => i.id)).not.toContain(id);
    const listed = await h.call(SECRETARY, 'activity', 'list', { orgId: BRANCH, scope: 'upcoming' });
    expect(listed.items.map((i) => i.id)).not.toContain(id);
    expect(listed.total).toBe(listed.items.length);
    const past = await h.call(MEMBER, 'activity', 'mine', { scope: 'past' });
    expect(past.items.find((i) => i.id === id)).toMatchObject({ phase: 'closed' });
  });
});
