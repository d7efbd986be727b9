import type { ActivityOutputs, ApiResult } from '../../../contracts';
import { createHarness, STORAGES, type Harness } from '../../../tests/support/harness';
import { documentCounts, expectError } from '../../../tests/integration/support';
import { MEMBER, MEMBER_3, SECRETARY, VISITOR } from '../../../tests/support/demo';

/** 撤回请假: only one's own request, only while pending, only before the activity starts. */
const NOW_ACT = 'act-demo-now';
const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');
const MIN = 60_000;
const START = SEED_AT + 10 * MIN; // act-demo-now

describe('activity.withdrawLeave', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness();
  });

  afterEach(() => h.close());

  const leave = (memberId: string) => h.store.get('leaves', `${NOW_ACT}:${memberId}`);
  const ask = (openid: string, reason = '带孩子去医院') =>
    h.call(openid, 'activity', 'requestLeave', { id: NOW_ACT, reason });

  it('takes back a pending request: gone from the secretary’s list and the member’s status; may ask again', async () => {
    await ask(MEMBER);
    expect(await h.call(MEMBER, 'activity', 'withdrawLeave', { id: NOW_ACT })).toEqual({
      id: NOW_ACT,
      withdrawn: true,
    });
    expect(await leave('member-003')).toBeNull();
    expect((await h.call(MEMBER, 'activity', 'get', { id: NOW_ACT })).mine).toMatchObject({
      status: 'expected',
      leave: null,
    });
    expect((await h.call(SECRETARY, 'activity', 'leaves', { orgId: 'org-branch-1' })).items).toEqual([]);
    // Nothing left to withdraw.
    await expectError(h, MEMBER, 'activity', 'withdrawLeave', { id: NOW_ACT }, 'NOT_FOUND');
    expect(await ask(MEMBER, '还是要出差')).toEqual({ status: 'pending' });
  });

  it('cannot reach another member’s request: it names only the activity, and the caller’s own is missing', async () => {
    await ask(MEMBER);
    const before = await documentCounts(h.store);
    await expectError(h, MEMBER_3, 'activity', 'withdrawLeave', { id: NOW_ACT }, 'NOT_FOUND');
    // Naming the other member is refused as input, not obeyed.
    await expectError(
      h,
      MEMBER_3,
      'activity',
      'withdrawLeave',
      { id: NOW_ACT, memberId: 'member-003' },
      'INVALID_INPUT',
    );
    // The secretary has no request of their own here either.
    await expectError(h, SECRETARY, 'activity', 'withdrawLeave', { id: NOW_ACT }, 'NOT_FOUND');
    await expectError(h, VISITOR, 'activity', 'withdrawLeave', { id: NOW_ACT }, 'FORBIDDEN');
    expect(await documentCounts(h.store)).toEqual(before);
    expect(await leave('member-003')).toMatchObject({ status: 'pending' });
  });

  it.each(['approve', 'reject'] as const)('a request the secretary decided (%s) stays', async (decision) => {
    await ask(MEMBER);
    await h.call(SECRETARY, 'activity', 'reviewLeave', { id: NOW_ACT, memberId: 'member-003', decision });
    const error = await expectError(h, MEMBER, 'activity', 'withdrawLeave', { id: NOW_ACT }, 'CONFLICT');
    expect(error.message).toContain('不能撤回');
    expect(await leave('member-003')).toMatchObject({ status: decision === 'approve' ? 'approved' : 'rejected' });
  });

  it('not once the activity has started, nor once cancelled', async () => {
    await ask(MEMBER);
    await ask(MEMBER_3, '单位加班');
    h.now.value = new Date(START);
    expect((await expectError(h, MEMBER, 'activity', 'withdrawLeave', { id: NOW_ACT }, 'CONFLICT')).message).toBe(
      '活动已开始，不能撤回请假',
    );
    expect(await leave('member-003')).toMatchObject({ status: 'pending' });

    h.now.value = new Date(SEED_AT);
    await h.call(SECRETARY, 'activity', 'cancel', { id: NOW_ACT, reason: '与区委会议冲突' });
    await expectError(h, MEMBER_3, 'activity', 'withdrawLeave', { id: NOW_ACT }, 'CONFLICT');
    expect(await leave('member-004')).toMatchObject({ status: 'pending' });
  });

  it('an unknown activity is NOT_FOUND', async () => {
    await expectError(h, MEMBER, 'activity', 'withdrawLeave', { id: 'act-nope' }, 'NOT_FOUND');
  });
});

describe.each(STORAGES)('withdrawing twice at once on a %s store', (storage) => {
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ storage });
  });

  afterEach(() => h.close());

  it('one withdrawal succeeds, the other finds nothing; a review racing it either decides or finds nothing', async () => {
    await h.call(MEMBER, 'activity', 'requestLeave', { id: NOW_ACT, reason: '带孩子去医院' });
    const twice = (await Promise.all(
      [0, 1].map(() => h.raw(MEMBER, 'activity', { action: 'withdrawLeave', data: { id: NOW_ACT } })),
    )) as Array<ApiResult<ActivityOutputs['withdrawLeave']>>;
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect(twice.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.store.get('leaves', `${NOW_ACT}:member-003`)).toBeNull();

    // A withdrawal and an approval at once: never an approved request that was also withdrawn.
    await h.call(MEMBER, 'activity', 'requestLeave', { id: NOW_ACT, reason: '带孩子去医院' });
    const [withdrawn, reviewed] = (await Promise.all([
      h.raw(MEMBER, 'activity', { action: 'withdrawLeave', data: { id: NOW_ACT } }),
      h.raw(SECRETARY, 'activity', {
        action: 'reviewLeave',
        data: { id: NOW_ACT, memberId: 'member-003', decision: 'approve' },
      }),
    ])) as Array<ApiResult<unknown>>;
    expect(withdrawn.ok !== reviewed.ok).toBe(true);
    const stored = await h.store.get('leaves', `${NOW_ACT}:member-003`);
    if (withdrawn.ok) expect(stored).toBeNull();
    else expect(stored).toMatchObject({ status: 'approved' });
  });
});
