import type { MemberDoc, OrgDoc } from '../documents';
import { createHarness, STORAGES, type Harness } from '../../../tests/support/harness';
import { snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER, OFFICER, SECRETARY, VISITOR } from '../../../tests/support/demo';

/**
 * The admin's org tree actions (组织架构, 操作日志): moving a group, archiving a node, the tree's
 * counts and the audit log's filters, attacked from below, from another committee, twice at once
 * and with malformed input.
 */

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const org = async (id: string) => (await h.store.get('orgs', id)) as OrgDoc;
const member = async (id: string) => (await h.store.get('members', id)) as MemberDoc;
const auditOf = async (action: string) => (await h.call(ADMIN, 'roster', 'auditLog', { action, pageSize: 100 })).items;

/** A second committee with a branch and a group, and an admin of it (bound to a roster entry there). */
async function otherCommittee(): Promise<void> {
  const at = '2026-11-01T00:00:00.000Z';
  await h.store.create('orgs', {
    _id: 'x-committee',
    name: '邻街党委',
    kind: 'committee',
    parentId: null,
    committeeId: 'x-committee',
    createdAt: at,
  });
  await h.store.create('orgs', {
    _id: 'x-branch',
    name: '邻街党支部',
    kind: 'branch',
    parentId: 'x-committee',
    committeeId: 'x-committee',
    createdAt: at,
  });
  await h.store.create('orgs', {
    _id: 'x-group',
    name: '邻街党小组',
    kind: 'group',
    parentId: 'x-branch',
    committeeId: 'x-committee',
    createdAt: at,
  });
  await h.store.create('roles', {
    _id: 'x-admin:x-committee:admin',
    openid: 'x-admin',
    orgId: 'x-committee',
    role: 'admin',
    grantedBy: 'x-admin',
    at,
  });
}

describe('roster.moveOrg', () => {
  it('moves a group with its members to another branch, audited once', async () => {
    const groupMembers = (await h.call(ADMIN, 'roster', 'listMembers', { orgId: 'org-group-2', pageSize: 100 })).items;
    expect(groupMembers.length).toBeGreaterThan(0);
    expect(await h.call(ADMIN, 'roster', 'moveOrg', { id: 'org-group-2', parentId: 'org-branch-2' })).toEqual({
      id: 'org-group-2',
      parentId: 'org-branch-2',
    });
    expect((await org('org-group-2')).parentId).toBe('org-branch-2');
    for (const m of groupMembers) {
      const doc = await member(m.id);
      expect(doc.branchId).toBe('org-branch-2');
      expect(doc.groupId).toBe('org-group-2');
      expect(doc.history.at(-1)?.note).toBe('随第二党小组由第一党支部移至第二党支部');
    }
    const entries = await auditOf('org.move');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ target: 'orgs/org-group-2', actorName: '周建国' });
    // The branch the group left no longer counts them.
    const counts = (await h.call(ADMIN, 'roster', 'tree', { counts: true })).orgs;
    const count = (id: string) => counts.find((o) => o.id === id)?.activeMembers;
    expect(count('org-group-2')).toBe(groupMembers.length);
    expect(count('org-branch-1')).toBe(18 - groupMembers.length);
    expect(count('org-branch-2')).toBe(12 + groupMembers.length);
  });

  it('refuses a branch, a group under a group, the branch it is in, another committee and callers below admin', async () => {
    await otherCommittee();
    const before = await snapshot(h.store);
    const cases: Array<[string, Record<string, string>, string, RegExp]> = [
      [ADMIN, { id: 'org-branch-1', parentId: 'org-branch-2' }, 'INVALID_INPUT', /只能移动党小组/],
      [ADMIN, { id: 'org-group-1', parentId: 'org-group-2' }, 'INVALID_INPUT', /只能移到党支部下/],
      [ADMIN, { id: 'org-group-1', parentId: 'org-committee' }, 'INVALID_INPUT', /只能移到党支部下/],
      [ADMIN, { id: 'org-group-1', parentId: 'org-branch-1' }, 'INVALID_INPUT', /已在这个党支部下/],
      [ADMIN, { id: 'org-group-1', parentId: 'x-branch' }, 'INVALID_INPUT', /其他党委/],
      ['x-admin', { id: 'x-group', parentId: 'org-branch-2' }, 'INVALID_INPUT', /其他党委/],
      ['x-admin', { id: 'org-group-1', parentId: 'x-branch' }, 'FORBIDDEN', /./],
      [ADMIN, { id: 'x-group', parentId: 'x-branch' }, 'FORBIDDEN', /./],
      [SECRETARY, { id: 'org-group-1', parentId: 'org-branch-2' }, 'FORBIDDEN', /./],
      [SECRETARY, { id: 'org-group-1', parentId: 'org-branch-1' }, 'FORBIDDEN', /./],
      [OFFICER, { id: 'org-group-1', parentId: 'org-branch-2' }, 'FORBIDDEN', /./],
      [MEMBER, { id: 'org-group-1', parentId: 'org-branch-2' }, 'FORBIDDEN', /./],
      [VISITOR, { id: 'org-group-1', parentId: 'org-branch-2' }, 'FORBIDDEN', /./],
      [ADMIN, { id: 'org-nope', parentId: 'org-branch-2' }, 'NOT_FOUND', /./],
    ];
    for (const [who, data, code, message] of cases) {
      const error = await h.fail(who, 'roster', 'moveOrg', data);
      expect({ who, data, code: error.code }).toEqual({ who, data, code });
      expect(error.message).toMatch(message);
    }
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('refuses a group whose activity is still open', async () => {
    const before = await snapshot(h.store);
    const error = await h.fail(ADMIN, 'roster', 'moveOrg', { id: 'org-group-1', parentId: 'org-branch-2' });
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/未结束的活动/) });
    expect(await snapshot(h.store)).toEqual(before);
    await h.call(ADMIN, 'activity', 'cancel', { id: 'act-demo-group', reason: '党小组调整' });
    await h.call(ADMIN, 'roster', 'moveOrg', { id: 'org-group-1', parentId: 'org-branch-2' });
  });

  it('refuses a name the new branch already has', async () => {
    await h.call(ADMIN, 'roster', 'createOrg', { parentId: 'org-branch-2', name: '第二党小组', kind: 'group' });
    const error = await h.fail(ADMIN, 'roster', 'moveOrg', { id: 'org-group-2', parentId: 'org-branch-2' });
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/同名党小组/) });
  });
});

