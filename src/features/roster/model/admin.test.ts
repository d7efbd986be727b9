import type { MeOutput, OrgNode } from '@contracts';
import {
  appointableRoles,
  archiveBlocker,
  auditActionLabel,
  auditLogInput,
  auditSummary,
  branchOptions,
  inviteLink,
  invitedBranch,
  managedNodeOptions,
  moveTargets,
  NO_AUDIT_FILTERS,
  orgRows,
} from './admin';
import { ROUTES } from '@/utils/route-table';
import { INVITE_PAGE } from '@contracts/labels/roster';

const ORGS: OrgNode[] = [
  { id: 'c', name: '示范党委', kind: 'committee', parentId: null, activeMembers: 30 },
  { id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c', activeMembers: 18 },
  { id: 'g1', name: '第一党小组', kind: 'group', parentId: 'b1', activeMembers: 8 },
  { id: 'old', name: '旧党小组', kind: 'group', parentId: 'b1', archived: true, activeMembers: 0 },
  { id: 'g2', name: '第二党小组', kind: 'group', parentId: 'b1', activeMembers: 0 },
  { id: 'b2', name: '第二党支部', kind: 'branch', parentId: 'c', activeMembers: 12 },
  { id: 'b3', name: '已撤支部', kind: 'branch', parentId: 'c', archived: true },
  { id: 'x', name: '邻街党委', kind: 'committee', parentId: null },
  { id: 'xb', name: '邻街党支部', kind: 'branch', parentId: 'x' },
];

const grant = (orgId: string, permissions: MeOutput['permissions'][number]['permissions'], covers: string[]) => ({
  permissions: [{ orgId, orgName: '', permissions, covers }],
});
const ADMIN = grant('c', ['org.manage', 'audit.read', 'roster.write'], ['c', 'b1', 'g1', 'old', 'g2', 'b2', 'b3']);
const SECRETARY = grant('b1', ['roster.write', 'roster.read'], ['b1', 'g1', 'g2', 'old']);
const BOTH = grant('x', ['org.manage'], ['x', 'xb']);

describe('the admin pages’ model', () => {
  it('lists the tree committee by committee, archived nodes after the live ones of their level', () => {
    expect(orgRows(ORGS).map((r) => `${r.depth}${r.node.id}`)).toEqual([
      '0c',
      '1b1',
      '2g1',
      '2g2',
      '2old',
      '1b2',
      '1b3',
      '0x',
      '1xb',
    ]);
  });

  it('moves a group only to another live branch of its committee that the caller manages', () => {
    const g1 = ORGS[2];
    expect(moveTargets(ORGS, g1, ADMIN).map((o) => o.id)).toEqual(['b2']);
    expect(moveTargets(ORGS, g1, SECRETARY)).toEqual([]);
    expect(
      moveTargets(ORGS, g1, { permissions: [...ADMIN.permissions, ...BOTH.permissions] }).map((o) => o.id),
    ).toEqual(['b2']);
    expect(moveTargets(ORGS, ORGS[1], ADMIN)).toEqual([]);
  });

  it('offers 撤销 only for an empty live branch or group without live children', () => {
    expect(ORGS.map((o) => [o.id, archiveBlocker(ORGS, o)])).toEqual([
      ['c', '党委不能撤销'],
      ['b1', '有下级组织'],
      ['g1', '有 8 名在册党员'],
      ['old', '已撤销'],
      ['g2', null],
      ['b2', '有 12 名在册党员'],
      ['b3', '已撤销'],
      ['x', '党委不能撤销'],
      ['xb', null],
    ]);
    // The people on the way are on the roster too (发展党员 closes their files).
    expect(archiveBlocker(ORGS, { ...ORGS[4], activeOnTheWay: 2 })).toBe('有入党积极分子等 2 人在册');
  });

  it('offers the roles the caller may appoint there, none without org.manage', () => {
    expect(appointableRoles(ADMIN, ORGS[1])).toEqual(['secretary', 'officer', 'admin']);
    expect(appointableRoles(ADMIN, ORGS[0])).toEqual(['admin']);
    expect(appointableRoles(ADMIN, ORGS[2])).toEqual(['officer']);
    expect(appointableRoles(ADMIN, ORGS[3])).toEqual([]);
    expect(appointableRoles(SECRETARY, ORGS[1])).toEqual([]);
    expect(appointableRoles(ADMIN, ORGS[8])).toEqual([]);
    expect(managedNodeOptions(orgRows(ORGS), SECRETARY)).toEqual([]);
    expect(managedNodeOptions(orgRows(ORGS), BOTH).map((o) => o.label)).toEqual(['邻街党委', '　邻街党支部']);
  });

  it('picks live branches by permission', () => {
    expect(branchOptions(ORGS, ADMIN, 'org.manage').map((o) => o.value)).toEqual(['b1', 'b2']);
    expect(branchOptions(ORGS, SECRETARY, 'roster.write').map((o) => o.value)).toEqual(['b1']);
  });

  it('says in Chinese what an audit entry did', () => {
    expect(
      auditSummary(
        {
          action: 'role.grant',
          target: 'members/m1',
          before: null,
          after: { orgId: 'b1', memberId: 'm1', role: 'secretary', name: '刘洋' },
        },
        ORGS,
      ),
    ).toBe('任命刘洋为第一党支部书记');
    expect(
      auditSummary(
        {
          action: 'role.revoke',
          target: 'members/m1',
          after: null,
          before: { orgId: 'c', role: 'admin', name: '周建国' },
        },
        ORGS,
      ),
    ).toBe('撤销周建国的示范党委管理员职务');
    expect(
      auditSummary(
        { action: 'org.create', target: 'orgs/b9', before: null, after: { name: '第九党支部', kind: 'branch' } },
        ORGS,
      ),
    ).toBe('新建党支部“第九党支部”');
    expect(
      auditSummary(
        {
          action: 'org.move',
          target: 'orgs/g1',
          before: { parentName: '第一党支部' },
          after: { parentName: '第二党支部' },
        },
        ORGS,
      ),
    ).toBe('第一党小组由第一党支部移至第二党支部');
    expect(auditSummary({ action: 'member.transfer', target: 'members/m1', before: null, after: null }, ORGS)).toBe(
      '组织关系转接',
    );
    expect(auditActionLabel('points.objection.upheld')).toBe('采纳积分异议');
    expect(auditActionLabel('something.new')).toBe('something.new');
  });

  it('sends only the filters that are set', () => {
    expect(auditLogInput(NO_AUDIT_FILTERS, 1)).toEqual({ page: 1, pageSize: 20 });
    expect(auditLogInput({ actorMemberId: 'm1', action: 'role.grant', from: '2026-12-01', to: '' }, 3)).toEqual({
      page: 3,
      pageSize: 20,
      actorMemberId: 'm1',
      action: 'role.grant',
      from: '2026-12-01',
    });
  });

  it('invites to 亮身份 with the branch chosen', () => {
    expect(inviteLink('org-branch-1', 'http://127.0.0.1:8080')).toBe(
      `http://127.0.0.1:8080/#${ROUTES.declare}?orgId=org-branch-1`,
    );
    expect(
      invitedBranch(
        ORGS.filter((o) => o.kind === 'branch'),
        'b2',
      ),
    ).toBe('b2');
    expect(
      invitedBranch(
        ORGS.filter((o) => o.kind === 'branch'),
        'b3',
      ),
    ).toBe('');
    expect(
      invitedBranch(
        ORGS.filter((o) => o.kind === 'branch'),
        'g1',
      ),
    ).toBe('');
    expect(invitedBranch(ORGS, undefined)).toBe('');
    expect(inviteLink('b 1', null)).toBe(`${ROUTES.declare}?orgId=b%201`);
  });

  it('sends the invitation 小程序码 to the page the invitation link opens', () => {
    // The server names the page without a leading slash (as wxacode.getUnlimited takes it).
    expect(`/${INVITE_PAGE}`).toBe(ROUTES.declare);
  });
});
