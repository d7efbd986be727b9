import type { OrgNode } from '@contracts';
import { manageableRosterOrgs, orgLabel, transferTargets } from './orgs';

const ORGS: OrgNode[] = [
  { id: 'c', name: '示范党委', kind: 'committee', parentId: null },
  { id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c' },
  { id: 'b2', name: '第二党支部', kind: 'branch', parentId: 'c' },
  { id: 'g1', name: '第一党小组', kind: 'group', parentId: 'b1' },
];

describe('the org tree in the app', () => {
  it('a branch secretary manages the branch and its groups; an admin every branch', () => {
    const secretary = manageableRosterOrgs(ORGS, [{ orgId: 'b1', orgName: '第一党支部', role: 'secretary' }]);
    expect(secretary.map((o) => o.id)).toEqual(['b1', 'g1']);
    const admin = manageableRosterOrgs(ORGS, [{ orgId: 'c', orgName: '示范党委', role: 'admin' }]);
    expect(admin.map((o) => o.id)).toEqual(['b1', 'g1', 'b2']);
  });

  it('labels an org with its branch, and offers transfers only elsewhere', () => {
    expect(orgLabel(ORGS, 'g1')).toBe('第一党支部 · 第一党小组');
    expect(transferTargets(ORGS.slice(1), { orgId: 'b1', groupId: 'g1' }).map((o) => o.id)).toEqual(['b1', 'b2']);
  });
});
