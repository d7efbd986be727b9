import type { Role } from '../../../contracts/common';
import type { MemberActionsAllowed } from '../../../contracts/roster';
import type { MemberDoc } from '../documents';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { ADMIN, OFFICER, SECRETARY } from '../../../tests/support/demo';

/**
 * `roster.getMember` carries what the caller may do to the entry (`allowed`), computed on the server
 * from the rules that decide the changes themselves: the page shows a control only when the server
 * would accept it. Each row checks the flags, then tries every change and expects it to succeed
 * exactly when its flag says so.
 */

const BRANCH_2_SECRETARY = 'wx-branch-2-secretary'; // 林晓燕 (member-018), appointed below
const SECOND_SECRETARY = 'wx-second-secretary'; // 郑国强 (member-009), a second secretary of 第一党支部

const LI_HONGMEI = 'member-001';
const WANG_ZHIQIANG = 'member-002';
const LIU_YANG = 'member-004'; // 第一党支部 第二党小组, no role
const ZHOU_JIANGUO = 'member-007';
const ZHENG_GUOQIANG = 'member-009';
const GUO_DESHENG = 'member-017'; // 第一党支部, no role; deactivated below for the last row

let h: Harness;

async function appoint(memberId: string, openid: string, orgId: string, role: Role): Promise<void> {
  const member = (await h.store.get('members', memberId)) as MemberDoc;
  await h.store.set('members', { ...member, openid });
  await h.store.create('bindings', { _id: openid, memberId, at: h.now.value.toISOString() });
  await h.call(ADMIN, 'roster', 'grantRole', { orgId, memberId, role });
}

beforeEach(async () => {
  h = await createHarness();
  await appoint('member-018', BRANCH_2_SECRETARY, 'org-branch-2', 'secretary');
  await appoint(ZHENG_GUOQIANG, SECOND_SECRETARY, 'org-branch-1', 'secretary');
  await h.call(ADMIN, 'roster', 'deactivateMember', { id: GUO_DESHENG, reason: '转出' });
});

afterEach(() => h.close());

const NOTHING: MemberActionsAllowed = { edit: false, exempt: false, transfer: false, deactivate: false };
const EVERYTHING: MemberActionsAllowed = { edit: true, exempt: true, transfer: true, deactivate: true };

const cases: Array<[string, string, string, MemberActionsAllowed]> = [
  [
    'the secretary on her own entry: corrects it, never exempts, moves or deactivates herself',
    SECRETARY,
    LI_HONGMEI,
    { ...NOTHING, edit: true },
  ],
  ['the admin on his own entry', ADMIN, ZHOU_JIANGUO, { ...NOTHING, edit: true }],
  [
    'the 第二党支部 secretary on the committee admin, who sits in her branch',
    BRANCH_2_SECRETARY,
    ZHOU_JIANGUO,
    NOTHING,
  ],
  ['the secretary on a second secretary of her branch (same rank)', SECRETARY, ZHENG_GUOQIANG, NOTHING],
  [
    'the secretary on her officer: all but deactivating (it would revoke a role she cannot)',
    SECRETARY,
    WANG_ZHIQIANG,
    { ...EVERYTHING, deactivate: false },
  ],
  ['the secretary on a plain member', SECRETARY, LIU_YANG, EVERYTHING],
  ['the admin on a secretary of a branch', ADMIN, ZHENG_GUOQIANG, EVERYTHING],
  ['an officer, who only reads the roster, on a plain member', OFFICER, LIU_YANG, NOTHING],
  ['the secretary on a deactivated member', SECRETARY, GUO_DESHENG, NOTHING],
];

/** Somewhere the member can move to within 第一党支部 (or into it, from another branch). */
const elsewhere = (member: MemberDoc) =>
  member.branchId !== 'org-branch-1'
    ? 'org-branch-1'
    : member.groupId === 'org-group-1'
      ? 'org-group-2'
      : 'org-group-1';

describe('roster.getMember: what the caller may do to the entry', () => {
  it.each(cases)('%s', async (_label, caller, memberId, allowed) => {
    const detail = await h.call(caller, 'roster', 'getMember', { id: memberId });
    expect(detail.allowed).toEqual(allowed);

    const member = (await h.store.get('members', memberId)) as MemberDoc;
    const attempts: Array<[keyof MemberActionsAllowed, string, Record<string, unknown>]> = [
      ['edit', 'updateMember', { id: memberId, name: '改名测试' }],
      ['exempt', 'updateMember', { id: memberId, exemptReason: member.exemptReason ? null : '长期外派，经支委会同意' }],
      ['transfer', 'transferMember', { id: memberId, toOrgId: elsewhere(member) }],
      ['deactivate', 'deactivateMember', { id: memberId, reason: '转出' }],
    ];
    const accepted: Partial<MemberActionsAllowed> = {};
    for (const [flag, action, data] of attempts) accepted[flag] = (await h.raw(caller, 'roster', { action, data })).ok;
    expect(accepted).toEqual(allowed);
  });
});
