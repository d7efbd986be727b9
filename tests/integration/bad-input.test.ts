import type { FunctionName } from '../../contracts';
import { DEFAULT_DEVELOP_RULES, DEFAULT_DEVELOP_STEPS } from '../../contracts/develop';
import { actionsOf, allActions, functionNames } from '../../core/functions';
import { createHarness, type Harness } from '../support/harness';
import { documentCounts } from './support';
import { ADMIN, MEMBER, SECRETARY, VISITOR } from '../support/demo';

/**
 * Bad input at the door, for every action of every function the runtime registry (core/functions.ts)
 * lists: malformed payloads are refused with INVALID_INPUT naming the field and change nothing; a
 * malformed envelope or an unknown action is refused by every function; without a signed-in caller
 * every action is UNAUTHENTICATED. A new action fails here until MALFORMED has a case for it and
 * VALID a well-formed payload.
 */

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const validDeclaration = {
  name: '张卫东',
  phone: '13800138000',
  partyStatus: 'full',
  joinedAt: '2015-07-01',
  fullAt: '2016-07-01',
  orgId: 'org-branch-1',
  consent: true,
};
const validSetup = { code: 'setup-code-1', committeeName: '示范街道党委', name: '周建国', phone: '13900000001' };
const validMember = {
  orgId: 'org-branch-1',
  name: '欧阳明',
  phone: '13600001111',
  partyStatus: 'full',
  joinedAt: '2018-07-01',
  fullAt: '2019-07-01',
};
const validActivity = {
  orgId: 'org-branch-1',
  kind: 'theme_day',
  title: '重温入党誓词主题党日',
  startAt: '2026-11-25T06:00:00.000Z',
  endAt: '2026-11-25T08:00:00.000Z',
};
const validLecture = {
  title: '学习新党章',
  speaker: '王建华 教授',
  kind: 'micro_lecture',
  durationS: 60,
  video: 'mem:1',
  summary: '讲解党章的修改要点。',
  orgIds: ['org-branch-1'],
};
const validRecord = {
  id: 'act-demo-past',
  host: '李红梅',
  recorder: '王志强',
  topics: '学习贯彻全会精神',
  summary: '书记领学，党员交流体会。',
};
const without = (obj: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));

/** A well-formed payload for every action (the caller is irrelevant: validation comes first). */
const VALID: Record<FunctionName, Record<string, unknown>> = {
  identity: {
    me: undefined,
    declare: validDeclaration,
    withdraw: undefined,
    listDeclarations: undefined,
    review: { id: 'decl-demo-2', decision: 'approve' },
    card: undefined,
    consentNotice: undefined,
    myData: undefined,
  },
  roster: {
    tree: undefined,
    exportMyData: undefined,
    listMembers: { orgId: 'org-branch-1' },
    getMember: { id: 'member-008' },
    createMember: validMember,
    updateMember: { id: 'member-008', name: '吴桂芝' },
    deactivateMember: { id: 'member-008', reason: '其他' },
    transferMember: { id: 'member-008', toOrgId: 'org-group-2' },
    importTemplate: undefined,
    previewImport: { orgId: 'org-branch-1', fileID: 'mem:1' },
    importMembers: { orgId: 'org-branch-1', fileID: 'mem:1' },
    exportMembers: { orgId: 'org-branch-1' },
    createOrg: { parentId: 'org-branch-1', name: '第三党小组', kind: 'group' },
    renameOrg: { id: 'org-group-1', name: '一组' },
    moveOrg: { id: 'org-group-2', parentId: 'org-branch-2' },
    archiveOrg: { id: 'org-group-2' },
    inviteCode: { orgId: 'org-branch-1' },
    listRoles: { orgId: 'org-branch-1' },
    grantRole: { orgId: 'org-branch-1', memberId: 'member-003', role: 'officer' },
    revokeRole: { orgId: 'org-branch-1', memberId: 'member-002', role: 'officer' },
    auditLog: undefined,
    setupStatus: undefined,
    setup: validSetup,
    overview: { orgId: 'org-committee', period: 'month' },
    ratingProposals: { committeeId: 'org-committee', year: 2026 },
    decideRating: { orgId: 'org-branch-1', year: 2026, stars: 4, reason: '三会一课坚持较好' },
    ratings: { orgId: 'org-branch-1' },
    setRatingCriteria: {
      committeeId: 'org-committee',
      weights: { cadence: 40, attendance: 25, study: 20, declared: 15 },
      thresholds: [90, 80, 70, 60],
      postingDays: 7,
    },
    importEmployers: { committeeId: 'org-committee', fileID: 'mem:1' },
    employers: { committeeId: 'org-committee' },
    fileEmployer: { committeeId: 'org-committee', employer: '示范科技有限公司', list: 'priority' },
    exportEmployers: { committeeId: 'org-committee' },
  },
  points: {
    rules: undefined,
    record: { memberIds: ['member-008'], rule: 'shirk', reason: '会议记录未按时提交' },
    reverse: { entryId: 'declaration:member-002', reason: '录入错误' },
    mine: undefined,
    ranking: { orgId: 'org-branch-1', period: 'month' },
    entries: { orgId: 'org-branch-1' },
    export: { orgId: 'org-branch-1', period: 'month' },
    branchRanking: { period: 'quarter' },
    verify: undefined,
    rebuild: undefined,
    object: { entryId: 'declaration:member-003', reason: '我没有收到这项加分' },
    objections: { orgId: 'org-branch-1' },
    resolveObjection: { id: 'objection:declaration:member-003', decision: 'dismiss', reason: '记录无误' },
    updateRules: { settings: { rankingVisibility: 'self' } },
    selfAwards: { page: 1, pageSize: 20 },
  },
  activity: {
    create: validActivity,
    update: { id: 'act-demo-volunteer', title: '社区志愿服务' },
    cancel: { id: 'act-demo-group', reason: '与其他会议冲突' },
    list: { orgId: 'org-branch-1' },
    mine: undefined,
    get: { id: 'act-demo-now' },
    code: { id: 'act-demo-now' },
    checkin: { token: 'act-demo-now.1.AAAAAAAAAAAAAAAAAAAAAA' },
    scanMember: { id: 'act-demo-now', token: 'm.member-003.1.AAAAAAAAAAAAAAAAAAAAAA' },
    manualCheckin: { id: 'act-demo-now', memberId: 'member-003', reason: '现场签到时手机没电' },
    undoCheckin: { id: 'act-demo-now', memberId: 'member-003', reason: '误签' },
    requestLeave: { id: 'act-demo-now', reason: '出差在外地' },
    withdrawLeave: { id: 'act-demo-now' },
    reviewLeave: { id: 'act-demo-now', memberId: 'member-003', decision: 'approve' },
    leaves: { orgId: 'org-branch-1' },
    close: { id: 'act-demo-past' },
    closePreview: { id: 'act-demo-now' },
    attendance: { id: 'act-demo-now' },
    live: { id: 'act-demo-now' },
    remind: { id: 'act-demo-now' },
    exportAttendance: { id: 'act-demo-past' },
    exportPeriod: { orgId: 'org-branch-1', period: 'month' },
    cadence: { orgId: 'org-branch-1' },
    record: { id: 'act-demo-past' },
    saveRecord: validRecord,
    exportRecord: { id: 'act-demo-past' },
    myCode: undefined,
    closeDue: undefined,
  },
  lecture: {
    list: undefined,
    get: { id: 'lecture-2' },
    heartbeat: { id: 'lecture-2', position: 10, playing: true },
    submitQuiz: { id: 'lecture-1', answers: { q1: 'A', q3: ['A', 'B'] } },
    stats: { id: 'lecture-2', orgId: 'org-branch-1' },
    exportStats: { id: 'lecture-2', orgId: 'org-branch-1' },
    memberStats: { orgId: 'org-branch-1' },
    remind: { id: 'lecture-1', orgId: 'org-branch-1' },
    manage: { orgId: 'org-branch-1' },
    create: validLecture,
    setPublished: { id: 'lecture-2', published: false },
  },
  develop: {
    start: { orgId: 'org-branch-1', name: '林晓东', appliedAt: '2024-03-01' },
    recordStep: { id: 'candidate-1', step: 'talk', at: '2024-03-20' },
    get: { id: 'candidate-1' },
    close: { id: 'candidate-1', reason: '本人撤回入党申请' },
    board: { orgId: 'org-branch-1' },
    pipeline: { committeeId: 'org-committee' },
    exportPipeline: { committeeId: 'org-committee' },
    extendProbation: { id: 'candidate-1', months: 6, at: '2026-06-10', note: '支部大会决定延长' },
    config: { orgId: 'org-branch-1' },
    setSteps: { committeeId: 'org-committee', config: { steps: DEFAULT_DEVELOP_STEPS, rules: DEFAULT_DEVELOP_RULES } },
  },
  tasks: {
    create: { title: '报送组织生活会方案', dueAt: '2026-11-30', orgIds: ['org-branch-1'] },
    complete: { id: 'task-1', orgId: 'org-branch-1', note: '已报送' },
    board: { committeeId: 'org-committee' },
    exportBoard: { committeeId: 'org-committee' },
    mine: { orgId: 'org-branch-1' },
  },
  notice: {
    list: undefined,
    read: undefined,
    templates: undefined,
    subscribe: { templateIds: ['tmpl-activity'] },
  },
};

