import type { DeclareInput } from '../../../contracts';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { SECRETARY, VISITOR } from '../../../tests/support/demo';

/**
 * A member approved after an activity was created (亮身份 approved, a new roster entry): expected at
 * it if they were a member when it was held, awarded once, marked absent only if a member before it began.
 */
const NOW_ACT = 'act-demo-now'; // 第一党支部, all 18 members, starts 10 minutes after SEED_AT
const GROUP_ACT = 'act-demo-group'; // 第一党小组
const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');
const MIN = 60_000;
const START = SEED_AT + 10 * MIN;
const END = SEED_AT + 100 * MIN;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const declaration = (overrides: Partial<DeclareInput> = {}): DeclareInput => ({
  name: '张卫东',
  phone: '13800138000',
  partyStatus: 'full',
  joinedAt: '2015-11-24',
  fullAt: '2016-11-24',
  orgId: 'org-branch-1',
  consent: true,
  ...overrides,
});

/** The visitor declares and the secretary approves, at the harness's clock. */
async function approveVisitor(overrides: Partial<DeclareInput> = {}): Promise<string> {
  const declared = await h.call(VISITOR, 'identity', 'declare', declaration(overrides));
  const { memberId } = await h.call(SECRETARY, 'identity', 'review', { id: declared.id, decision: 'approve' });
  return memberId ?? '';
}

const signIn = async () => {
  const { token } = await h.call(SECRETARY, 'activity', 'code', { id: NOW_ACT });
  return h.call(VISITOR, 'activity', 'checkin', { token });
};
const attendance = () => h.call(SECRETARY, 'activity', 'attendance', { id: NOW_ACT });

describe('a member approved after the activity was created', () => {
  it('sees it, is counted, signs in once for one award, and closing records them present', async () => {
    const before = (await attendance()).counts.expected;
    h.now.value = new Date(SEED_AT + MIN);
    const memberId = await approveVisitor();

    const upcoming = await h.call(VISITOR, 'activity', 'mine', { scope: 'upcoming' });
    expect(upcoming.items.find((i) => i.id === NOW_ACT)?.mine).toMatchObject({ expected: true, status: 'expected' });
    expect((await h.call(VISITOR, 'activity', 'get', { id: NOW_ACT })).mine?.expected).toBe(true);
    // The secretary's counts and lists include them, from one source.
    const open = await attendance();
    expect(open.counts.expected).toBe(before + 1);
    expect(open.items.find((i) => i.memberId === memberId)).toMatchObject({ status: 'expected' });
    const live = await h.call(SECRETARY, 'activity', 'live', { id: NOW_ACT });
    expect(live.notYet.map((i) => i.memberId)).toContain(memberId);

    const first = await signIn();
    expect(first).toMatchObject({ status: 'present', already: false, points: 2 });
    const again = await signIn();
    expect(again).toMatchObject({ status: 'present', already: true, at: first.at, points: 2 });
    expect(await h.store.count('ledger', { memberId, source: 'activity' })).toBe(1);
    expect((await h.store.get('activities', NOW_ACT))?.attendees.filter((a) => a.id === memberId)).toHaveLength(1);

    h.now.value = new Date(END);
    await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    expect(await h.store.get('attendance', `${NOW_ACT}:${memberId}`)).toMatchObject({ status: 'present' });
    expect(await h.store.get('ledger', `absence:${NOW_ACT}:${memberId}`)).toBeNull();
    expect(await h.store.count('ledger', { memberId, source: 'activity' })).toBe(1);
    const past = await h.call(VISITOR, 'activity', 'mine', { scope: 'past' });
    expect(past.items.find((i) => i.id === NOW_ACT)?.mine).toMatchObject({ expected: true, status: 'present' });
  });

  it('a member before the start who does not come is absent like the others, once', async () => {
    h.now.value = new Date(SEED_AT + MIN);
    const memberId = await approveVisitor();
    h.now.value = new Date(END);
    const preview = await h.call(SECRETARY, 'activity', 'closePreview', { id: NOW_ACT });
    const summary = await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    expect(summary.absent).toBe(preview.absent);
    expect(await h.store.get('attendance', `${NOW_ACT}:${memberId}`)).toMatchObject({ status: 'absent' });
    expect(await h.store.get('ledger', `absence:${NOW_ACT}:${memberId}`)).toMatchObject({ value: -2 });
    // Closing again deducts nothing more.
    await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    expect(await h.store.count('ledger', { memberId })).toBe(2); // 亮身份's award and the absence
  });

  it('approved after the start: may sign in, but is not marked absent for not coming', async () => {
    h.now.value = new Date(START + 5 * MIN);
    const memberId = await approveVisitor();
    expect((await h.call(VISITOR, 'activity', 'get', { id: NOW_ACT })).mine?.expected).toBe(true);
    expect((await attendance()).items.map((i) => i.memberId)).not.toContain(memberId);
    h.now.value = new Date(END);
    await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    expect(await h.store.get('attendance', `${NOW_ACT}:${memberId}`)).toBeNull();
    expect(await h.store.get('ledger', `absence:${NOW_ACT}:${memberId}`)).toBeNull();
    expect((await h.call(VISITOR, 'activity', 'mine', { scope: 'past' })).items.map((i) => i.id)).not.toContain(
      NOW_ACT,
    );
  });

  it('approved after the start, asking for leave: on the list, and leave approved means no absence', async () => {
    h.now.value = new Date(START + 5 * MIN);
    const memberId = await approveVisitor();
    await h.call(VISITOR, 'activity', 'requestLeave', { id: NOW_ACT, reason: '刚入党，今天在外地' });
    await h.call(SECRETARY, 'activity', 'reviewLeave', { id: NOW_ACT, memberId, decision: 'approve' });
    h.now.value = new Date(END);
    await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    expect(await h.store.get('attendance', `${NOW_ACT}:${memberId}`)).toMatchObject({ status: 'leave' });
  });

  it('not when the secretary chose the members after the approval, nor at another group’s meeting', async () => {
    h.now.value = new Date(SEED_AT + MIN);
    await approveVisitor({ orgId: 'org-group-2' });
    expect((await h.call(VISITOR, 'activity', 'mine', { scope: 'upcoming' })).items.map((i) => i.id)).not.toContain(
      GROUP_ACT,
    );
    await expectError(h, VISITOR, 'activity', 'requestLeave', { id: GROUP_ACT, reason: '在外地出差' }, 'NOT_FOUND');

    const chosen = (await h.store.get('activities', NOW_ACT))?.attendees.map((a) => a.id) ?? [];
    expect((await h.call(VISITOR, 'activity', 'get', { id: NOW_ACT })).mine?.expected).toBe(true);
    h.now.value = new Date(SEED_AT + 2 * MIN);
    await h.call(SECRETARY, 'activity', 'update', { id: NOW_ACT, expectedMemberIds: chosen });
    expect((await h.call(VISITOR, 'activity', 'get', { id: NOW_ACT })).mine?.expected).toBe(false);
    const { token } = await h.call(SECRETARY, 'activity', 'code', { id: NOW_ACT });
    await expectError(h, VISITOR, 'activity', 'checkin', { token }, 'NOT_EXPECTED');
  });

  it('not after the activity was closed', async () => {
    h.now.value = new Date(END);
    await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
    h.now.value = new Date(END + MIN);
    await approveVisitor();
    expect((await h.call(VISITOR, 'activity', 'mine', { scope: 'past' })).items.map((i) => i.id)).not.toContain(
      NOW_ACT,
    );
  });
});
