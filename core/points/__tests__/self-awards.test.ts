import type { MemberDoc } from '../../roster/documents';
import { postEntry, type LedgerSource, type PostRequest } from '../ledger';
import { DEFAULT_RULES } from '../rules';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';

/**
 * 自我加分 review: the committee sees the bonus entries whose beneficiary also organised,
 * recorded, published or approved the cause, with the cause to open. Entries the system posts
 * today refuse most of these (recording for oneself, a publisher's own lecture), so the history
 * they guard against is written here as older versions wrote it.
 */

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const rule = (code: string) => DEFAULT_RULES.find((r) => r.code === code) as PostRequest['rule'];
const memberDoc = async (id: string) => (await h.store.get('members', id)) as MemberDoc;

/** Posts an entry as the system (or an older version of it) did. */
async function post(id: string, memberId: string, code: string, source: LedgerSource, recordedBy: string | null) {
  const member = await memberDoc(memberId);
  await h.store.transaction((tx) =>
    postEntry(tx, { id, member, rule: rule(code), reason: `测试：${code}`, source, recordedBy, at: h.now.value }),
  );
}

const tick = (minutes: number) => (h.now.value = new Date(h.now.value.getTime() + minutes * 60_000));

async function createActivity(openid: string, title: string): Promise<string> {
  const start = h.now.value.getTime() + 2 * 86400_000;
  const { id } = await h.call(openid, 'activity', 'create', {
    orgId: 'org-branch-1',
    kind: 'volunteer',
    title,
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 120 * 60_000).toISOString(),
  });
  return id;
}

async function createLecture(openid: string, title: string): Promise<string> {
  const { id } = await h.call(openid, 'lecture', 'create', {
    title,
    speaker: '测试主讲人',
    kind: 'micro_lecture',
    durationS: 20,
    video: h.files.upload(openid, Buffer.from('x')),
    summary: '用于测试的短课程。',
    tags: [],
    orgIds: ['org-branch-1'],
  } as never);
  return id;
}

