import type { DeclareInput } from '../../../contracts';
import type { MemberDoc } from '../../roster/documents';
import { createHarness, onStorage, STORAGES, type Harness } from '../../../tests/support/harness';
import { expectError, FULL_PHONE, snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER, OFFICER, SECRETARY, VISITOR } from '../../../tests/support/demo';

/** 吴桂兰: an unbound entry of 第一党支部 that decl-demo-1 matches by name and phone. */
const WU_GUILAN = 'member-008';

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

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const memberCount = () => h.store.count('members');
const pendingIds = async (openid: string) =>
  (await h.call(openid, 'identity', 'listDeclarations')).items.map((item) => item.id);

describe('亮身份: declaring', () => {
  it('a visitor starts with no member, no roles and no declaration', async () => {
    const me = await h.call(VISITOR, 'identity', 'me');
    expect(me).toEqual({
      openid: VISITOR,
      member: null,
      roles: [],
      permissions: [],
      declaration: null,
      setupNeeded: false,
    });
  });

  it('a visitor declares; the declaration is pending and shows in `me`', async () => {
    const result = await h.call(VISITOR, 'identity', 'declare', declaration());
    expect(result).toEqual({ id: expect.any(String), status: 'pending' });

    const me = await h.call(VISITOR, 'identity', 'me');
    expect(me.member).toBeNull();
    expect(me.declaration).toMatchObject({
      id: result.id,
      status: 'pending',
      name: '张卫东',
      orgId: 'org-branch-1',
      orgName: '第一党支部',
      externalOrg: null,
      reason: null,
      reviewedAt: null,
      createdAt: h.now.value.toISOString(),
    });
  });

  it('a second declaration while one is open is refused (CONFLICT), and nothing is added', async () => {
    await h.call(VISITOR, 'identity', 'declare', declaration());
    const before = await h.store.count('declarations');
    await expectError(h, VISITOR, 'identity', 'declare', declaration({ orgId: 'org-branch-2' }), 'CONFLICT');
    expect(await h.store.count('declarations')).toBe(before);
    expect((await h.call(VISITOR, 'identity', 'me')).declaration?.orgId).toBe('org-branch-1');
  });

  it('withdraw, then declare again works', async () => {
    const first = await h.call(VISITOR, 'identity', 'declare', declaration());
    expect(await h.call(VISITOR, 'identity', 'withdraw')).toEqual({ id: first.id, status: 'withdrawn' });
    expect((await h.call(VISITOR, 'identity', 'me')).declaration).toMatchObject({ id: first.id, status: 'withdrawn' });
    expect(await pendingIds(SECRETARY)).not.toContain(first.id);

    h.now.value = new Date(h.now.value.getTime() + 60_000);
    const second = await h.call(VISITOR, 'identity', 'declare', declaration({ orgId: 'org-group-2' }));
    expect(second.id).not.toBe(first.id);
    expect((await h.call(VISITOR, 'identity', 'me')).declaration).toMatchObject({
      id: second.id,
      status: 'pending',
      orgName: '第二党小组',
    });
  });

  it('withdrawing with nothing open is NOT_FOUND', async () => {
    await expectError(h, VISITOR, 'identity', 'withdraw', undefined, 'NOT_FOUND');
  });

  it('a member already bound cannot declare (CONFLICT)', async () => {
    await expectError(h, MEMBER, 'identity', 'declare', declaration(), 'CONFLICT');
    expect(await h.store.count('declarations', { openid: MEMBER })).toBe(0);
  });

  it.each<[string, Partial<DeclareInput>]>([
    ['an org that does not exist', { orgId: 'org-nope' }],
    ['the committee itself instead of a branch', { orgId: 'org-committee' }],
    ['a branch together with an outside org', { orgId: 'org-branch-1', externalOrg: '某公司党支部' }],
  ])('refuses %s (INVALID_INPUT on orgId)', async (_label, overrides) => {
    const error = await expectError(h, VISITOR, 'identity', 'declare', declaration(overrides), 'INVALID_INPUT');
    expect(error.field).toBe('orgId');
    expect(await h.store.count('declarations', { openid: VISITOR })).toBe(0);
  });

  it('`card` for a visitor is NOT_FOUND', async () => {
    await expectError(h, VISITOR, 'identity', 'card', undefined, 'NOT_FOUND');
    await h.call(VISITOR, 'identity', 'declare', declaration());
    await expectError(h, VISITOR, 'identity', 'card', undefined, 'NOT_FOUND');
  });
});

