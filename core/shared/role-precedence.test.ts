import type { Role } from '../../contracts/common';
import { OrgTree, type OrgRecord } from './org-tree';
import { rolesBeyondLedgerReach, rolesBeyondReach, rolesNotRevocableBy } from './role-precedence';

const ORGS: OrgRecord[] = [
  { id: 'c', name: '示范党委', kind: 'committee', parentId: null },
  { id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c' },
  { id: 'b2', name: '第二党支部', kind: 'branch', parentId: 'c' },
  { id: 'g1', name: '第一党小组', kind: 'group', parentId: 'b1' },
];
const tree = new OrgTree(ORGS);
const grant = (text: string) => {
  const [orgId, role] = text.split(':');
  return { orgId, role: role as Role };
};

describe('rolesBeyondReach: a roster change needs a grant ranking above every role the member holds', () => {
  it.each([
    // caller's grants, target's role, beyond reach?
    ['b1:secretary', 'b1:officer', false],
    ['b1:secretary', 'g1:secretary', false],
    ['b1:secretary', 'b1:secretary', true],
    ['b1:secretary', 'c:admin', true],
    ['b1:secretary', 'b2:officer', true],
    ['b2:secretary', 'c:admin', true],
    ['g1:secretary', 'b1:officer', true],
    ['c:admin', 'b1:secretary', false],
    ['c:admin', 'c:admin', true],
    ['b1:officer', 'g1:officer', true], // an officer holds no roster.write at all
    ['b1:officer,c:admin', 'b1:secretary', false],
  ])('%s acting on %s → beyond reach: %s', (caller, target, beyond) => {
    const callerRoles = caller.split(',').map(grant);
    expect(rolesBeyondReach(tree, callerRoles, 'roster.write', [grant(target)])).toEqual(beyond ? [grant(target)] : []);
  });

  it('a member with no role is within reach of anyone holding the permission', () => {
    expect(rolesBeyondReach(tree, [grant('g1:secretary')], 'roster.write', [])).toEqual([]);
  });
});

describe('rolesBeyondLedgerReach: points by hand follow the same precedence, admins reach admins', () => {
  it.each([
    ['b1:secretary', 'b1:officer', false],
    ['b1:secretary', 'b1:secretary', true],
    ['b1:secretary', 'c:admin', true],
    ['g1:secretary', 'b1:officer', true],
    ['b1:officer', 'g1:officer', true], // an officer holds no points.write
    ['c:admin', 'b1:secretary', false],
    ['c:admin', 'c:admin', false], // another admin of the committee: nothing ranks above an admin
    ['c:admin', 'b1:admin', false],
    ['b1:admin', 'c:admin', true], // a branch's admin does not reach the committee's
    ['b2:admin', 'b1:admin', true],
  ])('%s recording for a member holding %s → beyond reach: %s', (caller, target, beyond) => {
    expect(rolesBeyondLedgerReach(tree, [grant(caller)], [grant(target)])).toEqual(beyond ? [grant(target)] : []);
  });
});

describe('rolesNotRevocableBy: only org.manage over a role’s node may make it vanish', () => {
  it.each([
    ['b1:secretary', 'b1:officer', true],
    ['c:admin', 'b1:officer', false],
    ['c:admin', 'c:admin', false],
  ])('%s and a member holding %s → not revocable: %s', (caller, target, kept) => {
    expect(rolesNotRevocableBy(tree, [grant(caller)], [grant(target)])).toEqual(kept ? [grant(target)] : []);
  });
});