/** Every action of every function, from the runtime registry (core/functions.ts). */
const ALL_ACTIONS = allActions();
const record = { memberIds: ['member-008'], rule: 'shirk', reason: '会议记录未按时提交' };

type Case = [fn: FunctionName, action: string, openid: string, data: unknown, field: string];

/** For every action, payloads that must be refused with INVALID_INPUT naming `field`. */
const MALFORMED: Case[] = [
  // identity.me / withdraw / card take nothing
  ['identity', 'me', VISITOR, { extra: 1 }, 'extra'],
  ['identity', 'me', VISITOR, 'me', 'data'],
  ['identity', 'me', VISITOR, [], 'data'],
  ['identity', 'withdraw', VISITOR, { id: 'decl-demo-1' }, 'id'],
  ['identity', 'card', VISITOR, { openid: 'demo-member-2' }, 'openid'],
  ['identity', 'consentNotice', VISITOR, { version: 'old' }, 'version'],
  ['identity', 'myData', 'demo-member-2', { memberId: 'member-004' }, 'memberId'],
  ['roster', 'exportMyData', 'demo-member-2', { openid: 'demo-member-3' }, 'openid'],
  // identity.declare
  ['identity', 'declare', VISITOR, undefined, 'data'],
  ['identity', 'declare', VISITOR, without(validDeclaration, 'name'), 'name'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, name: 123 }, 'name'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, employer: '单'.repeat(51) }, 'employer'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, employer: 12 }, 'employer'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, name: '张' }, 'name'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, name: '张3' }, 'name'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, name: '<script>' }, 'name'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, phone: '1380013800' }, 'phone'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, phone: '23800138000' }, 'phone'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, phone: '138-0013-8000' }, 'phone'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, phone: 13800138000 }, 'phone'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, partyStatus: 'member' }, 'partyStatus'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, joinedAt: '2026-02-30' }, 'joinedAt'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, joinedAt: '2015/7/1' }, 'joinedAt'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, joinedAt: '2015-13-01' }, 'joinedAt'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, fullAt: '2023-02-29' }, 'fullAt'],
  ['identity', 'declare', VISITOR, without(validDeclaration, 'fullAt'), 'fullAt'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, partyStatus: 'probationary' }, 'fullAt'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, fullAt: '2014-07-01' }, 'fullAt'],
  ['identity', 'declare', VISITOR, without(validDeclaration, 'joinedAt'), 'joinedAt'],
  // Someone on the way to membership: no 入党日期 or 转正日期, and a branch (not 流动党员).
  ['identity', 'declare', VISITOR, { ...without(validDeclaration, 'fullAt'), partyStatus: 'applicant' }, 'joinedAt'],
  [
    'identity',
    'declare',
    VISITOR,
    { ...without(without(validDeclaration, 'joinedAt'), 'orgId'), partyStatus: 'activist', externalOrg: '某某街道' },
    'fullAt',
  ],
  [
    'identity',
    'declare',
    VISITOR,
    {
      ...without(without(without(validDeclaration, 'joinedAt'), 'fullAt'), 'orgId'),
      partyStatus: 'candidate',
      externalOrg: '某某街道',
    },
    'orgId',
  ],
  ['identity', 'declare', VISITOR, without(validDeclaration, 'orgId'), 'orgId'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, orgId: '' }, 'orgId'],
  ['identity', 'declare', VISITOR, { ...without(validDeclaration, 'orgId'), externalOrg: '某' }, 'externalOrg'],
  ['identity', 'declare', VISITOR, { ...validDeclaration, openid: 'demo-member-2' }, 'openid'],
  // identity.listDeclarations
  ['identity', 'listDeclarations', SECRETARY, { status: 'done' }, 'status'],
  ['identity', 'listDeclarations', SECRETARY, { orgId: 5 }, 'orgId'],
  ['identity', 'listDeclarations', SECRETARY, { page: 1 }, 'page'],
  // identity.review
  ['identity', 'review', SECRETARY, { decision: 'approve' }, 'id'],
  ['identity', 'review', SECRETARY, { id: 'x'.repeat(65), decision: 'approve' }, 'id'],
  ['identity', 'review', SECRETARY, { id: 'decl-demo-2', decision: 'ok' }, 'decision'],
  ['identity', 'review', SECRETARY, { id: 'decl-demo-2', decision: 'reject' }, 'reason'],
  ['identity', 'review', SECRETARY, { id: 'decl-demo-2', decision: 'reject', reason: '长'.repeat(201) }, 'reason'],
  ['identity', 'review', SECRETARY, { id: 'decl-demo-2', decision: 'approve', memberId: 7 }, 'memberId'],
  ['identity', 'review', SECRETARY, { id: 'decl-demo-2', decision: 'approve', status: 'approved' }, 'status'],
  // roster.tree / importTemplate take nothing
  ['roster', 'tree', VISITOR, { depth: 2 }, 'depth'],
  ['roster', 'tree', VISITOR, { counts: 1 }, 'counts'],
  ['roster', 'importTemplate', SECRETARY, { format: 'csv' }, 'format'],
  // roster.listMembers
  ['roster', 'listMembers', SECRETARY, {}, 'orgId'],
  ['roster', 'listMembers', SECRETARY, undefined, 'data'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', page: 0 }, 'page'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', page: 1.5 }, 'page'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', page: '2' }, 'page'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', pageSize: 101 }, 'pageSize'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', status: 'deleted' }, 'status'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', query: '长'.repeat(21) }, 'query'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', sort: 'phone' }, 'sort'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', category: '优秀党员' }, 'category'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', category: ['老党员'] }, 'category'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', statuses: [] }, 'statuses'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', statuses: 'candidate' }, 'statuses'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', statuses: ['full', 'member'] }, 'statuses.1'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', statuses: ['activist', 'activist'] }, 'statuses'],
  ['roster', 'listMembers', SECRETARY, { orgId: 'org-branch-1', countStatuses: 'yes' }, 'countStatuses'],
  // roster.getMember
  ['roster', 'getMember', SECRETARY, {}, 'id'],
  ['roster', 'getMember', SECRETARY, { id: '   ' }, 'id'],
  ['roster', 'getMember', SECRETARY, { id: 8 }, 'id'],
  // roster.createMember
  ['roster', 'createMember', SECRETARY, without(validMember, 'orgId'), 'orgId'],
  ['roster', 'createMember', SECRETARY, { ...validMember, phone: '12345678901' }, 'phone'],
  ['roster', 'createMember', SECRETARY, { ...validMember, phone: '+8613600001111' }, 'phone'],
  ['roster', 'createMember', SECRETARY, { ...validMember, landline: '12345' }, 'landline'],
  ['roster', 'createMember', SECRETARY, { ...validMember, landline: 'x'.repeat(5000) }, 'landline'],
  ['roster', 'createMember', SECRETARY, { ...validMember, phone: '' }, 'phone'],
  ['roster', 'createMember', SECRETARY, { ...validMember, joinedAt: '2026-02-30' }, 'joinedAt'],
  ['roster', 'createMember', SECRETARY, { ...validMember, fullAt: '2019-7-1' }, 'fullAt'],
  ['roster', 'createMember', SECRETARY, without(validMember, 'partyStatus'), 'partyStatus'],
  ['roster', 'createMember', SECRETARY, { ...validMember, fullAt: null }, 'fullAt'],
  ['roster', 'createMember', SECRETARY, { ...validMember, partyStatus: 'probationary' }, 'fullAt'],
  ['roster', 'createMember', SECRETARY, { ...validMember, fullAt: '2017-07-01' }, 'fullAt'],
  ['roster', 'createMember', SECRETARY, { ...validMember, status: 'inactive' }, 'status'],
  ['roster', 'createMember', SECRETARY, { ...validMember, openid: 'demo-visitor' }, 'openid'],
  ['roster', 'createMember', SECRETARY, { ...validMember, gender: 'M' }, 'gender'],
  ['roster', 'createMember', SECRETARY, { ...validMember, birthDate: '1990-02-30' }, 'birthDate'],
  ['roster', 'createMember', SECRETARY, { ...validMember, birthDate: '2027-01-01' }, 'birthDate'],
  ['roster', 'createMember', SECRETARY, { ...validMember, birthDate: '2001-07-02' }, 'birthDate'],
  ['roster', 'createMember', SECRETARY, { ...validMember, ethnicity: '汉' }, 'ethnicity'],
  ['roster', 'createMember', SECRETARY, { ...validMember, education: '博士' }, 'education'],
  ['roster', 'createMember', SECRETARY, { ...validMember, workUnit: '长'.repeat(61) }, 'workUnit'],
  ['roster', 'createMember', SECRETARY, { ...validMember, categories: ['老党员', '其他'] }, 'categories.1'],
  ['roster', 'createMember', SECRETARY, { ...validMember, idNumber: '110101199001011234' }, 'idNumber'],
  // roster.updateMember
  ['roster', 'updateMember', SECRETARY, { name: '吴桂芝' }, 'id'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', phone: '1360000111' }, 'phone'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', joinedAt: '2026-02-30' }, 'joinedAt'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', fullAt: '1970-01-01' }, 'fullAt'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', groupId: 5 }, 'groupId'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', name: '' }, 'name'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', status: 'inactive' }, 'status'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', orgId: 'org-branch-2' }, 'orgId'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', gender: '' }, 'gender'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', birthDate: 19900101 }, 'birthDate'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', ethnicity: ['汉族'] }, 'ethnicity'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', education: 3 }, 'education'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', workUnit: { name: '社区' } }, 'workUnit'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', categories: '老党员' }, 'categories'],
  ['roster', 'updateMember', SECRETARY, { id: 'member-008', categories: ['老党员', '老党员'] }, 'categories'],
  // roster.deactivateMember
  ['roster', 'deactivateMember', SECRETARY, { id: 'member-008' }, 'reason'],
  ['roster', 'deactivateMember', SECRETARY, { id: 'member-008', reason: '开除' }, 'reason'],
  ['roster', 'deactivateMember', SECRETARY, { id: 'member-008', reason: '其他', note: '长'.repeat(201) }, 'note'],
  // roster.transferMember
  ['roster', 'transferMember', SECRETARY, { id: 'member-008' }, 'toOrgId'],
  ['roster', 'transferMember', SECRETARY, { id: 'member-008', toOrgId: ['org-group-2'] }, 'toOrgId'],
  ['roster', 'transferMember', ADMIN, { id: 'member-008', toOrgId: 'org-committee' }, 'toOrgId'],
  // roster.importMembers
  ['roster', 'importMembers', SECRETARY, { orgId: 'org-branch-1' }, 'fileID'],
  ['roster', 'importMembers', SECRETARY, { orgId: 'org-branch-1', fileID: '' }, 'fileID'],
  ['roster', 'importMembers', SECRETARY, { orgId: 'org-branch-1', fileID: 123 }, 'fileID'],
  ['roster', 'importMembers', SECRETARY, { fileID: 'mem:1' }, 'orgId'],
  ['roster', 'importMembers', SECRETARY, { orgId: 'org-branch-1', fileID: 'mem:1', skipInvalid: 'yes' }, 'skipInvalid'],
  ['roster', 'importMembers', SECRETARY, { orgId: 'org-branch-1', fileID: 'mem:1', previewId: '' }, 'previewId'],
  [
    'roster',
    'importMembers',
    SECRETARY,
    { orgId: 'org-branch-1', fileID: 'mem:1', previewId: 'x'.repeat(5000) },
    'previewId',
  ],
  // roster.previewImport
  ['roster', 'previewImport', SECRETARY, { orgId: 'org-branch-1' }, 'fileID'],
  ['roster', 'previewImport', SECRETARY, { fileID: 'mem:1' }, 'orgId'],
  ['roster', 'previewImport', SECRETARY, { orgId: 'org-branch-1', fileID: 'mem:1', commit: true }, 'commit'],
  // roster.exportMembers
  ['roster', 'exportMembers', SECRETARY, {}, 'orgId'],
  ['roster', 'exportMembers', SECRETARY, { orgId: null }, 'orgId'],
  ['roster', 'exportMembers', SECRETARY, { orgId: 'org-branch-1', format: 'csv' }, 'format'],
  ['roster', 'exportMembers', SECRETARY, { orgId: 'org-branch-1', statuses: [] }, 'statuses'],
  ['roster', 'exportMembers', SECRETARY, { orgId: 'org-branch-1', statuses: ['正式党员'] }, 'statuses.0'],
  ['roster', 'exportMembers', SECRETARY, { orgId: 'org-branch-1', statuses: ['full', 'full'] }, 'statuses'],
  // roster.createOrg
  ['roster', 'createOrg', ADMIN, { parentId: 'org-committee', name: '第三党委', kind: 'committee' }, 'kind'],
  ['roster', 'createOrg', ADMIN, { parentId: 'org-branch-1', name: '组', kind: 'group' }, 'name'],
  ['roster', 'createOrg', ADMIN, { name: '第三党小组', kind: 'group' }, 'parentId'],
  ['roster', 'createOrg', ADMIN, { parentId: 'org-branch-1', name: '第三党小组', kind: 'group', id: 'x' }, 'id'],
  // roster.renameOrg
  ['roster', 'renameOrg', ADMIN, { id: 'org-group-1', name: '长'.repeat(41) }, 'name'],
  ['roster', 'renameOrg', ADMIN, { name: '一组' }, 'id'],
  // roster.moveOrg / archiveOrg
  ['roster', 'moveOrg', ADMIN, { id: 'org-group-2' }, 'parentId'],
  ['roster', 'moveOrg', ADMIN, { id: 'org-group-2', parentId: 'org-branch-2', name: '二组' }, 'name'],
  ['roster', 'moveOrg', ADMIN, { id: 'org-branch-1', parentId: 'org-branch-2' }, 'id'],
  ['roster', 'moveOrg', ADMIN, { id: 'org-group-2', parentId: 'org-group-1' }, 'parentId'],
  ['roster', 'archiveOrg', ADMIN, {}, 'id'],
  ['roster', 'archiveOrg', ADMIN, { id: 'org-group-2', force: true }, 'force'],
  ['roster', 'archiveOrg', ADMIN, { id: 'org-committee' }, 'id'],
  ['roster', 'inviteCode', ADMIN, {}, 'orgId'],
  ['roster', 'inviteCode', ADMIN, { orgId: 'org-branch-1', page: 'pages/index/index' }, 'page'],
  ['roster', 'inviteCode', ADMIN, { orgId: 'org-group-1' }, 'orgId'],
  // roster.listRoles
  ['roster', 'listRoles', ADMIN, {}, 'orgId'],
  // roster.grantRole / revokeRole
  ['roster', 'grantRole', ADMIN, { orgId: 'org-branch-1', memberId: 'member-003', role: 'king' }, 'role'],
  ['roster', 'grantRole', ADMIN, { orgId: 'org-branch-1', role: 'officer' }, 'memberId'],
  [
    'roster',
    'grantRole',
    ADMIN,
    { orgId: 'org-branch-1', memberId: 'member-003', role: 'officer', openid: 'x' },
    'openid',
  ],
  ['roster', 'revokeRole', ADMIN, { orgId: 'org-branch-1', memberId: 'member-002' }, 'role'],
  // roster.auditLog
  ['roster', 'auditLog', ADMIN, { pageSize: 0 }, 'pageSize'],
  ['roster', 'auditLog', ADMIN, { page: -1 }, 'page'],
  ['roster', 'auditLog', ADMIN, { actor: 'demo-secretary' }, 'actor'],
  ['roster', 'auditLog', ADMIN, { action: 'role grant' }, 'action'],
  ['roster', 'auditLog', ADMIN, { from: '2026/12/01' }, 'from'],
  ['roster', 'auditLog', ADMIN, { from: '2026-12-02', to: '2026-12-01' }, 'to'],
  // roster.overview
  ['roster', 'overview', ADMIN, { orgId: 'org-committee' }, 'period'],
  ['roster', 'overview', ADMIN, { orgId: 'org-committee', period: 'week' }, 'period'],
  ['roster', 'overview', ADMIN, { orgId: 'org-committee', period: 'month', date: '2026-02-30' }, 'date'],
  ['roster', 'overview', ADMIN, { orgId: 'org-group-1', period: 'month' }, 'orgId'],
  // roster: 评星定级
  ['roster', 'ratingProposals', ADMIN, { committeeId: 'org-committee', year: 26 }, 'year'],
  ['roster', 'ratingProposals', ADMIN, { committeeId: 'org-committee', year: 2099 }, 'year'],
  ['roster', 'decideRating', ADMIN, { orgId: 'org-branch-1', year: 2026, stars: 0, reason: '理由充分' }, 'stars'],
  ['roster', 'decideRating', ADMIN, { orgId: 'org-branch-1', year: 2026, stars: 3.5, reason: '理由充分' }, 'stars'],
  ['roster', 'decideRating', ADMIN, { orgId: 'org-branch-1', year: 2026, stars: 3, reason: ' ' }, 'reason'],
  ['roster', 'decideRating', ADMIN, { orgId: 'org-group-1', year: 2026, stars: 3, reason: '理由充分' }, 'orgId'],
  ['roster', 'ratings', ADMIN, { orgId: 'org-committee' }, 'orgId'],
  [
    'roster',
    'setRatingCriteria',
    ADMIN,
    {
      committeeId: 'org-committee',
      weights: { cadence: 40, attendance: 25, study: 20, declared: 16 },
      thresholds: [90, 80, 70, 60],
      postingDays: 7,
    },
    'weights',
  ],
  [
    'roster',
    'setRatingCriteria',
    ADMIN,
    {
      committeeId: 'org-committee',
      weights: { cadence: 40, attendance: 25, study: 20, declared: 15 },
      thresholds: [90, 60, 70, 50],
      postingDays: 7,
    },
    'thresholds',
  ],
  [
    'roster',
    'setRatingCriteria',
    ADMIN,
    {
      committeeId: 'org-committee',
      weights: { cadence: 40, attendance: 25, study: 20, declared: 15 },
      thresholds: [90, 80, 70, 60],
      postingDays: 0,
    },
    'postingDays',
  ],
  // roster: 两新组织
  ['roster', 'importEmployers', ADMIN, { committeeId: 'org-committee' }, 'fileID'],
  ['roster', 'importEmployers', ADMIN, { fileID: 'mem:1' }, 'committeeId'],
  ['roster', 'employers', ADMIN, {}, 'committeeId'],
  ['roster', 'employers', ADMIN, { committeeId: 'org-committee', all: true }, 'all'],
  ['roster', 'fileEmployer', ADMIN, { committeeId: 'org-committee', employer: ' ' }, 'employer'],
  ['roster', 'fileEmployer', ADMIN, { committeeId: 'org-committee', employer: '示'.repeat(51) }, 'employer'],
  ['roster', 'fileEmployer', ADMIN, { committeeId: 'org-committee', employer: '甲公司', list: 'urgent' }, 'list'],
  [
    'roster',
    'fileEmployer',
    ADMIN,
    { committeeId: 'org-committee', employer: '甲公司', hasOrganisation: '是' },
    'hasOrganisation',
  ],
  [
    'roster',
    'fileEmployer',
    ADMIN,
    { committeeId: 'org-committee', employer: '甲公司', note: '注'.repeat(201) },
    'note',
  ],
  ['roster', 'exportEmployers', ADMIN, { committeeId: 123 }, 'committeeId'],
  // roster.setupStatus, roster.setup
  ['roster', 'setupStatus', VISITOR, { force: true }, 'force'],
  ['roster', 'setup', VISITOR, { ...validSetup, code: ' ' }, 'code'],
  ['roster', 'setup', VISITOR, { ...validSetup, committeeName: '党' }, 'committeeName'],
  ['roster', 'setup', VISITOR, { ...validSetup, phone: '1390000' }, 'phone'],
  ['roster', 'setup', VISITOR, { ...validSetup, joinedAt: '2010-13-01' }, 'joinedAt'],
  ['roster', 'setup', VISITOR, { ...validSetup, role: 'admin' }, 'role'],
  ['roster', 'setup', VISITOR, { code: 'setup-code-1' }, 'committeeName'],
  // points.rules / mine / verify / rebuild
  ['points', 'rules', SECRETARY, { committeeId: 'org-committee' }, 'committeeId'],
  ['points', 'mine', 'demo-member-2', { page: 0 }, 'page'],
  ['points', 'mine', 'demo-member-2', { memberId: 'member-008' }, 'memberId'],
  ['points', 'verify', ADMIN, { fix: true }, 'fix'],
  ['points', 'rebuild', ADMIN, { committeeId: 'org-committee' }, 'committeeId'],
  // points.record
  ['points', 'record', SECRETARY, without(record, 'memberIds'), 'memberIds'],
  ['points', 'record', SECRETARY, { ...record, memberIds: [] }, 'memberIds'],
  ['points', 'record', SECRETARY, { ...record, memberIds: 'member-008' }, 'memberIds'],
  ['points', 'record', SECRETARY, { ...record, memberIds: ['member-008', 7] }, 'memberIds.1'],
  ['points', 'record', SECRETARY, { ...record, rule: '' }, 'rule'],
  ['points', 'record', SECRETARY, { ...record, rule: 'DROP TABLE' }, 'rule'],
  ['points', 'record', SECRETARY, { ...record, rule: 'no_such_rule' }, 'rule'],
  ['points', 'record', SECRETARY, { ...record, rule: 'declaration' }, 'rule'],
  ['points', 'record', SECRETARY, { ...record, memberIds: ['member-999'] }, 'memberIds.0'],
  ['points', 'record', SECRETARY, without(record, 'reason'), 'reason'],
  ['points', 'record', SECRETARY, { ...record, reason: '好' }, 'reason'],
  ['points', 'record', SECRETARY, { ...record, value: 100 }, 'value'],
  ['points', 'record', SECRETARY, { ...record, requestId: 'short' }, 'requestId'],
  // points.reverse
  ['points', 'reverse', SECRETARY, { reason: '录入错误' }, 'entryId'],
  ['points', 'reverse', SECRETARY, { entryId: 'declaration:member-002' }, 'reason'],
  ['points', 'reverse', SECRETARY, { entryId: 'declaration:member-002', reason: '录入错误', value: 5 }, 'value'],
  // points.ranking
  ['points', 'ranking', SECRETARY, { orgId: 'org-branch-1', period: 'week' }, 'period'],
  ['points', 'ranking', SECRETARY, { orgId: 'org-branch-1' }, 'period'],
  ['points', 'ranking', SECRETARY, { period: 'month' }, 'orgId'],
  ['points', 'ranking', SECRETARY, { orgId: 'org-branch-1', period: 'month', date: '2026-13-01' }, 'date'],
  ['points', 'ranking', SECRETARY, { orgId: 'org-committee', period: 'month' }, 'orgId'],
  // points.export
  ['points', 'export', SECRETARY, { orgId: 'org-branch-1' }, 'period'],
  ['points', 'export', SECRETARY, { orgId: 'org-branch-1', period: 'year', format: 'csv' }, 'format'],
  // points.ranking / export: `statuses` (a category filter) is a non-empty list of distinct 党员身份
  ...(['ranking', 'export'] as const).flatMap((action): Case[] => [
    ['points', action, SECRETARY, { orgId: 'org-branch-1', period: 'month', statuses: [] }, 'statuses'],
    ['points', action, SECRETARY, { orgId: 'org-branch-1', period: 'month', statuses: ['member'] }, 'statuses.0'],
    ['points', action, SECRETARY, { orgId: 'org-branch-1', period: 'month', statuses: ['full', 'full'] }, 'statuses'],
    ['points', action, SECRETARY, { orgId: 'org-branch-1', period: 'month', statuses: 'activist' }, 'statuses'],
  ]),
  // points.object / objections / resolveObjection
  ['points', 'object', 'demo-member-2', { entryId: 'declaration:member-003' }, 'reason'],
  ['points', 'object', 'demo-member-2', { reason: '我没有收到这项加分' }, 'entryId'],
  ['points', 'object', 'demo-member-2', { entryId: 'x'.repeat(161), reason: '不是我的记录' }, 'entryId'],
  ['points', 'objections', SECRETARY, { orgId: 'org-branch-1', status: 'closed' }, 'status'],
  ['points', 'resolveObjection', SECRETARY, { id: 'objection:x', decision: 'accept', reason: '记录无误' }, 'decision'],
  ['points', 'resolveObjection', SECRETARY, { id: 'objection:x', decision: 'dismiss' }, 'reason'],
  // points.selfAwards
  ['points', 'selfAwards', ADMIN, { page: 0 }, 'page'],
  ['points', 'selfAwards', ADMIN, { pageSize: 101 }, 'pageSize'],
  ['points', 'selfAwards', ADMIN, { orgId: 'org-branch-1' }, 'orgId'],
  // points.updateRules
  ['points', 'updateRules', ADMIN, { items: [{ code: 'shirk', value: 0 }] }, 'items.0.value'],
  ['points', 'updateRules', ADMIN, { items: [{ code: 'shirk', value: 3 }] }, 'items.0.value'],
  ['points', 'updateRules', ADMIN, { items: [{ code: 'no_such', value: 3 }] }, 'items.0.code'],
  ['points', 'updateRules', ADMIN, { settings: { rankingVisibility: 'everyone' } }, 'settings.rankingVisibility'],
  ['points', 'updateRules', ADMIN, { settings: { baseScore: 101 } }, 'settings.baseScore'],
  ['points', 'updateRules', ADMIN, { items: [{ code: 'lecture', value: 1, name: '看视频' }] }, 'items.0.name'],
  ['points', 'updateRules', ADMIN, { items: [{ code: 'lecture', value: 1, candidates: 'yes' }] }, 'items.0.candidates'],
  // activity.create / update
  ['activity', 'create', SECRETARY, without(validActivity, 'orgId'), 'orgId'],
  ['activity', 'create', SECRETARY, { ...validActivity, kind: 'party_day' }, 'kind'],
  ['activity', 'create', SECRETARY, { ...validActivity, title: '会' }, 'title'],
  ['activity', 'create', SECRETARY, { ...validActivity, startAt: '2026-11-25 14:00' }, 'startAt'],
  ['activity', 'create', SECRETARY, { ...validActivity, endAt: 1764057600000 }, 'endAt'],
  ['activity', 'create', SECRETARY, { ...validActivity, endAt: '2026-11-25T05:00:00.000Z' }, 'endAt'],
  [
    'activity',
    'create',
    SECRETARY,
    { ...validActivity, place: { name: '会议室', lat: 91, lng: 120, radius: 200 } },
    'place.lat',
  ],
  [
    'activity',
    'create',
    SECRETARY,
    { ...validActivity, place: { name: '会议室', lat: 31, lng: 120, radius: 10 } },
    'place.radius',
  ],
  ['activity', 'create', SECRETARY, { ...validActivity, place: { name: '会议室', lat: 31, lng: 120 } }, 'place.radius'],
  ['activity', 'create', SECRETARY, { ...validActivity, graceMinutes: -1 }, 'graceMinutes'],
  ['activity', 'create', SECRETARY, { ...validActivity, expectedMemberIds: [] }, 'expectedMemberIds'],
  ['activity', 'create', SECRETARY, { ...validActivity, expectedMemberIds: ['member-018'] }, 'expectedMemberIds.0'],
  ['activity', 'create', ADMIN, { ...validActivity, orgId: 'org-committee' }, 'orgId'],
  ['activity', 'create', SECRETARY, { ...validActivity, signInFrom: '2026-11-25T09:00:00.000Z' }, 'signInUntil'],
  ['activity', 'create', SECRETARY, { ...validActivity, secret: 'x' }, 'secret'],
  ['activity', 'update', SECRETARY, { title: '新标题' }, 'id'],
  ['activity', 'update', SECRETARY, { id: 'act-demo-volunteer', status: 'closed' }, 'status'],
  ['activity', 'cancel', SECRETARY, { id: 'act-demo-group' }, 'reason'],
  ['activity', 'list', SECRETARY, { orgId: 'org-branch-1', scope: 'future' }, 'scope'],
  ['activity', 'list', SECRETARY, { orgId: 'org-branch-1', pageSize: 1000 }, 'pageSize'],
  ['activity', 'mine', VISITOR, { scope: 'all' }, 'scope'],
  ['activity', 'get', SECRETARY, {}, 'id'],
  ['activity', 'code', SECRETARY, { id: '' }, 'id'],
  // activity.checkin: the token and location
  ['activity', 'checkin', VISITOR, {}, 'token'],
  ['activity', 'checkin', VISITOR, { token: '' }, 'token'],
  ['activity', 'checkin', VISITOR, { token: 'act/../x' }, 'token'],
  ['activity', 'checkin', VISITOR, { token: 'a'.repeat(201) }, 'token'],
  ['activity', 'checkin', VISITOR, { token: 'act-demo-now.1.x', location: { lat: '31', lng: 121 } }, 'location.lat'],
  ['activity', 'checkin', VISITOR, { token: 'act-demo-now.1.x', location: { lat: 31 } }, 'location.lng'],
  ['activity', 'checkin', VISITOR, { token: 'act-demo-now.1.x', memberId: 'member-003' }, 'memberId'],
  ['activity', 'scanMember', SECRETARY, { id: 'act-demo-now' }, 'token'],
  ['activity', 'manualCheckin', SECRETARY, { id: 'act-demo-now', memberId: 'member-003', reason: '' }, 'reason'],
  ['activity', 'manualCheckin', SECRETARY, { id: 'act-demo-now', reason: '手机没电' }, 'memberId'],
  ['activity', 'undoCheckin', SECRETARY, { id: 'act-demo-now', memberId: 'member-003' }, 'reason'],
  ['activity', 'requestLeave', VISITOR, { id: 'act-demo-now', reason: '病' }, 'reason'],
  ['activity', 'withdrawLeave', MEMBER, {}, 'id'],
  ['activity', 'withdrawLeave', MEMBER, { id: 'act-demo-now', memberId: 'member-004' }, 'memberId'],
  ['activity', 'reviewLeave', SECRETARY, { id: 'act-demo-now', memberId: 'member-003', decision: 'ok' }, 'decision'],
  ['activity', 'leaves', SECRETARY, { orgId: 'org-branch-1', status: 'open' }, 'status'],
  ['activity', 'close', SECRETARY, { id: 'act-demo-now', force: true }, 'force'],
  ['activity', 'closePreview', SECRETARY, {}, 'id'],
  ['activity', 'attendance', SECRETARY, { id: 5 }, 'id'],
  ['activity', 'live', SECRETARY, undefined, 'data'],
  ['activity', 'remind', SECRETARY, {}, 'id'],
  ['activity', 'remind', SECRETARY, { id: 'act-demo-now', memberIds: ['member-003'] }, 'memberIds'],
  ['activity', 'exportAttendance', SECRETARY, {}, 'id'],
  ['activity', 'exportPeriod', SECRETARY, { orgId: 'org-branch-1', period: 'week' }, 'period'],
  ['activity', 'exportPeriod', SECRETARY, { orgId: 'org-branch-1', period: 'month', date: '2026/11/01' }, 'date'],
  // activity.cadence and the meeting record
  ['activity', 'cadence', SECRETARY, {}, 'orgId'],
  ['activity', 'cadence', SECRETARY, { orgId: 'org-branch-1', date: '2026/12/01' }, 'date'],
  ['activity', 'cadence', SECRETARY, { orgId: 'org-branch-1', date: '2026-02-30' }, 'date'],
  ['activity', 'record', SECRETARY, {}, 'id'],
  ['activity', 'saveRecord', SECRETARY, { ...validRecord, host: '  ' }, 'host'],
  ['activity', 'saveRecord', SECRETARY, without(validRecord, 'recorder'), 'recorder'],
  ['activity', 'saveRecord', SECRETARY, { ...validRecord, topics: '议'.repeat(1001) }, 'topics'],
  ['activity', 'saveRecord', SECRETARY, without(validRecord, 'summary'), 'summary'],
  ['activity', 'saveRecord', SECRETARY, { ...validRecord, decisions: 5 }, 'decisions'],
  ['activity', 'saveRecord', SECRETARY, { ...validRecord, vote: { for: -1, against: 0, abstain: 0 } }, 'vote.for'],
  ['activity', 'saveRecord', SECRETARY, { ...validRecord, vote: { for: 1.5, against: 0, abstain: 0 } }, 'vote.for'],
  ['activity', 'saveRecord', SECRETARY, { ...validRecord, vote: { for: 3, against: 0 } }, 'vote.abstain'],
  ['activity', 'saveRecord', SECRETARY, { ...validRecord, vote: '3:0:0' }, 'vote'],
  ['activity', 'saveRecord', SECRETARY, { ...validRecord, quorum: true }, 'quorum'],
  ['activity', 'exportRecord', SECRETARY, { id: '' }, 'id'],
  ['activity', 'myCode', VISITOR, { memberId: 'member-003' }, 'memberId'],
  ['activity', 'closeDue', ADMIN, { all: true }, 'all'],
  // lecture
  ['lecture', 'list', VISITOR, { kind: 'course' }, 'kind'],
  ['lecture', 'list', VISITOR, { query: 'x'.repeat(21) }, 'query'],
  ['lecture', 'get', VISITOR, {}, 'id'],
  ['lecture', 'heartbeat', VISITOR, { id: 'lecture-2', playing: true }, 'position'],
  ['lecture', 'heartbeat', VISITOR, { id: 'lecture-2', position: -1, playing: true }, 'position'],
  ['lecture', 'heartbeat', VISITOR, { id: 'lecture-2', position: '10', playing: true }, 'position'],
  ['lecture', 'heartbeat', VISITOR, { id: 'lecture-2', position: 10, playing: 'yes' }, 'playing'],
  ['lecture', 'heartbeat', VISITOR, { id: 'lecture-2', position: 10, playing: true, session: 'a b' }, 'session'],
  ['lecture', 'heartbeat', VISITOR, { id: 'lecture-2', position: 10, playing: true, coveredS: 60 }, 'coveredS'],
  ['lecture', 'heartbeat', VISITOR, { id: 'lecture-2', position: 10, playing: true, at: 0 }, 'at'],
  ['lecture', 'submitQuiz', VISITOR, { id: 'lecture-1' }, 'answers'],
  ['lecture', 'submitQuiz', VISITOR, { id: 'lecture-1', answers: { q1: 1 } }, 'answers.q1'],
  ['lecture', 'stats', SECRETARY, { id: 'lecture-2' }, 'orgId'],
  ['lecture', 'exportStats', SECRETARY, { orgId: 'org-branch-1' }, 'id'],
  ['lecture', 'memberStats', SECRETARY, { orgId: 'org-branch-1', date: '2026-13-01' }, 'date'],
  ['lecture', 'remind', SECRETARY, { id: 'lecture-1' }, 'orgId'],
  ['lecture', 'remind', SECRETARY, { id: '', orgId: 'org-branch-1' }, 'id'],
  ['lecture', 'manage', SECRETARY, {}, 'orgId'],
  ['lecture', 'create', SECRETARY, without(validLecture, 'video'), 'video'],
  ['lecture', 'create', SECRETARY, { ...validLecture, kind: 'course' }, 'kind'],
  ['lecture', 'create', SECRETARY, { ...validLecture, durationS: 2 }, 'durationS'],
  ['lecture', 'create', SECRETARY, { ...validLecture, orgIds: [] }, 'orgIds'],
  ['lecture', 'create', SECRETARY, { ...validLecture, quiz: { passMark: 0, questions: [] } }, 'quiz.passMark'],
  [
    'lecture',
    'create',
    SECRETARY,
    {
      ...validLecture,
      quiz: {
        passMark: 60,
        questions: [
          {
            id: 'q1',
            kind: 'single',
            prompt: '党的根本宗旨是什么？',
            options: [
              { id: 'A', text: '为人民服务' },
              { id: 'B', text: '发展经济' },
            ],
            correct: ['A', 'B'],
            explanation: '全心全意为人民服务。',
          },
        ],
      },
    },
    'quiz.questions.0.correct',
  ],
  ['lecture', 'setPublished', SECRETARY, { id: 'lecture-2' }, 'published'],
  // develop
  ['develop', 'start', SECRETARY, { orgId: 'org-branch-1', name: '林', appliedAt: '2024-03-01' }, 'name'],
  ['develop', 'start', SECRETARY, { orgId: 'org-branch-1', name: '林晓东', appliedAt: '2024-02-30' }, 'appliedAt'],
  ['develop', 'start', SECRETARY, { orgId: 'org-branch-1', name: '林晓东', appliedAt: '2026-11-24' }, 'appliedAt'],
  [
    'develop',
    'start',
    SECRETARY,
    { orgId: 'org-branch-1', name: '林晓东', appliedAt: '2024-03-01', phone: '123' },
    'phone',
  ],
  ['develop', 'recordStep', SECRETARY, { id: 'candidate-1', step: 'talk' }, 'at'],
  ['develop', 'recordStep', SECRETARY, { id: 'candidate-1', step: ' ', at: '2024-03-20' }, 'step'],
  ['develop', 'recordStep', SECRETARY, { id: 'candidate-1', step: 'talk', at: '2024-03-20', note: ' ' }, 'note'],
  [
    'develop',
    'recordStep',
    SECRETARY,
    { id: 'candidate-1', step: 'assignContact', at: '2024-04-20', contacts: [] },
    'contacts',
  ],
  [
    'develop',
    'recordStep',
    SECRETARY,
    {
      id: 'candidate-1',
      step: 'assignContact',
      at: '2024-04-20',
      contacts: [{ memberId: 'member-002', name: '王志强' }],
    },
    'contacts.0',
  ],
  [
    'develop',
    'recordStep',
    SECRETARY,
    { id: 'candidate-1', step: 'assignIntroducers', at: '2025-04-22', sponsors: [{ memberId: 'member-002' }] },
    'sponsors',
  ],
  [
    'develop',
    'recordStep',
    SECRETARY,
    { id: 'candidate-1', step: 'assignIntroducers', at: '2025-04-22', sponsors: [{ name: '王' }, { name: '吴桂兰' }] },
    'sponsors.0.name',
  ],
  ['develop', 'get', SECRETARY, {}, 'id'],
  ['develop', 'close', SECRETARY, { id: 'candidate-1' }, 'reason'],
  ['develop', 'close', SECRETARY, { id: 'candidate-1', reason: '否' }, 'reason'],
  ['develop', 'pipeline', ADMIN, {}, 'committeeId'],
  ['develop', 'pipeline', ADMIN, { committeeId: 'org-branch-1' }, 'committeeId'],
  ['develop', 'exportPipeline', ADMIN, { committeeId: 7 }, 'committeeId'],
  ['develop', 'exportPipeline', ADMIN, { committeeId: 'org-branch-1' }, 'committeeId'],
  ['develop', 'board', SECRETARY, { orgId: '' }, 'orgId'],
  ['develop', 'extendProbation', SECRETARY, { id: 'candidate-1', months: 5, at: '2026-06-10', note: '决定' }, 'months'],
  ['develop', 'extendProbation', SECRETARY, { id: 'candidate-1', months: 6, at: '2026-06-10' }, 'note'],
  ['develop', 'config', SECRETARY, {}, 'orgId'],
  ['develop', 'setSteps', ADMIN, { committeeId: 'org-committee', config: { steps: [], rules: [] } }, 'config.steps'],
  [
    'develop',
    'setSteps',
    ADMIN,
    {
      committeeId: 'org-committee',
      config: {
        steps: DEFAULT_DEVELOP_STEPS,
        rules: [{ step: 'interview', after: 'apply', due: { months: 1 }, text: '面谈' }],
      },
    },
    'config.rules.0.step',
  ],
  // tasks
  ['tasks', 'create', ADMIN, { title: '报', dueAt: '2026-11-30', orgIds: ['org-branch-1'] }, 'title'],
  ['tasks', 'create', ADMIN, { title: '报送方案', dueAt: '2026-11-31', orgIds: ['org-branch-1'] }, 'dueAt'],
  ['tasks', 'create', ADMIN, { title: '报送方案', dueAt: '2026-11-30', orgIds: [] }, 'orgIds'],
  [
    'tasks',
    'create',
    ADMIN,
    { title: '报送方案', dueAt: '2026-11-30', orgIds: ['org-branch-1'], repeat: 'weekly' },
    'repeat',
  ],
  ['tasks', 'create', ADMIN, { title: '报送方案', dueAt: '2026-11-22', orgIds: ['org-branch-1'] }, 'dueAt'],
  ['tasks', 'create', ADMIN, { title: '报送方案', dueAt: '2026-11-30', orgIds: ['org-group-1'] }, 'orgIds.0'],
  ['tasks', 'complete', SECRETARY, { id: 'task-1', orgId: 'org-branch-1', note: '  ' }, 'note'],
  ['tasks', 'complete', SECRETARY, { id: 'task-1', orgId: 'org-branch-1', note: '好'.repeat(501) }, 'note'],
  ['tasks', 'board', ADMIN, {}, 'committeeId'],
  ['tasks', 'exportBoard', ADMIN, { committeeId: 7 }, 'committeeId'],
  ['tasks', 'mine', SECRETARY, { orgId: '' }, 'orgId'],
  // notice
  ['notice', 'list', MEMBER, { page: 0 }, 'page'],
  ['notice', 'read', MEMBER, { ids: [] }, 'ids'],
  ['notice', 'templates', MEMBER, { channel: 'activity' }, 'channel'],
  ['notice', 'subscribe', MEMBER, { templateIds: ['not a template'] }, 'templateIds.0'],
  // points.branchRanking
  ['points', 'branchRanking', ADMIN, {}, 'period'],
  ['points', 'branchRanking', ADMIN, { period: 'quarter', date: '2026-04-31' }, 'date'],
  ['points', 'branchRanking', ADMIN, { period: 'quarter', committeeId: 'org-committee' }, 'committeeId'],
  // points.entries
  ['points', 'entries', SECRETARY, {}, 'orgId'],
  ['points', 'entries', SECRETARY, { orgId: 'org-branch-1', pageSize: 500 }, 'pageSize'],
  ['points', 'entries', SECRETARY, { orgId: 'org-branch-1', memberName: '' }, 'memberName'],
  ['points', 'entries', SECRETARY, { orgId: 'org-branch-1', rule: 'Bad rule' }, 'rule'],
  ['points', 'entries', SECRETARY, { orgId: 'org-branch-1', from: '2026-11-31' }, 'from'],
  ['points', 'entries', SECRETARY, { orgId: 'org-branch-1', from: '2026-11-02', to: '2026-11-01' }, 'to'],
];

