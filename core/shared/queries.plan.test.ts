import Database from 'better-sqlite3';
import * as activities from '../activities/queries';
import * as develop from '../develop/queries';
import * as identity from '../identity/queries';
import * as lectures from '../lectures/queries';
import * as notices from '../notices/queries';
import * as tasks from '../tasks/queries';
import * as points from '../points/queries';
import * as roster from '../roster/queries';
import type { DocStore, Filter, QueryOptions, Scalar } from '../store/port';
import { COLLECTIONS, type CollectionName } from '../store/schema';
import { column, compileWhere } from '../store/sqlite-filters';
import { createTable } from '../store/sqlite-tables';
import type { Store } from './collections';

/**
 * Every named query of every feature (`core/<feature>/queries.ts`), run against SQLite's query
 * planner over tables and indexes made exactly as the SQLite adapter makes them from
 * `core/store/schema.ts`: each filtered read searches an index, and a read of a whole collection
 * walks one in order. CloudBase's console indexes are the same list, so this is the proof that the
 * list serves every query. A new export of a queries.ts without a sample here fails the first test.
 */

type Sample = (store: Store) => Promise<unknown>;

const drain = async (pages: AsyncGenerator<unknown>) => {
  for await (const _ of pages);
};
const range = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
const NOW = '2026-11-23T02:00:00.000Z';