describe('points.selfAwards', () => {
  it('lists what the beneficiary organised, recorded, published or approved, with the cause; nothing else', async () => {
    const own = await createActivity(SECRETARY, '书记自建的志愿服务');
    const others = await createActivity(ADMIN, '党委组织的志愿服务');
    const lecture = await createLecture(SECRETARY, '书记发布的微党课');

    tick(1);
    await post(`activity:${own}:member-001`, 'member-001', 'volunteer', 'activity', null);
    tick(1);
    await post(`activity:${others}:member-001`, 'member-001', 'volunteer', 'activity', null); // not hers
    tick(1);
    await post(`lecture:${lecture}:member-001`, 'member-001', 'lecture', 'lecture', null);
    tick(1);
    await post('hand:old-request-1:member-001', 'member-001', 'pioneer', 'hand', SECRETARY);
    tick(1);
    await post('hand:old-request-2:member-001', 'member-001', 'pioneer', 'hand', ADMIN); // recorded by another
    tick(1);
    // The admin approved her own declaration (member-007 has no demo 亮身份 entry).
    await post('declaration:member-007', 'member-007', 'declaration', 'declaration', ADMIN);
    tick(1);
    await post(`activity:${own}:member-003`, 'member-003', 'volunteer', 'activity', SECRETARY); // an attendee
    tick(1);
    await post(`lecture:${lecture}:member-003`, 'member-003', 'lecture', 'lecture', null);

    const { items, total, hasMore, page } = await h.call(ADMIN, 'points', 'selfAwards');
    expect({ total, hasMore, page }).toEqual({ total: 4, hasMore: false, page: 1 });
    expect(
      items.map((item) => [item.entryId, item.memberName, item.role, item.roleLabel, item.cause, item.reversed]),
    ).toEqual([
      [
        'declaration:member-007',
        expect.any(String),
        'approved',
        '本人审核通过的亮身份',
        { kind: 'member', id: 'member-007', title: expect.stringContaining('的亮身份') },
        false,
      ],
      [
        'hand:old-request-1:member-001',
        expect.any(String),
        'recorded',
        '本人记录',
        { kind: 'member', id: 'member-001', title: expect.stringContaining('积分记录') },
        false,
      ],
      [
        `lecture:${lecture}:member-001`,
        expect.any(String),
        'published',
        '本人发布的课程',
        { kind: 'lecture', id: lecture, title: '书记发布的微党课' },
        false,
      ],
      [
        `activity:${own}:member-001`,
        expect.any(String),
        'organised',
        '本人组织的活动',
        { kind: 'activity', id: own, title: '书记自建的志愿服务' },
        false,
      ],
    ]);
    expect(items[0]).toMatchObject({ branchId: 'org-branch-2', branchName: '第二党支部', value: 5 });
    expect(items[1]).toMatchObject({ branchId: 'org-branch-1', branchName: '第一党支部', value: 5 });
  });

  it('shows a self-award reversed since as reversed; a reversal and a 0 entry are not listed', async () => {
    const lecture = await createLecture(SECRETARY, '书记发布的微党课');
    await post('hand:old-request-3:member-001', 'member-001', 'pioneer', 'hand', SECRETARY);
    await h.call(ADMIN, 'points', 'reverse', {
      entryId: 'hand:old-request-3:member-001',
      reason: '本人为自己记分，予以冲正',
    });
    // Watching her own lecture today: a 0 entry, nothing gained.
    await h.call(SECRETARY, 'lecture', 'heartbeat', {
      id: lecture,
      position: 0,
      playing: true,
      session: 'tab-self-01',
    });
    tick(20 / 60);
    await h.call(SECRETARY, 'lecture', 'heartbeat', {
      id: lecture,
      position: 20,
      playing: true,
      session: 'tab-self-01',
    });

    const { items } = await h.call(ADMIN, 'points', 'selfAwards');
    expect(items.map((item) => [item.entryId, item.reversed])).toEqual([['hand:old-request-3:member-001', true]]);
  });

  it('one who showed the code or scanned cards (the activity’s organisers) counts as organising it', async () => {
    const id = await createActivity(SECRETARY, '书记创建、支委主持的志愿服务');
    await h.store.update('activities', id, { $set: { organisers: ['member-001', 'member-002'] } });
    await post(`activity:${id}:member-002`, 'member-002', 'volunteer', 'activity', null);
    tick(1);
    await post(`activity:${id}:member-003`, 'member-003', 'volunteer', 'activity', OFFICER);

    const { items } = await h.call(ADMIN, 'points', 'selfAwards');
    expect(items.map((item) => [item.entryId, item.role])).toEqual([[`activity:${id}:member-002`, 'organised']]);
  });

  it('pages newest first', async () => {
    for (let i = 1; i <= 5; i++) {
      tick(1);
      await post(`hand:old-page-${i}:member-001`, 'member-001', 'pioneer', 'hand', SECRETARY);
    }
    const first = await h.call(ADMIN, 'points', 'selfAwards', { page: 1, pageSize: 2 });
    const third = await h.call(ADMIN, 'points', 'selfAwards', { page: 3, pageSize: 2 });
    expect(first.items.map((i) => i.entryId)).toEqual(['hand:old-page-5:member-001', 'hand:old-page-4:member-001']);
    expect(first).toMatchObject({ hasMore: true, total: 5 });
    expect(third.items.map((i) => i.entryId)).toEqual(['hand:old-page-1:member-001']);
    expect(third.hasMore).toBe(false);
  });

  it.each([SECRETARY, OFFICER, MEMBER, 'demo-visitor'])('is for committee admins only: %s → FORBIDDEN', async (who) => {
    const error = await expectError(h, who, 'points', 'selfAwards', undefined, 'FORBIDDEN');
    expect(error.message).toContain('党委管理员');
  });
});

describe('nobody scores themselves directly', () => {
  it('recording a bonus for oneself by hand → FORBIDDEN, nothing recorded', async () => {
    const state = await snapshot(h.store, ['ledger', 'pointTotals', 'audit']);
    for (const [who, memberIds] of [
      [SECRETARY, ['member-001']],
      [SECRETARY, ['member-003', 'member-001']],
      [ADMIN, ['member-007']],
    ] as const) {
      const error = await expectError(
        h,
        who,
        'points',
        'record',
        { memberIds, rule: 'pioneer', reason: '先锋表彰' },
        'FORBIDDEN',
      );
      expect(error.message).toContain('自己');
    }
    expect(await snapshot(h.store, ['ledger', 'pointTotals', 'audit'])).toEqual(state);
  });

  it('resolving one’s own objection → FORBIDDEN, the objection stays open', async () => {
    const { entries } = await h.call(ADMIN, 'points', 'record', {
      memberIds: ['member-001'],
      rule: 'shirk',
      reason: '推诿任务',
    });
    const { id } = await h.call(SECRETARY, 'points', 'object', { entryId: entries[0].id, reason: '我有不同意见' });
    for (const decision of ['uphold', 'dismiss'] as const)
      await expectError(
        h,
        SECRETARY,
        'points',
        'resolveObjection',
        { id, decision, reason: '本人认为成立' },
        'FORBIDDEN',
      );
    const { items } = await h.call(ADMIN, 'points', 'objections', { orgId: 'org-branch-1' });
    expect(items.find((item) => item.id === id)?.status).toBe('open');
  });
});