describe('malformed payloads are refused with INVALID_INPUT naming the field, and change nothing', () => {
  it('the table covers every action of every function in the registry', () => {
    const covered = new Set(MALFORMED.map(([fn, action]) => `${fn}.${action}`));
    expect(ALL_ACTIONS.map(([fn, a]) => `${fn}.${a}`).filter((name) => !covered.has(name))).toEqual([]);
  });

  it.each(functionNames)('a well-formed payload is given for exactly the actions of %s', (fn) => {
    expect(Object.keys(VALID[fn]).sort()).toEqual([...actionsOf(fn)].sort());
  });

  it.each(MALFORMED)('%s.%s as %s with %j → INVALID_INPUT on %s', async (fn, action, openid, data, field) => {
    const before = await documentCounts(h.store);
    const result = await h.raw(openid, fn, { action, data });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_INPUT', field, message: expect.any(String) }),
    });
    expect(await documentCounts(h.store)).toEqual(before);
    expect(h.files.published.size).toBe(0);
  });
});

describe('the envelope', () => {
  const EVENTS: Array<[string, unknown]> = [
    ['a string', 'me'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ action: 'me' }]],
    ['a boolean', true],
    ['no action', { data: {} }],
    ['an empty action', { action: '', data: {} }],
    ['a numeric action', { action: 5 }],
    ['an object as action', { action: { name: 'me' } }],
  ];

  it.each(functionNames.flatMap((fn) => EVENTS.map(([label, event]) => [fn, label, event] as const)))(
    '%s with %s → INVALID_INPUT',
    async (fn, _label, event) => {
      const before = await documentCounts(h.store);
      const result = await h.raw(ADMIN, fn, event);
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', field: 'action' }) });
      expect(await documentCounts(h.store)).toEqual(before);
    },
  );

  it.each([
    ['identity', 'drop'],
    ['identity', 'tree'], // another function's action
    ['roster', 'declare'],
    ['roster', 'toString'],
    ['roster', 'constructor'],
    ['identity', '__proto__'],
    ['identity', 'hasOwnProperty'],
    ['roster', 'ME'],
  ] as const)('%s.%s → UNKNOWN_ACTION', async (fn, action) => {
    const before = await documentCounts(h.store);
    const result = await h.raw(ADMIN, fn, { action, data: {} });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_ACTION' }) });
    expect(await documentCounts(h.store)).toEqual(before);
  });

  it('extra envelope keys (WeChat adds userInfo) are ignored', async () => {
    const result = await h.raw(VISITOR, 'roster', { action: 'tree', userInfo: { openId: 'demo-admin', appId: 'wx' } });
    expect(result.ok).toBe(true);
  });
});

describe('without a signed-in user every action is UNAUTHENTICATED', () => {
  it.each(ALL_ACTIONS.flatMap(([fn, action]) => [null, ''].map((openid) => [fn, action, openid] as const)))(
    '%s.%s with openid %j',
    async (fn, action, openid) => {
      const before = await documentCounts(h.store);
      const result = await h.raw(openid as string | null, fn, { action, data: VALID[fn][action] });
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
      expect(await documentCounts(h.store)).toEqual(before);
      expect(h.files.published.size).toBe(0);
    },
  );

  it.each(ALL_ACTIONS)('the payload used for %s.%s is itself well-formed', async (fn, action) => {
    const result = await h.raw(ADMIN, fn, { action, data: VALID[fn][action] });
    if (!result.ok) expect(result.error.code).not.toBe('INVALID_INPUT');
  });
});
