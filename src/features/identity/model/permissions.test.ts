import type { OrgNode, PermissionGrant } from '@contracts';
import { may, mayAnywhere, orgsWhere, placementOptions } from './permissions';

const BRANCH_1 = ['b1', 'g1', 'g2'];
const secretary: PermissionGrant = {
  orgId: 'b1',
  orgName: '第一党支部',
  permissions: ['roster.read', 'roster.write', 'activity.manage', 'activity.run', 'points.read', 'points.write'],
  covers: BRANCH_1,
};
const officer: PermissionGrant = {
  orgId: 'b1',
  orgName: '第一党支部',
  permissions: ['roster.read', 'activity.run', 'points.read'],
  covers: BRANCH_1,
};
const groupOfficer: PermissionGrant = { ...officer, orgId: 'g1', orgName: '第一党小组', covers: ['g1'] };
const admin: PermissionGrant = {
  orgId: 'c',
  orgName: '示范党委',
  permissions: ['roster.write', 'declaration.review', 'activity.manage', 'points.admin'],
  covers: ['c', 'b1', 'b2', 'g1', 'g2', 'g3'],
};
const as = (...permissions: PermissionGrant[]) => ({ permissions });

describe('may(): a grant with the permission on the org or an ancestor', () => {
  it.each<[string, ReturnType<typeof as> | null, Parameters<typeof may>[1], string | null, boolean]>([
    ['secretary closes an activity of her branch', as(secretary), 'activity.manage', 'b1', true],
    ['secretary closes an activity of a group of her branch', as(secretary), 'activity.manage', 'g2', true],
    ['secretary cannot reach the other branch', as(secretary), 'activity.manage', 'b2', false],
    ['secretary cannot act on the committee', as(secretary), 'roster.write', 'c', false],
    ['officer runs the day (code, scan, export)', as(officer), 'activity.run', 'b1', true],
    ['officer may not close, edit or cancel', as(officer), 'activity.manage', 'b1', false],
    ['officer may not add or import members', as(officer), 'roster.write', 'b1', false],
    ['officer may not record points', as(officer), 'points.write', 'g1', false],
    ['group officer runs own group', as(groupOfficer), 'activity.run', 'g1', true],
    ['group officer does not reach up to the branch', as(groupOfficer), 'activity.run', 'b1', false],
    ['group officer does not reach a sibling group', as(groupOfficer), 'roster.read', 'g2', false],
    ['admin covers a branch below the committee', as(admin), 'activity.manage', 'b2', true],
    ['admin holds only what the table gives', as(admin), 'phone.read', 'b1', false],
    ['two grants: the one holding the permission counts', as(groupOfficer, secretary), 'roster.write', 'g1', true],
    ['a member holds nothing', as(), 'roster.read', 'b1', false],
    ['not loaded yet: nothing', null, 'roster.read', 'b1', false],
    ['no org to act on: nothing', as(admin), 'roster.write', null, false],
  ])('%s', (_label, me, permission, orgId, expected) => {
    expect(may(me, permission, orgId)).toBe(expected);
  });
});

describe('mayAnywhere() and orgsWhere()', () => {
  it('answers whether any grant holds the permission', () => {
    expect(mayAnywhere(as(officer), 'declaration.review')).toBe(false);
    expect(mayAnywhere(as(officer, admin), 'declaration.review')).toBe(true);
    expect(mayAnywhere(null, 'roster.read')).toBe(false);
  });

  it('lists every org a permission covers, across grants', () => {
    expect([...orgsWhere(as(groupOfficer, secretary), 'roster.write')].sort()).toEqual(BRANCH_1);
    expect([...orgsWhere(as(groupOfficer), 'roster.read')]).toEqual(['g1']);
    expect(orgsWhere(as(officer), 'roster.write').size).toBe(0);
  });
});

describe('placementOptions(): where a 流动党员 may be placed on approval', () => {
  const orgs: OrgNode[] = [
    { id: 'c', name: '示范党委', kind: 'committee', parentId: null },
    { id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c' },
    { id: 'b2', name: '第二党支部', kind: 'branch', parentId: 'c' },
    { id: 'g1', name: '第一党小组', kind: 'group', parentId: 'b1' },
    { id: 'g2', name: '第二党小组', kind: 'group', parentId: 'b1' },
    { id: 'g3', name: '二支部党小组', kind: 'group', parentId: 'b2' },
  ];
  const ids = (me: Parameters<typeof placementOptions>[0]) => placementOptions(me, orgs).map((o) => o.id);

  it('the admin: every branch of the committee, each followed by its groups, never the committee', () => {
    expect(ids(as(admin))).toEqual(['b1', 'g1', 'g2', 'b2', 'g3']);
  });

  it('a secretary: her own branch only; an officer or member: nowhere', () => {
    const reviewer = { ...secretary, permissions: [...secretary.permissions, 'declaration.review' as const] };
    expect(ids(as(reviewer))).toEqual(['b1', 'g1', 'g2']);
    expect(ids(as(officer))).toEqual([]);
    expect(ids(null)).toEqual([]);
  });
});