describe('亮身份: review by the branch secretary', () => {
  it('the secretary sees the declaration and approves it; the visitor becomes a member with a card', async () => {
    const { id } = await h.call(VISITOR, 'identity', 'declare', declaration());
    const list = await h.call(SECRETARY, 'identity', 'listDeclarations');
    const item = list.items.find((i) => i.id === id);
    expect(item).toMatchObject({
      status: 'pending',
      name: '张卫东',
      phone: '13800138000',
      partyStatus: 'full',
      joinedAt: '2015-11-24',
      fullAt: '2016-11-24',
      orgName: '第一党支部',
      match: null,
    });

    const members = await memberCount();
    const review = await h.call(SECRETARY, 'identity', 'review', { id, decision: 'approve' });
    expect(review).toEqual({ status: 'approved', memberId: expect.any(String) });
    expect(await memberCount()).toBe(members + 1);

    const me = await h.call(VISITOR, 'identity', 'me');
    expect(me.member).toEqual({
      id: review.memberId,
      name: '张卫东',
      orgId: 'org-branch-1',
      orgName: '第一党支部',
      groupId: null,
      partyStatus: 'full',
      joinedAt: '2015-11-24',
      fullAt: '2016-11-24',
      phone: '13800138000',
      // The demo clock is 2026-11-23 in China: the 10th anniversary of 转正 is tomorrow.
      partyYears: 9,
      cardNote: null,
    });
    expect(me.declaration).toMatchObject({ id, status: 'approved', reviewedAt: h.now.value.toISOString() });
    expect(await pendingIds(SECRETARY)).not.toContain(id);

    // The demo clock is 2026-11-23 10:00 in China: 9 whole years since 2016-11-24.
    const card = await h.call(VISITOR, 'identity', 'card');
    expect(card).toEqual({
      memberId: review.memberId,
      name: '张卫东',
      orgName: '第一党支部',
      committeeName: '示范党委',
      partyStatus: 'full',
      joinedAt: '2015-11-24',
      fullAt: '2016-11-24',
      partyYears: 9,
      pledge: expect.any(String),
      badge: '正式党员',
    });

    // The new roster entry is bound and says where it came from.
    const entry = await h.call(SECRETARY, 'roster', 'getMember', { id: review.memberId as string });
    expect(entry).toMatchObject({ name: '张卫东', orgId: 'org-branch-1', status: 'active', bound: true });
    expect(entry.history.map((e) => e.action)).toEqual(['created']);
  });

  it('党龄 on the card follows the clock, turning over at midnight China time', async () => {
    const { id } = await h.call(VISITOR, 'identity', 'declare', declaration());
    await h.call(SECRETARY, 'identity', 'review', { id, decision: 'approve' });
    const yearsAt = async (iso: string) => {
      h.now.value = new Date(iso);
      return (await h.call(VISITOR, 'identity', 'card')).partyYears;
    };
    expect(await yearsAt('2026-11-23T15:59:59.000Z')).toBe(9); // 23:59:59 on 23 Nov in China
    expect(await yearsAt('2026-11-23T16:00:00.000Z')).toBe(10); // 00:00 on 24 Nov in China (still 23 Nov UTC)
    expect(await yearsAt('2036-11-23T16:00:00.000Z')).toBe(20);
  });

  it('approving decl-demo-1 binds to the matching roster entry (吴桂兰) and creates no member', async () => {
    const item = (await h.call(SECRETARY, 'identity', 'listDeclarations')).items.find((i) => i.id === 'decl-demo-1');
    expect(item?.match).toEqual({ memberId: WU_GUILAN, name: '吴桂兰', orgName: '第一党支部' });

    const members = await memberCount();
    const review = await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-1', decision: 'approve' });
    expect(review).toEqual({ status: 'approved', memberId: WU_GUILAN });
    expect(await memberCount()).toBe(members);

    const me = await h.call('demo-applicant-1', 'identity', 'me');
    expect(me.member).toMatchObject({ id: WU_GUILAN, name: '吴桂兰', orgName: '第一党支部', groupId: 'org-group-1' });
    const card = await h.call('demo-applicant-1', 'identity', 'card');
    expect(card).toMatchObject({ memberId: WU_GUILAN, name: '吴桂兰', orgName: '第一党支部', partyYears: 46 });

    const entry = await h.call(SECRETARY, 'roster', 'getMember', { id: WU_GUILAN });
    expect(entry.bound).toBe(true);
    expect(entry.history.map((e) => e.action)).toEqual(['created', 'bound']);
  });

  it('approving a new person (decl-demo-2, 预备党员) creates a roster entry; the card has no 党龄', async () => {
    const members = await memberCount();
    const review = await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-2', decision: 'approve' });
    expect(await memberCount()).toBe(members + 1);
    const doc = await h.store.get('members', review.memberId as string);
    expect(doc).toMatchObject({
      name: '杨帆',
      phone: '13712345678',
      partyStatus: 'probationary',
      fullAt: null,
      branchId: 'org-branch-1',
      committeeId: 'org-committee',
      status: 'active',
      openid: 'demo-applicant-2',
    });
    const card = await h.call('demo-applicant-2', 'identity', 'card');
    expect(card).toMatchObject({ name: '杨帆', partyStatus: 'probationary', partyYears: null, badge: '预备党员' });
  });

  it('a declaration placed in a group puts the new member in that group', async () => {
    const { id } = await h.call(VISITOR, 'identity', 'declare', declaration({ orgId: 'org-group-2' }));
    const review = await h.call(SECRETARY, 'identity', 'review', { id, decision: 'approve' });
    const me = await h.call(VISITOR, 'identity', 'me');
    expect(me.member).toMatchObject({ id: review.memberId, orgId: 'org-branch-1', groupId: 'org-group-2' });
  });

  it('approving a new person whose phone is already on the roster under another name is refused, nothing bound', async () => {
    // 李红梅's phone, declared under another name: approval must not create a second entry with that phone.
    const taken = (await h.store.get('members', 'member-001'))?.phone as string;
    const { id } = await h.call(VISITOR, 'identity', 'declare', declaration({ phone: taken }));
    const before = await snapshot(h.store);
    await expectError(h, SECRETARY, 'identity', 'review', { id, decision: 'approve' }, 'CONFLICT');
    expect(await snapshot(h.store)).toEqual(before);
    expect((await h.call(VISITOR, 'identity', 'me')).member).toBeNull();
  });

  it('a second person declaring as an already-bound roster entry cannot be approved into a duplicate', async () => {
    await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-1', decision: 'approve' });
    const wu = (await h.store.get('members', WU_GUILAN)) as MemberDoc;
    const { id } = await h.call(
      VISITOR,
      'identity',
      'declare',
      declaration({ name: '吴桂兰', phone: wu.phone as string, orgId: 'org-group-1' }),
    );
    const members = await memberCount();
    await expectError(h, SECRETARY, 'identity', 'review', { id, decision: 'approve' }, 'CONFLICT');
    expect(await memberCount()).toBe(members);
    expect(await h.store.get('bindings', VISITOR)).toBeNull();
  });

  it('reject needs a reason; the declarant sees it, and may declare again', async () => {
    const { id } = await h.call(VISITOR, 'identity', 'declare', declaration());
    const noReason = await expectError(h, SECRETARY, 'identity', 'review', { id, decision: 'reject' }, 'INVALID_INPUT');
    expect(noReason.field).toBe('reason');
    const blank = await expectError(
      h,
      SECRETARY,
      'identity',
      'review',
      { id, decision: 'reject', reason: '   ' },
      'INVALID_INPUT',
    );
    expect(blank.field).toBe('reason');
    expect((await h.call(VISITOR, 'identity', 'me')).declaration?.status).toBe('pending');

    const members = await memberCount();
    expect(
      await h.call(SECRETARY, 'identity', 'review', { id, decision: 'reject', reason: '转正日期与档案不符' }),
    ).toEqual({
      status: 'rejected',
    });
    expect(await memberCount()).toBe(members);
    const me = await h.call(VISITOR, 'identity', 'me');
    expect(me.member).toBeNull();
    expect(me.declaration).toMatchObject({ id, status: 'rejected', reason: '转正日期与档案不符' });
    await expectError(h, VISITOR, 'identity', 'card', undefined, 'NOT_FOUND');

    const again = await h.call(VISITOR, 'identity', 'declare', declaration({ fullAt: '2016-12-01' }));
    expect(again.status).toBe('pending');
    expect(await pendingIds(SECRETARY)).toContain(again.id);
  });

  it.each<[string, 'approve' | 'reject', 'approve' | 'reject']>([
    ['approve twice', 'approve', 'approve'],
    ['reject after approve', 'approve', 'reject'],
    ['approve after reject', 'reject', 'approve'],
  ])('a declaration is reviewed once: %s → CONFLICT', async (_label, first, second) => {
    const { id } = await h.call(VISITOR, 'identity', 'declare', declaration());
    await h.call(SECRETARY, 'identity', 'review', {
      id,
      decision: first,
      reason: first === 'reject' ? '信息有误' : undefined,
    });
    const before = await snapshot(h.store);
    await expectError(
      h,
      SECRETARY,
      'identity',
      'review',
      { id, decision: second, reason: second === 'reject' ? '再次驳回' : undefined },
      'CONFLICT',
    );
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('a withdrawn declaration cannot be approved', async () => {
    const { id } = await h.call(VISITOR, 'identity', 'declare', declaration());
    await h.call(VISITOR, 'identity', 'withdraw');
    await expectError(h, SECRETARY, 'identity', 'review', { id, decision: 'approve' }, 'CONFLICT');
    expect(await h.store.get('bindings', VISITOR)).toBeNull();
  });

  it('reviewing an unknown declaration is NOT_FOUND', async () => {
    await expectError(h, SECRETARY, 'identity', 'review', { id: 'decl-nope', decision: 'approve' }, 'NOT_FOUND');
  });

  it('listDeclarations filters by status', async () => {
    await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-1', decision: 'approve' });
    await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-2', decision: 'reject', reason: '查无此人' });
    expect(await pendingIds(SECRETARY)).toEqual([]);
    const approved = await h.call(SECRETARY, 'identity', 'listDeclarations', { status: 'approved' });
    expect(approved.items.map((i) => i.id)).toEqual(['decl-demo-1']);
    const rejected = await h.call(SECRETARY, 'identity', 'listDeclarations', { status: 'rejected' });
    expect(rejected.items).toEqual([expect.objectContaining({ id: 'decl-demo-2', reason: '查无此人' })]);
  });
});

describe('亮身份: who may review what', () => {
  it('the 第一党支部 secretary sees only 第一党支部 declarations', async () => {
    expect((await pendingIds(SECRETARY)).sort()).toEqual(['decl-demo-1', 'decl-demo-2']);
  });

  it('a declaration for 第二党支部 is invisible to, and not reviewable by, the 第一党支部 secretary', async () => {
    const { id } = await h.call(VISITOR, 'identity', 'declare', declaration({ orgId: 'org-branch-2' }));
    expect(await pendingIds(SECRETARY)).not.toContain(id);
    await expectError(h, SECRETARY, 'identity', 'listDeclarations', { orgId: 'org-branch-2' }, 'FORBIDDEN');

    const before = await snapshot(h.store);
    await expectError(h, SECRETARY, 'identity', 'review', { id, decision: 'approve' }, 'FORBIDDEN');
    await expectError(
      h,
      SECRETARY,
      'identity',
      'review',
      { id, decision: 'reject', reason: '不是本支部' },
      'FORBIDDEN',
    );
    await expectError(
      h,
      SECRETARY,
      'identity',
      'review',
      { id, decision: 'approve', orgId: 'org-branch-1' },
      'FORBIDDEN',
    );
    expect(await snapshot(h.store)).toEqual(before);

    // The admin sees it and may approve it.
    expect(await pendingIds(ADMIN)).toContain(id);
    const review = await h.call(ADMIN, 'identity', 'review', { id, decision: 'approve' });
    expect((await h.store.get('members', review.memberId as string))?.branchId).toBe('org-branch-2');
  });

  it('流动党员 (decl-demo-3): the branch secretary can neither see nor review it', async () => {
    expect(await pendingIds(SECRETARY)).not.toContain('decl-demo-3');
    const before = await snapshot(h.store);
    await expectError(
      h,
      SECRETARY,
      'identity',
      'review',
      { id: 'decl-demo-3', decision: 'approve', orgId: 'org-branch-1' },
      'FORBIDDEN',
    );
    await expectError(
      h,
      SECRETARY,
      'identity',
      'review',
      { id: 'decl-demo-3', decision: 'reject', reason: '无' },
      'FORBIDDEN',
    );
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('流动党员: the admin sees it; approval needs a placement (orgId) in the tree', async () => {
    const item = (await h.call(ADMIN, 'identity', 'listDeclarations')).items.find((i) => i.id === 'decl-demo-3');
    expect(item).toMatchObject({
      orgId: null,
      orgName: null,
      externalOrg: '江苏省南通市通州区某建筑公司党支部',
      match: null,
    });

    const before = await snapshot(h.store);
    const missing = await expectError(
      h,
      ADMIN,
      'identity',
      'review',
      { id: 'decl-demo-3', decision: 'approve' },
      'INVALID_INPUT',
    );
    expect(missing.field).toBe('orgId');
    const committee = await expectError(
      h,
      ADMIN,
      'identity',
      'review',
      { id: 'decl-demo-3', decision: 'approve', orgId: 'org-committee' },
      'INVALID_INPUT',
    );
    expect(committee.field).toBe('orgId');
    expect(await snapshot(h.store)).toEqual(before);

    const review = await h.call(ADMIN, 'identity', 'review', {
      id: 'decl-demo-3',
      decision: 'approve',
      orgId: 'org-group-2',
    });
    const doc = await h.store.get('members', review.memberId as string);
    expect(doc).toMatchObject({
      name: '朱卫国',
      branchId: 'org-branch-1',
      groupId: 'org-group-2',
      externalOrg: '江苏省南通市通州区某建筑公司党支部',
      openid: 'demo-applicant-3',
    });
    expect(await h.call('demo-applicant-3', 'identity', 'card')).toMatchObject({
      name: '朱卫国',
      orgName: '第一党支部',
    });
  });

  it('a visitor declaring as 流动党员 reaches the admin, not the secretary', async () => {
    const { id } = await h.call(
      VISITOR,
      'identity',
      'declare',
      declaration({ orgId: undefined, externalOrg: '外省某公司党支部' }),
    );
    expect((await h.call(VISITOR, 'identity', 'me')).declaration).toMatchObject({
      orgId: null,
      externalOrg: '外省某公司党支部',
    });
    expect(await pendingIds(SECRETARY)).not.toContain(id);
    expect(await pendingIds(ADMIN)).toContain(id);
  });

  it.each([
    ['an officer', OFFICER],
    ['a member', MEMBER],
    ['a visitor', VISITOR],
  ])('%s can neither list nor review declarations (FORBIDDEN)', async (_label, openid) => {
    const before = await snapshot(h.store);
    await expectError(h, openid, 'identity', 'listDeclarations', undefined, 'FORBIDDEN');
    await expectError(h, openid, 'identity', 'review', { id: 'decl-demo-2', decision: 'approve' }, 'FORBIDDEN');
    await expectError(
      h,
      openid,
      'identity',
      'review',
      { id: 'decl-demo-2', decision: 'reject', reason: '无' },
      'FORBIDDEN',
    );
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('without an openid every identity action is UNAUTHENTICATED', async () => {
    await expectError(h, null, 'identity', 'me', undefined, 'UNAUTHENTICATED');
    await expectError(h, null, 'identity', 'declare', declaration(), 'UNAUTHENTICATED');
    await expectError(h, null, 'identity', 'card', undefined, 'UNAUTHENTICATED');
  });
});

describe('identity.me: the caller’s permissions, from the server’s table', () => {
  const READ = ['roster.read', 'points.read', 'activity.run', 'lecture.read', 'develop.read'] as const;
  const SECRETARY_PERMISSIONS = [
    'roster.read',
    'roster.write',
    'declaration.review',
    'points.read',
    'points.write',
    'activity.manage',
    'activity.run',
    'lecture.manage',
    'lecture.read',
    'phone.read',
    'develop.read',
    'develop.manage',
    'task.complete',
  ];
  const ADMIN_PERMISSIONS = [
    'roster.read',
    'roster.write',
    'declaration.review',
    'org.manage',
    'audit.read',
    'points.read',
    'points.write',
    'points.admin',
    'activity.manage',
    'activity.run',
    'lecture.manage',
    'lecture.read',
    'develop.read',
    'develop.manage',
    'task.manage',
    'task.complete',
  ];
  const GROUP_OFFICER = 'demo-member-3'; // 刘洋, of 第二党小组

  async function grantGroupOfficer(): Promise<void> {
    const [member] = await h.store.query('members', { where: { openid: GROUP_OFFICER } });
    await h.call(ADMIN, 'roster', 'grantRole', { orgId: 'org-group-2', memberId: member._id, role: 'officer' });
  }

  it.each<[string, string, Array<{ orgId: string; orgName: string; permissions: string[]; covers: string[] }>]>([
    [
      'the secretary',
      SECRETARY,
      [
        {
          orgId: 'org-branch-1',
          orgName: '第一党支部',
          permissions: SECRETARY_PERMISSIONS,
          covers: ['org-branch-1', 'org-group-1', 'org-group-2'],
        },
      ],
    ],
    [
      'an officer',
      OFFICER,
      [
        {
          orgId: 'org-branch-1',
          orgName: '第一党支部',
          permissions: [...READ, 'phone.read'],
          covers: ['org-branch-1', 'org-group-1', 'org-group-2'],
        },
      ],
    ],
    [
      'a group officer',
      GROUP_OFFICER,
      [{ orgId: 'org-group-2', orgName: '第二党小组', permissions: [...READ, 'phone.read'], covers: ['org-group-2'] }],
    ],
    ['a member', MEMBER, []],
    ['a visitor', VISITOR, []],
  ])('%s gets exactly the permissions of their roles, on the nodes they cover', async (_label, openid, expected) => {
    await grantGroupOfficer();
    const { permissions } = await h.call(openid, 'identity', 'me');
    const sorted = permissions.map((grant) => ({
      ...grant,
      permissions: [...grant.permissions].sort(),
      covers: [...grant.covers].sort(),
    }));
    expect(sorted).toEqual(
      expected.map((grant) => ({ ...grant, permissions: [...grant.permissions].sort(), covers: grant.covers.sort() })),
    );
  });

  it('the admin’s grant on the committee covers every org of the tree, and not phones', async () => {
    const { orgs } = await h.call(ADMIN, 'roster', 'tree');
    const { permissions } = await h.call(ADMIN, 'identity', 'me');
    expect(permissions).toHaveLength(1);
    expect(permissions[0]).toMatchObject({ orgId: 'org-committee', orgName: '示范党委' });
    expect([...permissions[0].permissions].sort()).toEqual([...ADMIN_PERMISSIONS].sort());
    expect([...permissions[0].covers].sort()).toEqual(orgs.map((o) => o.id).sort());
  });

  it('two roles on one node are merged into one grant (the union of both)', async () => {
    const [member] = await h.store.query('members', { where: { openid: OFFICER } });
    await h.call(ADMIN, 'roster', 'grantRole', { orgId: 'org-branch-1', memberId: member._id, role: 'secretary' });
    const { permissions } = await h.call(OFFICER, 'identity', 'me');
    expect(permissions.map((g) => g.orgId)).toEqual(['org-branch-1']);
    expect([...permissions[0].permissions].sort()).toEqual([...SECRETARY_PERMISSIONS].sort());
  });
});

describe('亮身份: nobody reviews their own declaration', () => {
  /** A role holder without a roster entry yet (e.g. appointed before declaring), with a pending declaration. */
  async function declareAsRoleHolder(role: 'secretary' | 'admin', orgId: string, input: DeclareInput) {
    await h.store.create('roles', {
      _id: `${VISITOR}:${orgId}:${role}`,
      openid: VISITOR,
      orgId,
      role,
      grantedBy: ADMIN,
      at: h.now.value.toISOString(),
    });
    return h.call(VISITOR, 'identity', 'declare', input);
  }

  it.each<[string, 'secretary' | 'admin', string, DeclareInput, Record<string, string>]>([
    ['a secretary approving her own declaration to her branch', 'secretary', 'org-branch-1', declaration(), {}],
    [
      'an admin approving his own 流动党员 declaration',
      'admin',
      'org-committee',
      declaration({ orgId: undefined, externalOrg: '外省某公司党支部' }),
      { orgId: 'org-branch-2' },
    ],
  ])('%s is FORBIDDEN, and changes nothing; another reviewer may', async (_label, role, orgId, input, extra) => {
    const { id } = await declareAsRoleHolder(role, orgId, input);
    const before = await snapshot(h.store);
    for (const data of [
      { id, decision: 'approve', ...extra },
      { id, decision: 'reject', reason: '自己审核自己' },
    ]) {
      const error = await expectError(h, VISITOR, 'identity', 'review', data, 'FORBIDDEN');
      expect(error.message).toContain('本人');
    }
    expect(await snapshot(h.store)).toEqual(before);

    const other = role === 'admin' ? ADMIN : SECRETARY;
    expect(await h.call(other, 'identity', 'review', { id, decision: 'approve', ...extra })).toMatchObject({
      status: 'approved',
    });
  });

  it('the reviewer’s own declaration is listed as theirs, so the app offers no 通过/驳回 on it', async () => {
    const { id } = await declareAsRoleHolder('secretary', 'org-branch-1', declaration());
    const items = (await h.call(VISITOR, 'identity', 'listDeclarations')).items;
    expect(items.find((i) => i.id === id)?.mine).toBe(true);
    expect(items.filter((i) => i.id !== id).every((i) => i.mine === false)).toBe(true);
  });
});

describe('亮身份: audit', () => {
  it('every approve and reject is in the admin’s audit log, with no full phone number', async () => {
    const { id } = await h.call(VISITOR, 'identity', 'declare', declaration());
    await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-1', decision: 'approve' });
    await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-2', decision: 'reject', reason: '信息不全' });
    await h.call(ADMIN, 'identity', 'review', { id: 'decl-demo-3', decision: 'reject', reason: '请先转入组织关系' });
    await h.call(SECRETARY, 'identity', 'review', { id, decision: 'approve' });

    const log = await h.call(ADMIN, 'roster', 'auditLog', { pageSize: 100 });
    const reviews = log.items.filter((e) => e.action.startsWith('declaration.'));
    expect(reviews.map((e) => [e.action, e.target, e.actor]).sort()).toEqual(
      [
        ['declaration.approve', 'declarations/decl-demo-1', SECRETARY],
        ['declaration.reject', 'declarations/decl-demo-2', SECRETARY],
        ['declaration.reject', 'declarations/decl-demo-3', ADMIN],
        ['declaration.approve', `declarations/${id}`, SECRETARY],
      ].sort(),
    );
    expect(reviews.find((e) => e.target === 'declarations/decl-demo-1')).toMatchObject({
      actorName: '李红梅',
      before: { status: 'pending' },
      after: { status: 'approved', memberId: WU_GUILAN },
    });
    expect(reviews.find((e) => e.target === 'declarations/decl-demo-2')?.after).toMatchObject({
      status: 'rejected',
      reason: '信息不全',
    });
    expect(JSON.stringify(log)).not.toMatch(FULL_PHONE);
  });

  it('the audit log is for admins only', async () => {
    for (const openid of [SECRETARY, OFFICER, MEMBER, VISITOR])
      await expectError(h, openid, 'roster', 'auditLog', undefined, 'FORBIDDEN');
  });
});

describe.each(STORAGES)('亮身份: concurrency (%s store)', (storage) => {
  beforeEach(async () => {
    h = await onStorage(h, storage);
  });

  it('20 concurrent declares by one user: exactly one succeeds, the rest CONFLICT, one declaration stored', async () => {
    const openid = 'wx-burst-user';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.raw(openid, 'identity', { action: 'declare', data: declaration({ phone: `1380013${String(8000 + i)}` }) }),
      ),
    );
    const ok = results.filter((r) => r.ok);
    const codes = results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code));
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill('CONFLICT'));

    const docs = await h.store.query('declarations', { where: { openid } });
    expect(docs).toHaveLength(1);
    expect(docs[0]._id).toBe((ok[0] as { data: { id: string } }).data.id);
    expect(await h.store.get('openDeclarations', openid)).toEqual({ _id: openid, declarationId: docs[0]._id });
  });

  it.each([
    ['a new person (decl-demo-2)', 'decl-demo-2', 'demo-applicant-2', 1],
    ['a roster match (decl-demo-1)', 'decl-demo-1', 'demo-applicant-1', 0],
  ])(
    'two reviewers approving %s at once: one succeeds, one CONFLICT, one binding',
    async (_label, id, openid, added) => {
      const members = await memberCount();
      const results = await Promise.all([
        h.raw(SECRETARY, 'identity', { action: 'review', data: { id, decision: 'approve' } }),
        h.raw(ADMIN, 'identity', { action: 'review', data: { id, decision: 'approve' } }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(['CONFLICT']);

      expect(await memberCount()).toBe(members + added);
      expect(await h.store.count('members', { openid })).toBe(1);
      const binding = await h.store.get('bindings', openid);
      const bound = await h.store.query('members', { where: { openid } });
      expect(binding?.memberId).toBe(bound[0]._id);
      expect(await h.store.count('audit', { target: `declarations/${id}` })).toBe(1);
    },
  );

  it('a reviewer approving while a reviewer rejects: exactly one decision sticks', async () => {
    const results = await Promise.all([
      h.raw(SECRETARY, 'identity', { action: 'review', data: { id: 'decl-demo-2', decision: 'approve' } }),
      h.raw(ADMIN, 'identity', { action: 'review', data: { id: 'decl-demo-2', decision: 'reject', reason: '重复' } }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const doc = await h.store.get('declarations', 'decl-demo-2');
    const bound = await h.store.count('members', { openid: 'demo-applicant-2' });
    if (doc?.status === 'approved') expect(bound).toBe(1);
    else expect([doc?.status, bound]).toEqual(['rejected', 0]);
    expect(await h.store.count('audit', { target: 'declarations/decl-demo-2' })).toBe(1);
  });
});