const SAMPLES: Record<string, { module: Record<string, unknown>; samples: Record<string, Sample[]> }> = {
  roster: {
    module: roster,
    samples: {
      allOrgs: [(s) => roster.allOrgs(s)],
      rolesOfAccount: [(s) => roster.rolesOfAccount(s, 'openid-1')],
      rolesOnOrg: [(s) => roster.rolesOnOrg(s, 'org-branch-1')],
      rolesOfAccounts: [(s) => roster.rolesOfAccounts(s, ['openid-1', 'openid-2'])],
      rolesOnOrgs: [(s) => roster.rolesOnOrgs(s, ['org-branch-1', 'org-group-1'])],
      activeMemberCount: [(s) => roster.activeMemberCount(s, 'org-branch-1')],
      activeMembersOf: [
        (s) => roster.activeMembersOf(s, { committeeId: 'org-committee' }),
        (s) => roster.activeMembersOf(s, { branchId: 'org-branch-1' }),
        (s) => roster.activeMembersOf(s, { groupId: 'org-group-1' }),
      ],
      memberIdsOfGroup: [(s) => roster.memberIdsOfGroup(s, 'org-group-1')],
      rosterPage: [
        (s) => roster.rosterPage(s, { branchId: 'org-branch-1', status: 'active' }, 2, 20),
        (s) => roster.rosterPage(s, { groupId: 'org-group-1' }, 1, 20),
        (s) => roster.rosterPage(s, { committeeId: 'org-committee', status: 'left', name: { $contains: '王' } }, 1, 20),
        (s) => roster.rosterPage(s, { branchId: 'org-branch-1', status: 'active' }, 1, 20, '老党员'),
        (s) =>
          roster.rosterPage(
            s,
            { groupId: 'org-group-1', status: 'active', partyStatus: { $in: ['candidate'] } },
            1,
            20,
          ),
      ],
      statusCounts: [
        (s) => roster.statusCounts(s, { committeeId: 'org-committee', status: 'active', name: { $contains: '王' } }),
        (s) => roster.statusCounts(s, { branchId: 'org-branch-1', status: 'active' }, '老党员'),
      ],
      activeMembersWithPhone: [(s) => roster.activeMembersWithPhone(s, 'org-branch-1', '13800000000')],
      employersOfCommittee: [(s) => roster.employersOfCommittee(s, 'org-committee')],
      activeMembersNamed: [(s) => roster.activeMembersNamed(s, 'org-branch-1', '陈秀英')],
      activeHoldersOfPhones: [(s) => roster.activeHoldersOfPhones(s, 'org-committee', ['13800000000', '13900000000'])],
      activeMemberPagesOfCommittee: [(s) => drain(roster.activeMemberPagesOfCommittee(s, 'org-committee'))],
      activeMemberCountOf: [
        (s) => roster.activeMemberCountOf(s, { committeeId: 'org-committee' }),
        (s) => roster.activeMemberCountOf(s, { branchId: 'org-branch-1' }),
        (s) => roster.activeMemberCountOf(s, { groupId: 'org-group-1' }),
        (s) => roster.activeMemberCountOf(s, { branchId: 'org-branch-1' }, ['candidate', 'activist', 'applicant']),
      ],
      hasOpenActivity: [(s) => roster.hasOpenActivity(s, 'org-group-1')],
      auditPage: [
        (s) => roster.auditPage(s, ['org-committee'], 3, 20),
        (s) => roster.auditPage(s, ['org-committee'], 1, 20, { actor: 'openid-1' }),
        (s) => roster.auditPage(s, ['org-committee'], 1, 20, { action: 'role.grant' }),
        (s) =>
          roster.auditPage(s, ['org-committee'], 1, 20, {
            from: '2026-11-30T16:00:00.000Z',
            until: '2026-12-01T16:00:00.000Z',
          }),
        (s) =>
          roster.auditPage(s, ['org-committee', 'org-committee-2'], 2, 20, {
            actor: 'openid-1',
            action: 'org.create',
            from: '2026-11-30T16:00:00.000Z',
          }),
      ],
      refusedSetupsSince: [
        (s) => roster.refusedSetupsSince(s, '2026-12-01T00:00:00.000Z', 'openid-1'),
        (s) => roster.refusedSetupsSince(s, '2026-12-01T00:00:00.000Z'),
      ],
    },
  },
  identity: {
    module: identity,
    samples: {
      latestDeclaration: [(s) => identity.latestDeclaration(s, 'openid-1')],
      declarationsOfAccount: [(s) => identity.declarationsOfAccount(s, 'openid-1')],
      latestDeclarationsIn: [
        (s) => identity.latestDeclarationsIn(s, { committeeId: 'org-committee' }, 'pending', 200),
        (s) => identity.latestDeclarationsIn(s, { committeeId: null }, 'pending', 200),
        (s) => identity.latestDeclarationsIn(s, { branchId: 'org-branch-1' }, 'approved', 200),
      ],
      bindingsOfMembers: [(s) => identity.bindingsOfMembers(s, ['member-001', 'member-002'])],
    },
  },
  activities: {
    module: activities,
    samples: {
      attendanceOf: [(s) => activities.attendanceOf(s, 'act-1')],
      leavesOf: [(s) => activities.leavesOf(s, 'act-1')],
      signedInCount: [(s) => activities.signedInCount(s, 'act-1')],
      activitiesDue: [
        (s) => activities.activitiesDue(s, NOW, undefined, 20),
        (s) => activities.activitiesDue(s, NOW, ['org-committee'], 20),
      ],
      activitiesPage: [
        (s) =>
          activities.activitiesPage(
            s,
            { branchId: 'b', endAt: { $gte: NOW }, status: { $ne: 'closed' } },
            'asc',
            1,
            20,
          ),
        (s) => activities.activitiesPage(s, { orgId: 'g', endAt: { $lt: NOW } }, 'desc', 2, 20),
        (s) => activities.activitiesPage(s, { branchId: 'b' }, 'desc', 1, 20),
      ],
      activitiesWindow: [
        (s) => activities.activitiesWindow(s, { branchId: 'b', endAt: { $gte: NOW } }, 'asc', 200),
        (s) => activities.activitiesWindow(s, { orgId: 'g', startAt: { $lte: NOW } }, 'desc', 200),
        // activity.cadence looking back for a branch's last held activity, a page at a time.
        (s) => activities.activitiesWindow(s, { branchId: 'b', startAt: { $lt: NOW } }, 'desc', 50),
      ],
      activitiesStartingIn: [
        (s) => activities.activitiesStartingIn(s, { branchId: 'b' }, range),
        (s) => activities.activitiesStartingIn(s, { orgId: 'g' }, range),
      ],
      latestLeavesIn: [
        (s) => activities.latestLeavesIn(s, { branchId: 'b' }, 'pending', 200),
        (s) => activities.latestLeavesIn(s, { branchId: 'b', memberId: { $in: ['m1', 'm2'] } }, 'approved', 200),
      ],
      attendanceOfMember: [(s) => activities.attendanceOfMember(s, 'member-001')],
      leavesOfMember: [(s) => activities.leavesOfMember(s, 'member-001')],
    },
  },
  lectures: {
    module: lectures,
    samples: {
      lecturesOfCommittee: [
        (s) => lectures.lecturesOfCommittee(s, 'org-committee'),
        (s) => lectures.lecturesOfCommittee(s, 'org-committee', true),
      ],
      recentProgressOfMember: [(s) => lectures.recentProgressOfMember(s, 'member-001', 20)],
      progressOfMember: [(s) => lectures.progressOfMember(s, 'member-001')],
      progressOfLecture: [(s) => lectures.progressOfLecture(s, 'lecture-1', 'org-branch-1')],
      completedInBranch: [(s) => lectures.completedInBranch(s, 'org-branch-1', range)],
    },
  },
  develop: {
    module: develop,
    samples: {
      openCandidatesOf: [
        (s) => develop.openCandidatesOf(s, { committeeId: 'org-committee' }),
        (s) => develop.openCandidatesOf(s, { branchId: 'org-branch-1' }),
        (s) => develop.openCandidatesOf(s, { groupId: 'org-group-1' }),
      ],
    },
  },
  tasks: {
    module: tasks,
    samples: {
      tasksOfCommittee: [(s) => tasks.tasksOfCommittee(s, 'org-committee')],
      completionsOf: [(s) => tasks.completionsOf(s, 'task-1', '2026-11')],
    },
  },
  notices: {
    module: notices,
    samples: {
      noticesOfMember: [(s) => notices.noticesOfMember(s, 'member-001', 20, 21)],
      unreadOfMember: [(s) => notices.unreadOfMember(s, 'member-001', 200)],
      unreadCount: [(s) => notices.unreadCount(s, 'member-001')],
      pendingPushes: [
        (s) => notices.pendingPushes(s, { from: NOW }, 200),
        (s) => notices.pendingPushes(s, { to: NOW }, 200),
      ],
      activeActivitiesEndingFrom: [(s) => notices.activeActivitiesEndingFrom(s, NOW, 500)],
    },
  },
  points: {
    module: points,
    samples: {
      ledgerOfMember: [(s) => points.ledgerOfMember(s, 'member-001')],
      ledgerPageRead: [
        (s) => points.ledgerPageRead(s, { memberId: 'member-001' }, 2, 20),
        (s) => points.ledgerPageRead(s, { memberId: { $in: ['member-001', 'member-002'] } }, 1, 20),
        (s) => points.ledgerPageRead(s, { branchId: 'org-branch-1' }, 1, 20),
        (s) => points.ledgerPageRead(s, { branchId: 'org-branch-1' }, 1, 20, { memberName: '陈' }),
        (s) =>
          points.ledgerPageRead(s, { branchId: 'org-branch-1' }, 2, 20, {
            rule: 'volunteer',
            from: '2026-10-31T16:00:00.000Z',
            until: '2026-11-30T16:00:00.000Z',
          }),
        (s) => points.ledgerPageRead(s, { memberId: 'member-001' }, 1, 20, { rule: 'lecture', until: NOW }),
        (s) =>
          points.ledgerPageRead(s, { memberId: { $in: ['member-001', 'member-002'] } }, 1, 20, {
            memberName: '王',
            rule: 'shirk',
            from: '2026-10-31T16:00:00.000Z',
          }),
      ],
      ledgerInPeriod: [
        (s) => points.ledgerInPeriod(s, { branchId: 'org-branch-1' }, { year: 2026 }),
        (s) => points.ledgerInPeriod(s, { branchId: 'org-branch-1' }, { year: 2026, monthKey: '2026-11' }),
        (s) =>
          points.ledgerInPeriod(
            s,
            { branchId: 'org-branch-1', memberId: { $in: ['member-001'] } },
            { year: 2026, quarterKey: '2026-Q4' },
          ),
      ],
      ledgerPagesOfCommittee: [(s) => drain(points.ledgerPagesOfCommittee(s, 'org-committee'))],
      totalsPagesOfCommittee: [(s) => drain(points.totalsPagesOfCommittee(s, 'org-committee'))],
      latestObjectionsIn: [
        (s) => points.latestObjectionsIn(s, { branchId: 'org-branch-1' }, 'open', 200),
        (s) => points.latestObjectionsIn(s, { branchId: 'org-branch-1', memberId: { $in: ['m1'] } }, 'upheld', 200),
      ],
    },
  },
};

