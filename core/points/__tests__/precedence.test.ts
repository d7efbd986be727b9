import type { Role } from '../../../contracts/common';
import type { MemberDoc } from '../../roster/documents';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, SECRETARY } from '../../../tests/support/demo';

/**
 * A lower role never acts on a higher role holder's points: recording a bonus or deduction by hand,
 * reversing an entry and deciding an objection all need a caller who ranks above every role the
 * member holds (the roster's rule, `role-precedence.ts`). An admin, whom nothing ranks above, is
 * reached by another admin covering their node, so that no office is beyond every deduction.
 */

const WANG_ZHIQIANG = 'member-002'; // 第一党小组, officer of 第一党支部
const LIU_YANG = 'member-004'; // 第一党支部, no role
const ZHOU_JIANGUO = 'member-007';
const FENG_SHUZHEN = 'member-010'; // 第一党支部 第一党小组
const ZHENG_GUOQIANG = 'member-009'; // 第一党支部 第二党小组
const LIN_XIAOYAN = 'member-018'; // 第二党支部
const HUANG_ZHIMING = 'member-019'; // 第二党支部

/** Appointments made for these tests: the member is bound to a WeChat user, then granted the role by the admin. */
const BRANCH_2_SECRETARY = 'wx-branch-2-secretary'; // 林晓燕
const BRANCH_2_OFFICER = 'wx-branch-2-officer'; // 冯淑珍, who sits in 第一党支部
const SECOND_SECRETARY = 'wx-second-secretary'; // 郑国强, a second secretary of 第一党支部
const SECOND_ADMIN = 'wx-second-admin'; // 黄志明, a second admin of 示范党委

let h: Harness;

async function appoint(memberId: string, openid: string, orgId: string, role: Role): Promise<void> {
  const at = h.now.value.toISOString();
  const member = (await h.store.get('members', memberId)) as MemberDoc;
  await h.store.set('members', { ...member, openid });
  await h.store.create('bindings', { _id: openid, memberId, at });
  await h.call(ADMIN, 'roster', 'grantRole', { orgId, memberId, role });
}

const deduct = (openid: string, memberIds: string[]) =>
  h.call(openid, 'points', 'record', { memberIds, rule: 'shirk', reason: '推诿支部交办的任务' });

beforeEach(async () => {
  h = await createHarness();
  await appoint(LIN_XIAOYAN, BRANCH_2_SECRETARY, 'org-branch-2', 'secretary');
  await appoint(FENG_SHUZHEN, BRANCH_2_OFFICER, 'org-branch-2', 'officer');
  await appoint(ZHENG_GUOQIANG, SECOND_SECRETARY, 'org-branch-1', 'secretary');
  await appoint(HUANG_ZHIMING, SECOND_ADMIN, 'org-committee', 'admin');
});

afterEach(() => h.close());

/** [who acts, on whom, actor, target, the office named in the refusal]. */
const outOfReach: Array<[string, string, string, string, string]> = [
  [
    'the 第二党支部 secretary',
    'the committee admin, who sits in her branch',
    BRANCH_2_SECRETARY,
    ZHOU_JIANGUO,
    '示范党委管理员',
  ],
  [
    'the 第一党支部 secretary',
    'a member of her branch who is an officer of 第二党支部 (a role outside her scope)',
    SECRETARY,
    FENG_SHUZHEN,
    '第二党支部支委',
  ],
  [
    'the 第一党支部 secretary',
    'a second secretary (same node, same rank)',
    SECRETARY,
    ZHENG_GUOQIANG,
    '第一党支部书记',
  ],
];

/** [who acts, on whom, actor, target]: the caller ranks above every role the target holds. */
const withinReach: Array<[string, string, string, string]> = [
  ['the 第一党支部 secretary', 'an officer of her branch', SECRETARY, WANG_ZHIQIANG],
  ['the 第一党支部 secretary', 'a member with no role', SECRETARY, LIU_YANG],
  ['the committee admin', 'a 第一党支部 secretary', ADMIN, ZHENG_GUOQIANG],
  ['a second committee admin', 'the committee admin (nothing ranks above an admin)', SECOND_ADMIN, ZHOU_JIANGUO],
];

describe('recording by hand follows role precedence', () => {
  it.each(outOfReach)('%s on %s: FORBIDDEN, naming the office and whom to ask; nothing changes', async (...row) => {
    const [, , actor, target, office] = row;
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      actor,
      'points',
      'record',
      { memberIds: [target], rule: 'pioneer', reason: '表现突出予以表彰' },
      'FORBIDDEN',
    );
    expect(error.message).toContain(office);
    expect(error.message).toMatch(/请由党委管理员办理/);
    expect(await snapshot(h.store)).toEqual(before);
  });

  it.each(withinReach)('%s on %s: recorded', async (_who, _target, actor, target) => {
    const { entries } = await deduct(actor, [target]);
    expect(entries).toEqual([expect.objectContaining({ memberId: target, value: -3 })]);
  });

  it('a record naming one member out of reach among others is refused whole: nobody is scored', async () => {
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      SECRETARY,
      'points',
      'record',
      {
        memberIds: [LIU_YANG, WANG_ZHIQIANG, ZHENG_GUOQIANG],
        rule: 'pioneer',
        reason: '表现突出予以表彰',
        requestId: 'precedence-request-0001',
      },
      'FORBIDDEN',
    );
    expect(error.message).toContain('郑国强');
    expect(await snapshot(h.store)).toEqual(before);
  });
});

describe('reversing an entry follows role precedence', () => {
  it.each(outOfReach)('%s reversing an entry of %s: FORBIDDEN; nothing changes', async (...row) => {
    const [, , actor, target, office] = row;
    const recorder = target === ZHOU_JIANGUO ? SECOND_ADMIN : ADMIN;
    const [entry] = (await deduct(recorder, [target])).entries;
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      actor,
      'points',
      'reverse',
      { entryId: entry.id, reason: '核实后系误记' },
      'FORBIDDEN',
    );
    expect(error.message).toContain(office);
    expect(error.message).toMatch(/请由党委管理员办理/);
    expect(await snapshot(h.store)).toEqual(before);
  });

  it.each(withinReach)('%s reversing an entry of %s: reversed', async (_who, _target, actor, target) => {
    const [entry] = (await deduct(actor, [target])).entries;
    const { entry: reversal } = await h.call(actor, 'points', 'reverse', { entryId: entry.id, reason: '核实后系误记' });
    expect(reversal.value).toBe(3);
  });
});

describe('deciding an objection follows role precedence (upholding one reverses the entry)', () => {
  it.each(['uphold', 'dismiss'] as const)(
    'the 第一党支部 secretary may not %s the objection of a second secretary; another committee admin may',
    async (decision) => {
      const [entry] = (await deduct(ADMIN, [ZHENG_GUOQIANG])).entries;
      const { id } = await h.call(SECOND_SECRETARY, 'points', 'object', { entryId: entry.id, reason: '我已按时完成' });
      const before = await snapshot(h.store);
      const error = await expectError(
        h,
        SECRETARY,
        'points',
        'resolveObjection',
        { id, decision, reason: '经核实' },
        'FORBIDDEN',
      );
      expect(error.message).toMatch(/第一党支部书记.*请由党委管理员办理/);
      expect(await snapshot(h.store)).toEqual(before);
      // Not the admin who recorded the entry: the recorder does not decide the objection to it.
      const resolved = await h.call(SECOND_ADMIN, 'points', 'resolveObjection', { id, decision, reason: '经核实' });
      expect(resolved.status).toBe(decision === 'uphold' ? 'upheld' : 'dismissed');
    },
  );
});
