import type { MemberDoc } from '../../roster/documents';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER_3 as MEMBER, SECRETARY } from '../../../tests/support/demo';

/**
 * Separation of duties on objections: whoever recorded the disputed entry does not decide the
 * dispute; another secretary or the committee admin does. An automatic entry (no recorder) may be
 * decided by anyone who may write points for the branch. The objection list says, per item, whether
 * the caller may decide it (`canDecide`), so the app hides 成立/不成立 where the server would refuse.
 */

const SECOND_SECRETARY = 'wx-second-secretary'; // 郑国强 (member-009), a second secretary of 第一党支部
const SESSION = 'tab-objection-01';
const REFUSAL = '该记录由您录入，异议须由其他书记或党委管理员处理';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
  const member = (await h.store.get('members', 'member-009')) as MemberDoc;
  await h.store.set('members', { ...member, openid: SECOND_SECRETARY });
  await h.store.create('bindings', {
    _id: SECOND_SECRETARY,
    memberId: 'member-009',
    at: h.now.value.toISOString(),
  });
  await h.call(ADMIN, 'roster', 'grantRole', { orgId: 'org-branch-1', memberId: 'member-009', role: 'secretary' });
});

afterEach(() => h.close());

/** An entry recorded by hand by `recorder` on 刘洋, and his objection to it. */
async function objectToDeductionBy(recorder: string): Promise<{ id: string; entryId: string }> {
  const { entries } = await h.call(recorder, 'points', 'record', {
    memberIds: ['member-004'],
    rule: 'shirk',
    reason: '未按时提交学习心得',
  });
  const { id } = await h.call(MEMBER, 'points', 'object', { entryId: entries[0].id, reason: '那天我已请假' });
  return { id, entryId: entries[0].id };
}

/** An automatic entry (a completed lecture's award, recorded by nobody) and 刘洋's objection to it. */
async function objectToAutomaticAward(): Promise<{ id: string; entryId: string }> {
  const beat = (position: number) =>
    h.call(MEMBER, 'lecture', 'heartbeat', { id: 'lecture-2', position, playing: true, session: SESSION });
  let last = await beat(0);
  for (let p = 10; p <= 60; p += 10) {
    h.now.value = new Date(h.now.value.getTime() + 10_000);
    last = await beat(p);
  }
  expect(last).toMatchObject({ completed: true, awarded: 1 });
  const [award] = await h.store.query('ledger', {
    where: { memberId: 'member-004', source: 'lecture' },
    limit: 1,
  });
  expect(award).toMatchObject({ recordedBy: null });
  if (!award) throw new Error('no automatic award to object to');
  const { id } = await h.call(MEMBER, 'points', 'object', { entryId: award._id, reason: '分值与规则不符' });
  return { id, entryId: award._id };
}

const canDecide = async (openid: string, id: string) => {
  const { items } = await h.call(openid, 'points', 'objections', { orgId: 'org-branch-1' });
  return items.find((i) => i.id === id)?.canDecide;
};

describe('the recorder of an entry does not decide the objection to it', () => {
  it.each(['uphold', 'dismiss'] as const)(
    '%s by the secretary who recorded it: FORBIDDEN, nothing changes',
    async (decision) => {
      const { id } = await objectToDeductionBy(SECRETARY);
      const before = await snapshot(h.store);
      const error = await expectError(
        h,
        SECRETARY,
        'points',
        'resolveObjection',
        { id, decision, reason: '经核实' },
        'FORBIDDEN',
      );
      expect(error.message).toBe(REFUSAL);
      expect(await snapshot(h.store)).toEqual(before);
    },
  );

  /** [the entry, who decides, how it came about]: each may decide, and does. */
  const allowed: Array<[string, string, () => Promise<{ id: string }>]> = [
    ['recorded by the secretary', SECOND_SECRETARY, () => objectToDeductionBy(SECRETARY)],
    ['recorded by the secretary', ADMIN, () => objectToDeductionBy(SECRETARY)],
    ['recorded by the admin', SECRETARY, () => objectToDeductionBy(ADMIN)],
    ['automatic (no recorder)', SECRETARY, objectToAutomaticAward],
    ['automatic (no recorder)', ADMIN, objectToAutomaticAward],
  ];
  it.each(allowed)('an entry %s is decided by %s', async (_what, decider, raise) => {
    const { id } = await raise();
    expect(await canDecide(decider, id)).toBe(true);
    const resolved = await h.call(decider, 'points', 'resolveObjection', {
      id,
      decision: 'dismiss',
      reason: '经核实无误',
    });
    expect(resolved.status).toBe('dismissed');
  });

  it('the objection list tells each caller whether they may decide', async () => {
    const recordedBySecretary = await objectToDeductionBy(SECRETARY);
    const recordedByAdmin = await objectToDeductionBy(ADMIN);
    expect(await canDecide(SECRETARY, recordedBySecretary.id)).toBe(false);
    expect(await canDecide(SECRETARY, recordedByAdmin.id)).toBe(true);
    expect(await canDecide(ADMIN, recordedBySecretary.id)).toBe(true);
    expect(await canDecide(ADMIN, recordedByAdmin.id)).toBe(false);
    // An officer reads objections but never decides them.
    expect(await canDecide('demo-member-1', recordedByAdmin.id)).toBe(false);
  });

  it('a decided objection can no longer be decided by anyone', async () => {
    const { id } = await objectToDeductionBy(ADMIN);
    await h.call(SECRETARY, 'points', 'resolveObjection', { id, decision: 'uphold', reason: '请假属实' });
    const { items } = await h.call(SECRETARY, 'points', 'objections', { orgId: 'org-branch-1', status: 'upheld' });
    expect(items.find((i) => i.id === id)?.canDecide).toBe(false);
  });
});