interface Read {
  collection: CollectionName;
  where: Filter | undefined;
  orderBy: QueryOptions['orderBy'];
}

/** A store that answers every read with nothing and records what was asked. */
function recorder(reads: Read[]): Store {
  const refuse = () => Promise.reject(new Error('a query module only reads'));
  const store: DocStore = {
    get: () => Promise.resolve(null),
    create: refuse,
    set: refuse,
    update: refuse,
    remove: refuse,
    transaction: refuse,
    query: (collection, options) => {
      reads.push({ collection: collection as CollectionName, where: options?.where, orderBy: options?.orderBy });
      return Promise.resolve([]);
    },
    count: (collection, where) => {
      reads.push({ collection: collection as CollectionName, where, orderBy: undefined });
      return Promise.resolve(0);
    },
  };
  return store;
}

let db: Database.Database;
beforeAll(() => {
  db = new Database(':memory:');
  for (const collection of Object.keys(COLLECTIONS)) createTable(db, collection);
});
afterAll(() => db.close());

function planOf(read: Read): string {
  const params: Scalar[] = [];
  let sql = `SELECT doc FROM "${read.collection}"${compileWhere(read.where, params)}`;
  if (read.orderBy?.length)
    sql += ` ORDER BY ${read.orderBy.map(([field, dir]) => `${column(field)} ${dir === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}`;
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql} LIMIT 100`).all(...params) as Array<{ detail: string }>;
  return rows.map((row) => row.detail).join('\n');
}

