import type { DeclarationDoc } from '../../core/identity/documents';
import type { MemberDoc, OrgDoc, RoleDoc } from '../../core/roster/documents';
import type { RuleItem } from '../../contracts/points';
import { DECLARATION_CONSENT } from '../../contracts/consent';
import { backfilledMarker, phoneKeyDoc } from '../../core/roster/phone-keys';
import { postEntry } from '../../core/points/ledger';
import { DEFAULT_RULES } from '../../core/points/rules';
import type { ActivityKind } from '../../contracts/activity';
import type { ActivityDoc } from '../../core/activities/documents';
import { newSecret } from '../../core/activities/token';
import { defaultWindow } from '../../core/activities/window';
import type { LectureDoc } from '../../core/lectures/documents';
import type { Quiz } from '../../core/lectures/quiz';
import { readFileSync } from 'node:fs';
import { DEMO_LECTURES_DIR } from './lectures-dir';
import { join } from 'node:path';
import type { Store } from '../../core/shared/collections';

/** Demo identities offered by the H5 app's "切换演示身份" picker (demo mode only: ZHIBU_DEMO=1). */
export const DEMO_ACCOUNTS = [
  { openid: 'demo-admin', label: '党委管理员（周建国）' },
  { openid: 'demo-secretary', label: '第一党支部书记（李红梅）' },
  { openid: 'demo-member-1', label: '党员 王志强' },
  { openid: 'demo-member-2', label: '党员 陈秀英' },
  { openid: 'demo-member-3', label: '党员 刘洋' },
  { openid: 'demo-member-4', label: '党员 赵丽娟' },
  { openid: 'demo-member-5', label: '党员 孙浩然' },
  { openid: 'demo-activist', label: '入党积极分子 韩子豪' },
  { openid: 'demo-visitor', label: '未认证访客' },
] as const;

const ORGS: Array<Omit<OrgDoc, 'createdAt'>> = [
  { _id: 'org-committee', name: '示范党委', kind: 'committee', parentId: null, committeeId: 'org-committee' },
  { _id: 'org-branch-1', name: '第一党支部', kind: 'branch', parentId: 'org-committee', committeeId: 'org-committee' },
  { _id: 'org-branch-2', name: '第二党支部', kind: 'branch', parentId: 'org-committee', committeeId: 'org-committee' },
  { _id: 'org-group-1', name: '第一党小组', kind: 'group', parentId: 'org-branch-1', committeeId: 'org-committee' },
  { _id: 'org-group-2', name: '第二党小组', kind: 'group', parentId: 'org-branch-1', committeeId: 'org-committee' },
];

type Seat = [
  name: string,
  joinedAt: string,
  fullAt: string | null,
  branch: 1 | 2,
  group: 1 | 2 | null,
  openid?: string,
];

/** About 30 members; the first ones are bound to the demo identities. */
const MEMBERS: Seat[] = [
  ['李红梅', '2003-06-28', '2004-06-28', 1, null, 'demo-secretary'],
  ['王志强', '2008-07-01', '2009-07-01', 1, 1, 'demo-member-1'],
  ['陈秀英', '1986-05-20', '1987-05-20', 1, 1, 'demo-member-2'],
  ['刘洋', '2016-11-10', '2017-11-10', 1, 2, 'demo-member-3'],
  ['赵丽娟', '2012-12-18', '2013-12-18', 1, 2, 'demo-member-4'],
  ['孙浩然', '2026-06-30', null, 1, 1, 'demo-member-5'],
  ['周建国', '1998-07-01', '1999-07-01', 2, null, 'demo-admin'],
  ['吴桂兰', '1979-10-01', '1980-10-01', 1, 1],
  ['郑国强', '1995-03-15', '1996-03-15', 1, 2],
  ['冯淑珍', '1988-09-09', '1989-09-09', 1, 1],
  ['何俊杰', '2019-06-25', '2020-06-25', 1, 2],
  ['高玉兰', '1992-04-08', '1993-04-08', 1, 1],
  ['马建华', '2001-07-01', '2002-07-01', 1, 2],
  ['罗静', '2021-05-04', '2022-05-04', 1, null],
  ['梁宏伟', '2010-10-12', '2011-10-12', 1, 1],
  ['宋佳怡', '2025-12-01', null, 1, 2],
  ['郭德胜', '1983-08-01', '1984-08-01', 1, null],
  ['林晓燕', '2014-07-01', '2015-07-01', 2, null],
  ['黄志明', '2006-06-30', '2007-06-30', 2, null],
  ['谢美玲', '2018-09-20', '2019-09-20', 2, null],
  ['韩卫东', '1990-01-08', '1991-01-08', 2, null],
  ['唐雪梅', '2011-04-22', '2012-04-22', 2, null],
  ['曹永刚', '1997-11-07', '1998-11-07', 2, null],
  ['许文博', '2023-06-16', '2024-06-16', 2, null],
  ['邓春花', '1985-03-08', '1986-03-08', 2, null],
  ['彭海涛', '2007-05-27', '2008-05-27', 2, null],
  ['曾凡荣', '2000-12-26', '2001-12-26', 2, null],
  ['蒋思远', '2026-03-05', null, 2, null],
  ['沈玉珍', '1976-07-01', '1977-07-01', 1, 1],
  ['钱立新', '2004-10-15', '2005-10-15', 1, 2],
];