describe('roster.archiveOrg', () => {
  it('archives an empty group: gone from the tree and its pickers, kept for history, takes no one new', async () => {
    const { id } = await h.call(ADMIN, 'roster', 'createOrg', {
      parentId: 'org-branch-2',
      name: '临时党小组',
      kind: 'group',
    });
    expect(await h.call(ADMIN, 'roster', 'archiveOrg', { id })).toEqual({ id });
    expect((await org(id)).archivedAt).toBe(h.now.value.toISOString());
    expect((await h.call(VISITOR, 'roster', 'tree')).orgs.map((o) => o.id)).not.toContain(id);
    const all = (await h.call(ADMIN, 'roster', 'tree', { archived: true })).orgs;
    expect(all.find((o) => o.id === id)).toMatchObject({ name: '临时党小组', archived: true });
    expect((await auditOf('org.archive'))[0]).toMatchObject({ target: `orgs/${id}`, before: { name: '临时党小组' } });
    // Nobody is placed in it and nothing is created under it any more.
    const moved = await h.fail(ADMIN, 'roster', 'transferMember', { id: 'member-018', toOrgId: id });
    expect(moved).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/已撤销/) });
    const declared = await h.fail(VISITOR, 'identity', 'declare', {
      name: '张卫东',
      phone: '13800138000',
      partyStatus: 'full',
      joinedAt: '2015-07-01',
      fullAt: '2016-07-01',
      orgId: id,
      consent: true,
    });
    expect(declared).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/已撤销/) });
    const { id: branch } = await h.call(ADMIN, 'roster', 'createOrg', {
      parentId: 'org-committee',
      name: '临时党支部',
      kind: 'branch',
    });
    await h.call(ADMIN, 'roster', 'archiveOrg', { id: branch });
    const child = await h.fail(ADMIN, 'roster', 'createOrg', { parentId: branch, name: '下级党小组', kind: 'group' });
    expect(child).toMatchObject({ code: 'INVALID_INPUT', message: '上级组织已撤销' });
    const again = await h.fail(ADMIN, 'roster', 'archiveOrg', { id });
    expect(again).toMatchObject({ code: 'CONFLICT', message: '该组织已撤销' });
  });

  it('refuses a node with members, with child nodes, with officers, the committee, another committee, callers below admin', async () => {
    await otherCommittee();
    const { id: empty } = await h.call(ADMIN, 'roster', 'createOrg', {
      parentId: 'org-committee',
      name: '新建党支部',
      kind: 'branch',
    });
    const { id: child } = await h.call(ADMIN, 'roster', 'createOrg', {
      parentId: empty,
      name: '新建党小组',
      kind: 'group',
    });
    const before = await snapshot(h.store);
    const cases: Array<[string, string, string, RegExp]> = [
      [ADMIN, 'org-group-1', 'CONFLICT', /名在册党员/],
      [ADMIN, 'org-branch-2', 'CONFLICT', /名在册党员/],
      [ADMIN, 'org-branch-1', 'CONFLICT', /第一党小组、第二党小组/],
      [ADMIN, empty, 'CONFLICT', /新建党小组/],
      [ADMIN, 'org-committee', 'INVALID_INPUT', /党委不能撤销/],
      [ADMIN, 'x-group', 'FORBIDDEN', /./],
      ['x-admin', child, 'FORBIDDEN', /./],
      [SECRETARY, child, 'FORBIDDEN', /./],
      [SECRETARY, 'org-group-1', 'FORBIDDEN', /./],
      [OFFICER, child, 'FORBIDDEN', /./],
      [MEMBER, child, 'FORBIDDEN', /./],
      [ADMIN, 'org-nope', 'NOT_FOUND', /./],
    ];
    for (const [who, id, code, message] of cases) {
      const error = await h.fail(who, 'roster', 'archiveOrg', { id });
      expect({ who, id, code: error.code }).toEqual({ who, id, code });
      expect(error.message).toMatch(message);
    }
    expect(await snapshot(h.store)).toEqual(before);
    // A role held on the node keeps it too, until revoked.
    await h.call(ADMIN, 'roster', 'grantRole', { orgId: child, memberId: 'member-003', role: 'officer' });
    const held = await h.fail(ADMIN, 'roster', 'archiveOrg', { id: child });
    expect(held).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/任职/) });
    await h.call(ADMIN, 'roster', 'revokeRole', { orgId: child, memberId: 'member-003', role: 'officer' });
    await h.call(ADMIN, 'roster', 'archiveOrg', { id: child });
    await h.call(ADMIN, 'roster', 'archiveOrg', { id: empty });
  });
});