/** What is wrong with a read's plan, or null: a filter must search an index, a whole read walk one. */
function planProblem(read: Read): string | null {
  const plan = planOf(read);
  const table = read.collection;
  const scans = plan.split('\n').filter((line) => new RegExp(`^SCAN ${table}\\b`).test(line));
  if (scans.some((line) => !/USING (COVERING )?INDEX/.test(line))) return `scans ${table} without an index:\n${plan}`;
  const filtered = Object.keys(read.where ?? {}).length > 0;
  if (filtered && !new RegExp(`SEARCH ${table} USING (COVERING )?INDEX`).test(plan))
    return `does not search an index of ${table}:\n${plan}`;
  if (!filtered && read.orderBy?.length && /TEMP B-TREE/.test(plan)) return `sorts all of ${table}:\n${plan}`;
  return null;
}

describe('the named queries and the declared indexes', () => {
  it.each(Object.entries(SAMPLES))('every query of %s has samples here', (_, { module, samples }) => {
    const exported = Object.entries(module)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(samples).sort()).toEqual(exported);
  });

  const cases = Object.entries(SAMPLES).flatMap(([feature, { samples }]) =>
    Object.entries(samples).flatMap(([name, runs]) =>
      runs.map((run, index) => [`${feature}.${name} #${index + 1}`, run] as const),
    ),
  );

  it.each(cases)('%s is served by an index', async (_, run) => {
    const reads: Read[] = [];
    await run(recorder(reads));
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(planProblem(read)).toBeNull();
  });

  it('an unindexed filter is caught', () => {
    expect(planProblem({ collection: 'members', where: { name: '王芳' }, orderBy: undefined })).toMatch(
      /scans members/,
    );
    expect(planProblem({ collection: 'members', where: { status: 'active' }, orderBy: undefined })).toMatch(/scans/);
    expect(planProblem({ collection: 'orgs', where: undefined, orderBy: [['name', 'asc']] })).toMatch(/scans orgs/);
  });
});