const phoneFor = (index: number) => `139${String(10000000 + index * 7919).slice(-8)}`;

/** Creates the demo committee on first start; does nothing when orgs exist already. */
export async function seedDemo(store: Store, now: Date = new Date()): Promise<boolean> {
  if ((await store.count('orgs')) > 0) return false;
  const at = now.toISOString();
  for (const org of ORGS) await store.create('orgs', { ...org, createdAt: at });

  for (const [index, [name, joinedAt, fullAt, branch, group, openid]] of MEMBERS.entries()) {
    const id = `member-${String(index + 1).padStart(3, '0')}`;
    await store.create('members', {
      _id: id,
      name,
      phone: phoneFor(index),
      partyStatus: fullAt ? 'full' : 'probationary',
      joinedAt,
      fullAt,
      committeeId: 'org-committee',
      branchId: `org-branch-${branch}`,
      groupId: group ? `org-group-${group}` : null,
      status: 'active',
      inactiveReason: null,
      openid: openid ?? null,
      externalOrg: null,
      history: [{ at, action: 'created', note: '演示数据' }],
      createdAt: at,
      updatedAt: at,
    });
    await store.create('phoneKeys', phoneKeyDoc({ _id: id, committeeId: 'org-committee', phone: phoneFor(index) }, at));
    if (openid) await store.create('bindings', { _id: openid, memberId: id, at });
  }
  await store.create('phoneKeys', backfilledMarker(at));

  const roles: Array<[string, string, RoleDoc['role']]> = [
    ['demo-admin', 'org-committee', 'admin'],
    ['demo-secretary', 'org-branch-1', 'secretary'],
    ['demo-member-1', 'org-branch-1', 'officer'],
  ];
  for (const [openid, orgId, role] of roles)
    await store.create('roles', {
      _id: `${openid}:${orgId}:${role}`,
      openid,
      orgId,
      role,
      grantedBy: 'seed',
      at,
    });

  // Pending declarations: one matches an unbound roster entry, one is new, one is a 流动党员.
  const pending: Array<
    Omit<DeclarationDoc, 'status' | 'reason' | 'memberId' | 'reviewedBy' | 'reviewedAt' | 'createdAt'>
  > = [
    {
      _id: 'decl-demo-1',
      openid: 'demo-applicant-1',
      name: '吴桂兰',
      phone: phoneFor(7),
      partyStatus: 'full',
      joinedAt: '1979-10-01',
      fullAt: '1980-10-01',
      orgId: 'org-group-1',
      branchId: 'org-branch-1',
      committeeId: 'org-committee',
      externalOrg: null,
    },
    {
      _id: 'decl-demo-2',
      openid: 'demo-applicant-2',
      name: '杨帆',
      phone: '13712345678',
      partyStatus: 'probationary',
      joinedAt: '2026-05-12',
      fullAt: null,
      orgId: 'org-branch-1',
      branchId: 'org-branch-1',
      committeeId: 'org-committee',
      externalOrg: null,
    },
    {
      _id: 'decl-demo-3',
      openid: 'demo-applicant-3',
      name: '朱卫国',
      phone: '13698765432',
      partyStatus: 'full',
      joinedAt: '2005-07-01',
      fullAt: '2006-07-01',
      orgId: null,
      branchId: null,
      committeeId: null,
      externalOrg: '江苏省南通市通州区某建筑公司党支部',
    },
  ];
  for (const [i, decl] of pending.entries()) {
    const createdAt = new Date(now.getTime() - (3 - i) * 3600_000).toISOString();
    await store.create('declarations', {
      ...decl,
      status: 'pending',
      reason: null,
      memberId: null,
      reviewedBy: null,
      reviewedAt: null,
      createdAt,
      consent: { version: DECLARATION_CONSENT.version, at: createdAt },
    });
    await store.create('openDeclarations', { _id: decl.openid, declarationId: decl._id });
  }
  await store.update('members', 'member-029', { $set: { exemptReason: '年老体弱，行动不便' } });
  await seedPoints(store, now);
  await seedActivities(store, now);
  await seedLectures(store, now);
  return true;
}