describe('malformed input changes nothing', () => {
  it.each([
    ['moveOrg', { id: 'org-group-1' }, 'parentId'],
    ['moveOrg', { id: 'org-group-1', parentId: 'org-branch-2', name: 'x' }, 'name'],
    ['moveOrg', { id: 7, parentId: 'org-branch-2' }, 'id'],
    ['archiveOrg', {}, 'id'],
    ['archiveOrg', { id: '   ' }, 'id'],
    ['archiveOrg', { id: 'org-group-1', force: true }, 'force'],
    ['tree', { counts: 'yes' }, 'counts'],
    ['auditLog', { action: 'DROP TABLE' }, 'action'],
    ['auditLog', { from: '2026-13-01' }, 'from'],
    ['auditLog', { from: '2026-12-02', to: '2026-12-01' }, 'to'],
    ['auditLog', { actorMemberId: '' }, 'actorMemberId'],
  ] as const)('%s %j', async (action, data, field) => {
    const before = await snapshot(h.store);
    const error = await h.fail(ADMIN, 'roster', action, data);
    expect(error.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(error)).toContain(field);
    expect(await snapshot(h.store)).toEqual(before);
  });
});

describe.each(STORAGES)('twice at once (%s store)', (storage) => {
  let s: Harness;
  beforeEach(async () => {
    s = storage === 'memory' ? h : await createHarness({ storage });
  });
  afterEach(async () => {
    if (s !== h) await s.close();
  });

  it('archives once and audits once', async () => {
    const { id } = await s.call(ADMIN, 'roster', 'createOrg', {
      parentId: 'org-branch-2',
      name: '临时党小组',
      kind: 'group',
    });
    const results = await Promise.all([1, 2].map(() => s.raw(ADMIN, 'roster', { action: 'archiveOrg', data: { id } })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
    const audit = await s.call(ADMIN, 'roster', 'auditLog', { action: 'org.archive' });
    expect(audit.items).toHaveLength(1);
  });

  it('moves once and audits once', async () => {
    const results = await Promise.all(
      [1, 2].map(() =>
        s.raw(ADMIN, 'roster', { action: 'moveOrg', data: { id: 'org-group-2', parentId: 'org-branch-2' } }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
    const audit = await s.call(ADMIN, 'roster', 'auditLog', { action: 'org.move' });
    expect(audit.items).toHaveLength(1);
    const doc = await s.store.get('members', 'member-004');
    expect(doc?.history.filter((e) => e.note.startsWith('随第二党小组'))).toHaveLength(1);
  });
});

describe('roster.tree', () => {
  it('counts active members only where the caller may read the roster', async () => {
    const admin = (await h.call(ADMIN, 'roster', 'tree', { counts: true })).orgs;
    expect(admin.find((o) => o.id === 'org-committee')?.activeMembers).toBe(30);
    expect(admin.find((o) => o.id === 'org-group-1')?.activeMembers).toBe(8);
    const secretary = (await h.call(SECRETARY, 'roster', 'tree', { counts: true })).orgs;
    expect(secretary.find((o) => o.id === 'org-branch-1')?.activeMembers).toBe(18);
    expect(secretary.find((o) => o.id === 'org-branch-2')).not.toHaveProperty('activeMembers');
    const visitor = (await h.call(VISITOR, 'roster', 'tree', { counts: true })).orgs;
    expect(visitor.every((o) => o.activeMembers === undefined)).toBe(true);
    expect((await h.call(VISITOR, 'roster', 'tree')).orgs.every((o) => !('activeMembers' in o))).toBe(true);
  });
});

describe('roster.auditLog filters', () => {
  beforeEach(async () => {
    await h.call(ADMIN, 'roster', 'createOrg', { parentId: 'org-branch-2', name: '第三党小组', kind: 'group' });
    h.now.value = new Date('2026-11-25T17:00:00.000Z'); // 11月26日 01:00 China time
    await h.call(ADMIN, 'roster', 'grantRole', { orgId: 'org-branch-1', memberId: 'member-003', role: 'officer' });
    await h.call(SECRETARY, 'roster', 'updateMember', { id: 'member-008', name: '吴桂兰' });
  });

  it('by who, by what and by China-time dates, newest first', async () => {
    const byAdmin = await h.call(ADMIN, 'roster', 'auditLog', { actorMemberId: 'member-007', pageSize: 100 });
    expect(byAdmin.items.length).toBeGreaterThan(0);
    expect(byAdmin.items.every((e) => e.actor === ADMIN)).toBe(true);
    const bySecretary = await h.call(ADMIN, 'roster', 'auditLog', { actorMemberId: 'member-001' });
    expect(bySecretary.items.map((e) => e.action)).toEqual(['member.update']);
    const grants = await h.call(ADMIN, 'roster', 'auditLog', { action: 'role.grant' });
    expect(grants.items.map((e) => e.target)).toEqual(['members/member-003']);
    expect(grants.items[0].after).toEqual({
      orgId: 'org-branch-1',
      memberId: 'member-003',
      role: 'officer',
      name: '陈秀英',
    });
    const day = await h.call(ADMIN, 'roster', 'auditLog', { from: '2026-11-26', to: '2026-11-26' });
    expect(day.items.map((e) => e.action).sort()).toEqual(['member.update', 'role.grant']);
    const earlier = await h.call(ADMIN, 'roster', 'auditLog', { to: '2026-11-25', action: 'org.create' });
    expect(earlier.items).toHaveLength(1);
    const unbound = await h.call(ADMIN, 'roster', 'auditLog', { actorMemberId: 'member-008' });
    expect(unbound).toEqual({ items: [], page: 1, pageSize: 20, hasMore: false });
  });

  it('pages a filter', async () => {
    const first = await h.call(ADMIN, 'roster', 'auditLog', { actorMemberId: 'member-007', pageSize: 1 });
    const second = await h.call(ADMIN, 'roster', 'auditLog', { actorMemberId: 'member-007', pageSize: 1, page: 2 });
    expect(first.hasMore).toBe(true);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(first.items[0].at >= second.items[0].at).toBe(true);
  });

  it('is still the admin’s only', async () => {
    const error = await h.fail(SECRETARY, 'roster', 'auditLog', { action: 'role.grant' });
    expect(error.code).toBe('FORBIDDEN');
  });
});
