import type { Role } from '../../contracts/common';
import { OrgTree } from './org-tree';
import { can, scopesFor, type Permission, type RoleGrant } from './permissions';

const tree = new OrgTree([
  { id: 'c', name: '示范党委', kind: 'committee', parentId: null },
  { id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c' },
  { id: 'b2', name: '第二党支部', kind: 'branch', parentId: 'c' },
  { id: 'g1', name: '第一党小组', kind: 'group', parentId: 'b1' },
  { id: 'g3', name: '二支部党小组', kind: 'group', parentId: 'b2' },
  { id: 'c2', name: '另一个党委', kind: 'committee', parentId: null },
  { id: 'x1', name: '另一党委的支部', kind: 'branch', parentId: 'c2' },
]);

const ADMIN: RoleGrant[] = [{ orgId: 'c', role: 'admin' }];
const SECRETARY: RoleGrant[] = [{ orgId: 'b1', role: 'secretary' }];
const OFFICER: RoleGrant[] = [{ orgId: 'b1', role: 'officer' }];
const GROUP_SECRETARY: RoleGrant[] = [{ orgId: 'g1', role: 'secretary' }];
const NOBODY: RoleGrant[] = [];

describe('can(): a role covers the node it is granted on and its whole subtree', () => {
  it.each<[string, RoleGrant[], Permission, string, boolean]>([
    // subtree coverage
    ['secretary reads own branch', SECRETARY, 'roster.read', 'b1', true],
    ['secretary reads a group of own branch', SECRETARY, 'roster.read', 'g1', true],
    ['secretary cannot read the other branch', SECRETARY, 'roster.read', 'b2', false],
    ['secretary cannot read a group of the other branch', SECRETARY, 'roster.read', 'g3', false],
    ['secretary cannot read the committee as a whole', SECRETARY, 'roster.read', 'c', false],
    ['group secretary cannot reach up to the branch', GROUP_SECRETARY, 'roster.read', 'b1', false],
    ['group secretary covers own group', GROUP_SECRETARY, 'roster.write', 'g1', true],
    // officer is read-only
    ['officer reads own branch', OFFICER, 'roster.read', 'b1', true],
    ['officer reads a group of own branch', OFFICER, 'roster.read', 'g1', true],
    ['officer cannot write the roster', OFFICER, 'roster.write', 'b1', false],
    ['officer cannot review declarations', OFFICER, 'declaration.review', 'b1', false],
    ['officer cannot manage orgs', OFFICER, 'org.manage', 'b1', false],
    ['officer cannot read the audit log', OFFICER, 'audit.read', 'b1', false],
    ['officer reads phones of own branch', OFFICER, 'phone.read', 'b1', true],
    ['officer cannot read phones elsewhere', OFFICER, 'phone.read', 'b2', false],
    // secretary
    ['secretary writes own branch', SECRETARY, 'roster.write', 'b1', true],
    ['secretary writes a group of own branch', SECRETARY, 'roster.write', 'g1', true],
    ['secretary cannot write the other branch', SECRETARY, 'roster.write', 'b2', false],
    ['secretary reviews own branch', SECRETARY, 'declaration.review', 'b1', true],
    ['secretary cannot review the other branch', SECRETARY, 'declaration.review', 'b2', false],
    ['secretary cannot manage orgs', SECRETARY, 'org.manage', 'b1', false],
    ['secretary cannot read the audit log', SECRETARY, 'audit.read', 'b1', false],
    ['secretary reads phones of own branch', SECRETARY, 'phone.read', 'b1', true],
    ['secretary cannot read phones of the other branch', SECRETARY, 'phone.read', 'b2', false],
    // admin
    ['admin reads every branch', ADMIN, 'roster.read', 'b2', true],
    ['admin writes every group', ADMIN, 'roster.write', 'g3', true],
    ['admin reviews every branch', ADMIN, 'declaration.review', 'b1', true],
    ['admin manages the committee', ADMIN, 'org.manage', 'c', true],
    ['admin manages a group', ADMIN, 'org.manage', 'g1', true],
    ['admin reads the audit log', ADMIN, 'audit.read', 'c', true],
    ['admin does NOT see phones in full (committee staff)', ADMIN, 'phone.read', 'b1', false],
    ['admin does not reach another committee', ADMIN, 'roster.read', 'x1', false],
    ['admin cannot manage another committee', ADMIN, 'org.manage', 'c2', false],
    // nobody / unknown org
    ['no role: nothing', NOBODY, 'roster.read', 'b1', false],
    ['unknown org: nothing', ADMIN, 'roster.read', 'nope', false],
  ])('%s', (_label, roles, permission, orgId, expected) => {
    expect(can(roles, tree, permission, orgId)).toBe(expected);
  });

  it('a member holding several roles gets the union', () => {
    const roles: RoleGrant[] = [
      { orgId: 'b1', role: 'officer' },
      { orgId: 'b2', role: 'secretary' },
    ];
    expect(can(roles, tree, 'roster.write', 'b2')).toBe(true);
    expect(can(roles, tree, 'roster.write', 'b1')).toBe(false);
    expect(can(roles, tree, 'phone.read', 'b1')).toBe(true);
  });
});

describe('scopesFor()', () => {
  const roles: RoleGrant[] = [
    { orgId: 'c', role: 'admin' },
    { orgId: 'b1', role: 'secretary' },
    { orgId: 'b1', role: 'officer' },
    { orgId: 'b2', role: 'officer' },
  ];

  it.each<[Permission, string[]]>([
    ['roster.read', ['c', 'b1', 'b2']],
    ['roster.write', ['c', 'b1']],
    ['declaration.review', ['c', 'b1']],
    ['org.manage', ['c']],
    ['audit.read', ['c']],
    ['phone.read', ['b1', 'b2']],
  ])('%s → %j (each node once)', (permission, scopes) => {
    expect(scopesFor(roles, permission)).toEqual(scopes);
  });

  it('is empty without a role', () => {
    const none: Array<{ orgId: string; role: Role }> = [];
    expect(scopesFor(none, 'roster.read')).toEqual([]);
  });
});