/**
 * A points history for 第一党支部, posted through the ledger like any award: 亮身份 for the bound
 * members, organisational life over the last months, a volunteering bonus and one deduction.
 */
async function seedPoints(store: Store, now: Date): Promise<void> {
  const members = await store.query('members', { where: { branchId: 'org-branch-1' }, limit: 100 });
  const rule = (code: string) => DEFAULT_RULES.find((r) => r.code === code) as RuleItem;
  const post = (id: string, member: MemberDoc, code: string, reason: string, daysAgo: number) =>
    store.transaction((tx) =>
      postEntry(tx, {
        id,
        member,
        rule: rule(code),
        reason,
        source: 'seed',
        recordedBy: 'seed',
        at: new Date(now.getTime() - daysAgo * 86400_000),
      }),
    );
  for (const [i, member] of members.entries()) {
    if (member.openid) await post(`declaration:${member._id}`, member, 'declaration', '亮身份审核通过', 30 - i);
    for (const [m, daysAgo] of [40, 12, 3].entries())
      if ((i + m) % 4 !== 0)
        await post(`seed:org_life:${m}:${member._id}`, member, 'org_life', '参加主题党日活动', daysAgo);
    if (i % 3 === 0) await post(`seed:volunteer:${member._id}`, member, 'volunteer', '社区志愿服务', 8);
  }
  const late = members.find((m) => m._id === 'member-005');
  if (late) await post('seed:shirk:member-005', late, 'shirk', '未按时完成支部交办的宣传任务', 5);
}

const MINUTE = 60_000;

/**
 * 第一党支部's activities: one held twelve days ago and closed (its sign-ins are the seeded
 * 组织生活 entries; the others were on approved leave), one whose sign-in is open now, and two
 * upcoming (a volunteer day with a place, a group meeting). demo-member-1 … 5 are ordinary
 * expected attendees of all branch-wide ones.
 */
