import type { FileLink } from '../../contracts/common';
import type { Role } from '../../contracts/common';
import type { MemberDoc } from '../../core/roster/documents';
import { publishedSheets } from '../support/excel';
import { createHarness, type Harness } from '../support/harness';
import { ADMIN, SECRETARY } from '../support/demo';

/**
 * A role granted on a 党小组 covers that group only: every list and export a group's officer or
 * secretary may open shows members of the group, never the rest of the branch (documents kept
 * by branch, such as ledger entries, objections and leave, included).
 */

const GROUP_OFFICER = 'wx-group-1-officer'; // 冯淑珍 (member-010), officer of 第一党小组
const GROUP_SECRETARY = 'wx-group-1-secretary'; // 吴桂兰 (member-008), secretary of 第一党小组
const GROUP = 'org-group-1';
const BRANCH = 'org-branch-1';
const MIN = 60_000;

let h: Harness;
let groupActivity = '';
/** Names of 第一党支部's members inside and outside 第一党小组. */
let inside: string[] = [];
let outside: string[] = [];

async function appoint(memberId: string, openid: string, orgId: string, role: Role): Promise<void> {
  const member = (await h.store.get('members', memberId)) as MemberDoc;
  await h.store.set('members', { ...member, openid });
  await h.store.create('bindings', { _id: openid, memberId, at: h.now.value.toISOString() });
  await h.call(ADMIN, 'roster', 'grantRole', { orgId, memberId, role });
}

/** Deducts from a member, who then objects to it. */
async function objection(openid: string, memberId: string): Promise<void> {
  const { entries } = await h.call(SECRETARY, 'points', 'record', {
    memberIds: [memberId],
    rule: 'shirk',
    reason: '未按时提交学习心得',
  });
  await h.call(openid, 'points', 'object', { entryId: entries[0].id, reason: '当天已请假' });
}

beforeEach(async () => {
  h = await createHarness();
  await appoint('member-010', GROUP_OFFICER, GROUP, 'officer');
  await appoint('member-008', GROUP_SECRETARY, GROUP, 'secretary');
  const branch = await h.store.query('members', { where: { branchId: BRANCH }, limit: 100 });
  inside = branch.filter((m) => m.groupId === GROUP).map((m) => m.name);
  outside = branch.filter((m) => m.groupId !== GROUP).map((m) => m.name);

  // Documents of the branch on both sides of the group's edge: objections, leave requests, and a
  // group meeting the branch secretary also expects a member of another group at.
  await objection('demo-member-2', 'member-003'); // 陈秀英, 第一党小组
  await objection('demo-member-3', 'member-004'); // 刘洋, 第二党小组
  await h.call('demo-member-2', 'activity', 'requestLeave', { id: 'act-demo-now', reason: '带孩子去医院' });
  await h.call('demo-member-3', 'activity', 'requestLeave', { id: 'act-demo-now', reason: '单位加班' });
  const start = h.now.value.getTime() + 20 * MIN;
  ({ id: groupActivity } = await h.call(SECRETARY, 'activity', 'create', {
    orgId: GROUP,
    kind: 'group_meeting',
    title: '党小组学习会',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 60 * MIN).toISOString(),
    expectedMemberIds: ['member-003', 'member-008', 'member-010', 'member-004'],
  }));
  // The meeting is over: period exports include it.
  h.now.value = new Date(start + 2 * 60 * MIN);
});

afterEach(() => h.close());

const file = async (link: Promise<FileLink>) => JSON.stringify(await publishedSheets(h.files, (await link).fileID));
const text = async (result: Promise<unknown>) => JSON.stringify(await result);

const LISTS: Array<[string, string, () => Promise<string>]> = [
  [
    'roster.listMembers',
    GROUP_OFFICER,
    () => text(h.call(GROUP_OFFICER, 'roster', 'listMembers', { orgId: GROUP, pageSize: 100 })),
  ],
  [
    'roster.exportMembers',
    GROUP_OFFICER,
    () => file(h.call(GROUP_OFFICER, 'roster', 'exportMembers', { orgId: GROUP })),
  ],
  [
    'points.ranking',
    GROUP_OFFICER,
    () => text(h.call(GROUP_OFFICER, 'points', 'ranking', { orgId: GROUP, period: 'year' })),
  ],
  [
    'points.entries',
    GROUP_OFFICER,
    () => text(h.call(GROUP_OFFICER, 'points', 'entries', { orgId: GROUP, pageSize: 100 })),
  ],
  [
    'points.export',
    GROUP_OFFICER,
    () => file(h.call(GROUP_OFFICER, 'points', 'export', { orgId: GROUP, period: 'year' })),
  ],
  ['points.objections', GROUP_OFFICER, () => text(h.call(GROUP_OFFICER, 'points', 'objections', { orgId: GROUP }))],
  ['activity.leaves', GROUP_SECRETARY, () => text(h.call(GROUP_SECRETARY, 'activity', 'leaves', { orgId: GROUP }))],
  [
    'activity.leaves (approved)',
    GROUP_SECRETARY,
    () => text(h.call(GROUP_SECRETARY, 'activity', 'leaves', { orgId: GROUP, status: 'approved' })),
  ],
  [
    'activity.attendance',
    GROUP_OFFICER,
    () => text(h.call(GROUP_OFFICER, 'activity', 'attendance', { id: groupActivity })),
  ],
  ['activity.live', GROUP_OFFICER, () => text(h.call(GROUP_OFFICER, 'activity', 'live', { id: groupActivity }))],
  [
    'activity.exportAttendance',
    GROUP_OFFICER,
    () => file(h.call(GROUP_OFFICER, 'activity', 'exportAttendance', { id: groupActivity })),
  ],
  [
    'activity.exportPeriod',
    GROUP_OFFICER,
    () => file(h.call(GROUP_OFFICER, 'activity', 'exportPeriod', { orgId: GROUP, period: 'month' })),
  ],
  [
    'lecture.stats',
    GROUP_OFFICER,
    () => text(h.call(GROUP_OFFICER, 'lecture', 'stats', { id: 'lecture-2', orgId: GROUP })),
  ],
  [
    'lecture.exportStats',
    GROUP_OFFICER,
    () => file(h.call(GROUP_OFFICER, 'lecture', 'exportStats', { id: 'lecture-2', orgId: GROUP })),
  ],
  ['lecture.memberStats', GROUP_OFFICER, () => text(h.call(GROUP_OFFICER, 'lecture', 'memberStats', { orgId: GROUP }))],
];

describe('a role on a 党小组 sees its group only', () => {
  it.each(LISTS)('%s (as %s) lists members of the group and no one else of the branch', async (_action, _who, read) => {
    const seen = await read();
    expect(outside.filter((name) => seen.includes(name))).toEqual([]);
    expect(inside.some((name) => seen.includes(name))).toBe(true);
  });

  it('the branch secretary still sees the whole branch in the same lists', async () => {
    const objections = await text(h.call(SECRETARY, 'points', 'objections', { orgId: BRANCH }));
    const leaves = await text(h.call(SECRETARY, 'activity', 'leaves', { orgId: BRANCH }));
    const attendance = await text(h.call(SECRETARY, 'activity', 'attendance', { id: groupActivity }));
    for (const seen of [objections, leaves, attendance]) expect(seen).toContain('刘洋');
  });
});