async function seedActivities(store: Store, now: Date): Promise<void> {
  const members = await store.query('members', {
    where: { branchId: 'org-branch-1', status: 'active' },
    orderBy: [['name', 'asc']],
    limit: 100,
  });
  const attendees = members.map((m) => ({ id: m._id, name: m.name, exempt: m.exemptReason ?? null }));
  const at = now.toISOString();
  const make = (
    id: string,
    kind: ActivityKind,
    title: string,
    startInMin: number,
    lengthMin: number,
    extra: Partial<ActivityDoc> = {},
  ): ActivityDoc => {
    const start = new Date(now.getTime() + startInMin * MINUTE);
    return {
      _id: id,
      orgId: 'org-branch-1',
      branchId: 'org-branch-1',
      committeeId: 'org-committee',
      kind,
      title,
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + lengthMin * MINUTE).toISOString(),
      ...defaultWindow(start),
      graceMinutes: 5,
      place: null,
      notes: '',
      attendees,
      secret: newSecret(),
      status: 'active',
      cancelReason: null,
      closedAt: null,
      closeSummary: null,
      createdBy: 'demo-secretary',
      createdAt: at,
      updatedAt: at,
      ...extra,
    };
  };

  const past = make('act-demo-past', 'theme_day', '学习贯彻全会精神主题党日', -12 * 24 * 60, 120);
  const ledger = await store.query('ledger', {
    where: { branchId: 'org-branch-1' },
    limit: 1000,
  });
  const attended = new Map(ledger.filter((e) => e._id.startsWith('seed:org_life:1:')).map((e) => [e.memberId, e]));
  let present = 0;
  for (const member of members) {
    const entry = attended.get(member._id);
    if (!entry) {
      await store.create('leaves', {
        _id: `${past._id}:${member._id}`,
        activityId: past._id,
        activityTitle: past.title,
        activityStartAt: past.startAt,
        branchId: 'org-branch-1',
        committeeId: 'org-committee',
        memberId: member._id,
        name: member.name,
        reason: '外出学习培训',
        status: 'approved',
        note: null,
        at: past.signInFrom,
        reviewedBy: 'demo-secretary',
        reviewedAt: past.signInFrom,
      });
    } else present += 1;
    await store.create('attendance', {
      _id: `${past._id}:${member._id}`,
      activityId: past._id,
      memberId: member._id,
      name: member.name,
      branchId: 'org-branch-1',
      status: entry ? 'present' : 'leave',
      at: entry ? entry.at : past.endAt,
      method: entry ? 'self' : 'close',
      note: entry ? null : '外出学习培训',
      entryId: entry?._id ?? null,
      points: entry?.value ?? 0,
      round: entry ? 1 : 0,
    });
  }
  await store.create('activities', {
    ...past,
    status: 'closed',
    closedAt: past.endAt,
    closeSummary: { present, late: 0, leave: members.length - present, exempt: 0, absent: 0 },
  });
  await store.create('activities', make('act-demo-now', 'party_congress', '第四季度支部党员大会', 10, 90));
  await store.create(
    'activities',
    make('act-demo-volunteer', 'volunteer', '社区环境整治志愿服务', 3 * 24 * 60, 180, {
      place: { name: '幸福里社区党群服务中心', lat: 31.2304, lng: 121.4737, radius: 300 },
      notes: '请穿着志愿者马甲，自带水杯。',
    }),
  );
  const group = members.filter((m) => m.groupId === 'org-group-1');
  await store.create(
    'activities',
    make('act-demo-group', 'group_meeting', '第一党小组学习会', 5 * 24 * 60, 60, {
      orgId: 'org-group-1',
      attendees: group.map((m) => ({ id: m._id, name: m.name, exempt: m.exemptReason ?? null })),
    }),
  );
}

interface CatalogueItem {
  id: string;
  file: string;
  cover: string;
  title: string;
  speaker: string;
  kind: LectureDoc['kind'];
  durationS: number;
  summary: string;
  tags: string[];
  quiz?: Quiz;
}

/**
 * The demo lectures (short videos made by scripts/make-demo-videos.sh, served by the host under
 * /media/demo/), published to the whole committee; demo-member-1 is part-way through one.
 */
async function seedLectures(store: Store, now: Date): Promise<void> {
  if (!DEMO_LECTURES_DIR) return;
  const catalogue = JSON.parse(readFileSync(join(DEMO_LECTURES_DIR, 'catalogue.json'), 'utf8')) as {
    items: CatalogueItem[];
  };
  for (const [index, item] of catalogue.items.entries()) {
    const at = new Date(now.getTime() - (catalogue.items.length - index) * 86400_000).toISOString();
    await store.create('lectures', {
      _id: item.id,
      title: item.title,
      speaker: item.speaker,
      kind: item.kind,
      durationS: item.durationS,
      videoSrc: `/media/demo/${item.file}`,
      coverSrc: `/media/demo/${item.cover}`,
      summary: item.summary,
      tags: item.tags,
      orgIds: ['org-committee'],
      committeeId: 'org-committee',
      quiz: item.quiz ?? null,
      published: true,
      createdBy: 'demo-admin',
      createdAt: at,
      updatedAt: at,
    });
  }
  const watched = catalogue.items.find((item) => item.id === 'lecture-3');
  if (!watched) return;
  const yesterday = new Date(now.getTime() - 86400_000).toISOString();
  await store.create('lectureProgress', {
    _id: `${watched.id}:member-002`,
    lectureId: watched.id,
    memberId: 'member-002',
    name: '王志强',
    branchId: 'org-branch-1',
    groupId: 'org-group-1',
    committeeId: 'org-committee',
    state: {
      intervals: [[0, 30]],
      coveredS: 30,
      position: 30,
      furthest: 30,
      lastBeat: { at: Date.parse(yesterday), position: 30, session: 'seed', playing: false },
      completedAt: null,
      rev: 3,
    },
    quiz: null,
    doneAt: null,
    points: null,
    startedAt: yesterday,
    watchedAt: yesterday,
  });
}
