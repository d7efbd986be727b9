import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { RosterMember } from '../../../contracts';
import { parseRoster } from '../roster-sheet';
import { inPinyinOrder } from '../../shared/pinyin-order';
import type { MemberDoc } from '../documents';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, FULL_PHONE, snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER, OFFICER, SECRETARY, VISITOR } from '../../../tests/support/demo';

const BRANCH_1_SIZE = 18;
const BRANCH_2_SIZE = 12;
const GROUP_1_SIZE = 8;

/** Members of the seed, by id. */
const LIU_YANG = 'member-004'; // 第一党支部 第二党小组, bound to demo-member-3
const ZHOU_JIANGUO = 'member-007'; // 第二党支部, the admin himself
const WU_GUILAN = 'member-008'; // 第一党支部 第一党小组, unbound
const LIN_XIAOYAN = 'member-018'; // 第二党支部

const HEADER = ['姓名', '手机号', '党员身份', '入党日期', '转正日期', '党小组'];
const MASKED = /^1\d{2}\*{4}\d{4}$/;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const doc = async (id: string) => (await h.store.get('members', id)) as MemberDoc;
const listAll = async (openid: string, orgId: string, status: 'active' | 'inactive' | 'all' = 'active') =>
  (await h.call(openid, 'roster', 'listMembers', { orgId, status, pageSize: 100 })).items;
const auditOf = async (action: string) =>
  (await h.call(ADMIN, 'roster', 'auditLog', { pageSize: 100 })).items.filter((e) => e.action === action);

async function xlsx(rows: ExcelJS.CellValue[][], header: string[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('花名册');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readSheet(content: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function published(fileID: string): Buffer {
  const file = h.files.published.get(fileID);
  if (!file) throw new Error(`nothing published as ${fileID}`);
  return file.content;
}

describe('roster.listMembers', () => {
  it('pages through a branch with a stable total and no duplicates', async () => {
    const pages: RosterMember[][] = [];
    for (let page = 1; page <= 5; page++) {
      const result = await h.call(SECRETARY, 'roster', 'listMembers', { orgId: 'org-branch-1', page, pageSize: 5 });
      expect(result).toMatchObject({ total: BRANCH_1_SIZE, page, pageSize: 5 });
      pages.push(result.items);
    }
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 3, 0]);
    const ids = pages.flat().map((m) => m.id);
    expect(new Set(ids).size).toBe(BRANCH_1_SIZE);
    expect(ids).toEqual((await listAll(SECRETARY, 'org-branch-1')).map((m) => m.id));
    expect(pages.flat().every((m) => m.orgId === 'org-branch-1' && m.orgName === '第一党支部')).toBe(true);
  });

  it('defaults to page 1 of 20', async () => {
    const result = await h.call(SECRETARY, 'roster', 'listMembers', { orgId: 'org-branch-1' });
    expect(result).toMatchObject({ total: BRANCH_1_SIZE, page: 1, pageSize: 20 });
    expect(result.items).toHaveLength(BRANCH_1_SIZE);
  });

  it.each([
    ['红', ['李红梅']],
    ['玉', ['沈玉珍', '高玉兰']],
    ['  吴桂兰 ', ['吴桂兰']],
    ['周建国', []], // 第二党支部: not in this branch
    ['不存在', []],
  ])('searches names within the branch: %j', async (query, names) => {
    const result = await h.call(SECRETARY, 'roster', 'listMembers', { orgId: 'org-branch-1', query });
    expect(result.items.map((m) => m.name).sort()).toEqual([...names].sort());
    expect(result.total).toBe(names.length);
  });

  it('lists a group, a branch and the whole committee', async () => {
    expect((await h.call(SECRETARY, 'roster', 'listMembers', { orgId: 'org-group-1' })).total).toBe(GROUP_1_SIZE);
    expect((await h.call(ADMIN, 'roster', 'listMembers', { orgId: 'org-branch-2' })).total).toBe(BRANCH_2_SIZE);
    expect((await h.call(ADMIN, 'roster', 'listMembers', { orgId: 'org-committee' })).total).toBe(
      BRANCH_1_SIZE + BRANCH_2_SIZE,
    );
  });

  it.each([
    ['the branch secretary', SECRETARY],
    ['a branch officer', OFFICER],
  ])('%s sees phones in full', async (_label, openid) => {
    const items = await listAll(openid, 'org-branch-1');
    expect(items).toHaveLength(BRANCH_1_SIZE);
    for (const m of items) expect(m.phone).toBe((await doc(m.id)).phone);
    const detail = await h.call(openid, 'roster', 'getMember', { id: WU_GUILAN });
    expect(detail.phone).toMatch(/^1[3-9]\d{9}$/);
  });

  it('the committee admin sees phones masked (139****1234), except his own', async () => {
    const items = await listAll(ADMIN, 'org-committee');
    expect(items).toHaveLength(BRANCH_1_SIZE + BRANCH_2_SIZE);
    for (const m of items) {
      const phone = (await doc(m.id)).phone as string;
      if (m.id === ZHOU_JIANGUO) expect(m.phone).toBe(phone);
      else expect(m.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    }
    expect(items.filter((m) => !MASKED.test(m.phone ?? '')).map((m) => m.id)).toEqual([ZHOU_JIANGUO]);
    expect((await h.call(ADMIN, 'roster', 'getMember', { id: WU_GUILAN })).phone).toMatch(MASKED);
  });

  it('shows whether a roster entry is bound to a WeChat user', async () => {
    const items = await listAll(SECRETARY, 'org-branch-1');
    expect(
      items
        .filter((m) => m.bound)
        .map((m) => m.id)
        .sort(),
    ).toEqual(['member-001', 'member-002', 'member-003', 'member-004', 'member-005', 'member-006'].sort());
  });
});

describe('roster: create, update, deactivate, transfer', () => {
  const newcomer = {
    orgId: 'org-group-2',
    name: '欧阳明',
    phone: '13600001111',
    partyStatus: 'full' as const,
    joinedAt: '2018-07-01',
    fullAt: '2019-07-01',
  };

  it('the secretary adds a member: listed, with history and an audit entry', async () => {
    const { id } = await h.call(SECRETARY, 'roster', 'createMember', newcomer);
    const detail = await h.call(SECRETARY, 'roster', 'getMember', { id });
    expect(detail).toMatchObject({
      id,
      name: '欧阳明',
      phone: '13600001111',
      partyStatus: 'full',
      joinedAt: '2018-07-01',
      fullAt: '2019-07-01',
      orgId: 'org-branch-1',
      orgName: '第一党支部',
      groupId: 'org-group-2',
      status: 'active',
      bound: false,
      inactiveReason: null,
    });
    expect(detail.history).toEqual([{ at: h.now.value.toISOString(), action: 'created', note: expect.any(String) }]);
    expect((await h.call(SECRETARY, 'roster', 'listMembers', { orgId: 'org-branch-1' })).total).toBe(BRANCH_1_SIZE + 1);

    const [entry] = await auditOf('member.create');
    expect(entry).toMatchObject({
      actor: SECRETARY,
      actorName: '李红梅',
      target: `members/${id}`,
      after: { name: '欧阳明', phone: '136****1111', branchId: 'org-branch-1', groupId: 'org-group-2' },
    });
  });

  it('a probationary member is added without a 转正日期', async () => {
    const { id } = await h.call(SECRETARY, 'roster', 'createMember', {
      ...newcomer,
      partyStatus: 'probationary',
      joinedAt: '2026-07-01',
      fullAt: null,
    });
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id })).toMatchObject({
      partyStatus: 'probationary',
      fullAt: null,
    });
  });

  it.each([
    ['a phone already in this branch', 'member-002'],
    ['a phone already in the other branch of the committee', LIN_XIAOYAN],
  ])('refuses %s (CONFLICT), nothing added', async (_label, holder) => {
    const before = await snapshot(h.store);
    const phone = (await doc(holder)).phone;
    await expectError(h, SECRETARY, 'roster', 'createMember', { ...newcomer, phone }, 'CONFLICT');
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('a phone freed by a deactivated member may be reused', async () => {
    const phone = (await doc(WU_GUILAN)).phone;
    await h.call(SECRETARY, 'roster', 'deactivateMember', { id: WU_GUILAN, reason: '去世' });
    const { id } = await h.call(SECRETARY, 'roster', 'createMember', { ...newcomer, phone });
    expect((await doc(id)).phone).toBe(phone);
  });

  it('the secretary updates a member: changes kept, history and audit written', async () => {
    h.now.value = new Date('2026-11-24T01:00:00.000Z');
    await h.call(SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, phone: '13600002222', groupId: 'org-group-2' });
    const detail = await h.call(SECRETARY, 'roster', 'getMember', { id: WU_GUILAN });
    expect(detail).toMatchObject({ name: '吴桂兰', phone: '13600002222', groupId: 'org-group-2' });
    expect(detail.history.map((e) => e.action)).toEqual(['created', 'updated']);
    expect(detail.history[1].at).toBe('2026-11-24T01:00:00.000Z');

    const [entry] = await auditOf('member.update');
    expect(entry).toMatchObject({
      target: `members/${WU_GUILAN}`,
      before: { groupId: 'org-group-1', phone: expect.stringMatching(MASKED) },
      after: { groupId: 'org-group-2', phone: '136****2222' },
    });
  });

  it('a 预备党员 becomes 正式党员 with a 转正日期; leaving a group', async () => {
    await h.call(SECRETARY, 'roster', 'updateMember', {
      id: 'member-006',
      partyStatus: 'full',
      fullAt: '2027-06-30',
      groupId: null,
    });
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id: 'member-006' })).toMatchObject({
      partyStatus: 'full',
      fullAt: '2027-06-30',
      groupId: null,
    });
  });

  it.each<[string, Record<string, unknown>, string, string | undefined]>([
    ['a phone another member holds', { phone: '' }, 'CONFLICT', undefined],
    ['正式党员 without 转正日期', { partyStatus: 'full', fullAt: null }, 'INVALID_INPUT', 'fullAt'],
    ['转正日期 before 入党日期', { fullAt: '1970-01-01' }, 'INVALID_INPUT', 'fullAt'],
    ['a group that does not exist', { groupId: 'org-nope' }, 'INVALID_INPUT', 'groupId'],
    ['the branch as a group', { groupId: 'org-branch-1' }, 'INVALID_INPUT', 'groupId'],
  ])('refuses an update with %s, nothing changed', async (_label, change, code, field) => {
    if ('phone' in change) change.phone = (await doc(LIN_XIAOYAN)).phone;
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      SECRETARY,
      'roster',
      'updateMember',
      { id: WU_GUILAN, ...change },
      code as 'CONFLICT',
    );
    if (field) expect(error.field).toBe(field);
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('deactivating a bound member ends their binding: `me` has no member, the card is gone', async () => {
    expect((await h.call('demo-member-3', 'identity', 'me')).member?.id).toBe(LIU_YANG);

    const result = await h.call(SECRETARY, 'roster', 'deactivateMember', {
      id: LIU_YANG,
      reason: '转出',
      note: '转至外省',
    });
    expect(result).toEqual({ id: LIU_YANG, status: 'inactive' });

    expect((await h.call('demo-member-3', 'identity', 'me')).member).toBeNull();
    await expectError(h, 'demo-member-3', 'identity', 'card', undefined, 'NOT_FOUND');
    expect(await h.store.get('bindings', 'demo-member-3')).toBeNull();

    const detail = await h.call(SECRETARY, 'roster', 'getMember', { id: LIU_YANG });
    expect(detail).toMatchObject({ status: 'inactive', inactiveReason: '转出：转至外省', bound: false });
    expect(detail.history.map((e) => e.action)).toEqual(['created', 'deactivated']);

    expect((await listAll(SECRETARY, 'org-branch-1')).map((m) => m.id)).not.toContain(LIU_YANG);
    expect((await listAll(SECRETARY, 'org-branch-1', 'inactive')).map((m) => m.id)).toEqual([LIU_YANG]);
    expect(await listAll(SECRETARY, 'org-branch-1', 'all')).toHaveLength(BRANCH_1_SIZE);

    const [entry] = await auditOf('member.deactivate');
    expect(entry).toMatchObject({
      target: `members/${LIU_YANG}`,
      before: { status: 'active' },
      after: { status: 'inactive' },
    });

    // The former member may declare again, like any visitor.
    const again = await h.call('demo-member-3', 'identity', 'declare', {
      name: '刘洋',
      phone: '13600003333',
      partyStatus: 'full',
      joinedAt: '2016-11-10',
      fullAt: '2017-11-10',
      orgId: 'org-branch-1',
      consent: true,
    });
    expect(again.status).toBe('pending');
  });

  it('an inactive member can be neither deactivated again, updated nor transferred (CONFLICT)', async () => {
    await h.call(SECRETARY, 'roster', 'deactivateMember', { id: WU_GUILAN, reason: '其他' });
    const before = await snapshot(h.store);
    await expectError(h, SECRETARY, 'roster', 'deactivateMember', { id: WU_GUILAN, reason: '其他' }, 'CONFLICT');
    await expectError(h, SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, name: '吴桂芝' }, 'CONFLICT');
    await expectError(h, SECRETARY, 'roster', 'transferMember', { id: WU_GUILAN, toOrgId: 'org-group-2' }, 'CONFLICT');
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('the secretary moves a member between groups of the branch', async () => {
    const result = await h.call(SECRETARY, 'roster', 'transferMember', { id: WU_GUILAN, toOrgId: 'org-group-2' });
    expect(result).toEqual({ id: WU_GUILAN, orgId: 'org-branch-1' });
    const detail = await h.call(SECRETARY, 'roster', 'getMember', { id: WU_GUILAN });
    expect(detail.groupId).toBe('org-group-2');
    expect(detail.history.at(-1)).toMatchObject({ action: 'transferred', note: '由第一党小组转至第二党小组' });
  });

  it('the admin transfers a member to the other branch: history, audit, and the old secretary loses sight', async () => {
    const result = await h.call(ADMIN, 'roster', 'transferMember', {
      id: WU_GUILAN,
      toOrgId: 'org-branch-2',
      note: '工作调动',
    });
    expect(result).toEqual({ id: WU_GUILAN, orgId: 'org-branch-2' });
    expect(await doc(WU_GUILAN)).toMatchObject({ branchId: 'org-branch-2', groupId: null });
    const detail = await h.call(ADMIN, 'roster', 'getMember', { id: WU_GUILAN });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'transferred',
      note: '由第一党小组转至第二党支部：工作调动',
    });
    const [entry] = await auditOf('member.transfer');
    expect(entry).toMatchObject({
      target: `members/${WU_GUILAN}`,
      before: { branchId: 'org-branch-1' },
      after: { branchId: 'org-branch-2' },
    });
    await expectError(h, SECRETARY, 'roster', 'getMember', { id: WU_GUILAN }, 'FORBIDDEN');
    expect((await h.call(SECRETARY, 'roster', 'listMembers', { orgId: 'org-branch-1' })).total).toBe(BRANCH_1_SIZE - 1);
  });

  it.each([
    ['where the member already is', 'org-group-1'],
    ['to the committee (not a branch or group)', 'org-committee'],
  ])('refuses a transfer %s (INVALID_INPUT on toOrgId)', async (_label, toOrgId) => {
    const before = await snapshot(h.store);
    const error = await expectError(h, ADMIN, 'roster', 'transferMember', { id: WU_GUILAN, toOrgId }, 'INVALID_INPUT');
    expect(error.field).toBe('toOrgId');
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('an unknown member is NOT_FOUND', async () => {
    await expectError(h, SECRETARY, 'roster', 'getMember', { id: 'member-999' }, 'NOT_FOUND');
    await expectError(h, SECRETARY, 'roster', 'updateMember', { id: 'member-999', name: '某某' }, 'NOT_FOUND');
  });

  it('no audit entry ever holds a full phone number', async () => {
    await h.call(SECRETARY, 'roster', 'createMember', newcomer);
    await h.call(SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, phone: '13600002222' });
    await h.call(SECRETARY, 'roster', 'deactivateMember', { id: LIU_YANG, reason: '转出' });
    await h.call(ADMIN, 'roster', 'transferMember', { id: 'member-009', toOrgId: 'org-branch-2' });
    await h.call(ADMIN, 'roster', 'grantRole', { orgId: 'org-branch-1', memberId: 'member-003', role: 'officer' });
    await h.call(SECRETARY, 'roster', 'exportMembers', { orgId: 'org-branch-1' });
    const fileID = h.files.upload(
      SECRETARY,
      await xlsx([['欧阳红', '13600004444', '正式党员', '2010-07-01', '2011-07-01', '']]),
    );
    await h.call(SECRETARY, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID });

    const log = await h.call(ADMIN, 'roster', 'auditLog', { pageSize: 100 });
    expect(log.items.map((e) => e.action).sort()).toEqual(
      [
        'member.create',
        'member.update',
        'member.deactivate',
        'member.transfer',
        'role.grant',
        'member.export',
        'member.import',
      ].sort(),
    );
    expect(JSON.stringify(log)).not.toMatch(FULL_PHONE);
    expect(JSON.stringify(await h.store.query('audit', { limit: 1000 }))).not.toMatch(FULL_PHONE);
  });
});

describe('roster: scope', () => {
  /** Every way the 第一党支部 secretary might reach into 第二党支部. */
  const reachOut = async (fileID: string): Promise<Array<[string, unknown]>> => [
    ['listMembers', { orgId: 'org-branch-2' }],
    ['listMembers', { orgId: 'org-committee' }],
    ['getMember', { id: LIN_XIAOYAN }],
    ['updateMember', { id: LIN_XIAOYAN, name: '林小燕' }],
    ['deactivateMember', { id: LIN_XIAOYAN, reason: '转出' }],
    ['transferMember', { id: LIN_XIAOYAN, toOrgId: 'org-branch-1' }],
    ['transferMember', { id: WU_GUILAN, toOrgId: 'org-branch-2' }],
    [
      'createMember',
      {
        orgId: 'org-branch-2',
        name: '欧阳明',
        phone: '13600001111',
        partyStatus: 'probationary',
        joinedAt: '2026-01-01',
      },
    ],
    ['importMembers', { orgId: 'org-branch-2', fileID }],
    ['exportMembers', { orgId: 'org-branch-2' }],
    ['exportMembers', { orgId: 'org-committee' }],
  ];

  it('the 第一党支部 secretary cannot read or change 第二党支部 (FORBIDDEN), and nothing changes', async () => {
    const fileID = h.files.upload(
      SECRETARY,
      await xlsx([['欧阳明', '13600001111', '正式党员', '2010-07-01', '2011-07-01', '']]),
    );
    const before = await snapshot(h.store);
    for (const [action, data] of await reachOut(fileID)) {
      const error = await expectError(h, SECRETARY, 'roster', action, data, 'FORBIDDEN');
      expect([action, error.code]).toEqual([action, 'FORBIDDEN']);
    }
    expect(await snapshot(h.store)).toEqual(before);
    expect(h.files.published.size).toBe(0);
  });

  it.each([
    ['a member', MEMBER],
    ['a visitor', VISITOR],
  ])('%s cannot read the roster', async (_label, openid) => {
    const before = await snapshot(h.store);
    await expectError(h, openid, 'roster', 'listMembers', { orgId: 'org-branch-1' }, 'FORBIDDEN');
    await expectError(h, openid, 'roster', 'listMembers', { orgId: 'org-group-1' }, 'FORBIDDEN');
    await expectError(h, openid, 'roster', 'getMember', { id: WU_GUILAN }, 'FORBIDDEN');
    await expectError(h, openid, 'roster', 'exportMembers', { orgId: 'org-branch-1' }, 'FORBIDDEN');
    await expectError(h, openid, 'roster', 'updateMember', { id: WU_GUILAN, name: '吴桂芝' }, 'FORBIDDEN');
    expect(await snapshot(h.store)).toEqual(before);
    expect(h.files.published.size).toBe(0);
  });

  it('an officer reads but cannot change the roster', async () => {
    expect(await listAll(OFFICER, 'org-branch-1')).toHaveLength(BRANCH_1_SIZE);
    const fileID = h.files.upload(
      OFFICER,
      await xlsx([['欧阳明', '13600001111', '正式党员', '2010-07-01', '2011-07-01', '']]),
    );
    const before = await snapshot(h.store);
    const attempts: Array<[string, unknown]> = [
      [
        'createMember',
        {
          orgId: 'org-branch-1',
          name: '欧阳明',
          phone: '13600001111',
          partyStatus: 'probationary',
          joinedAt: '2026-01-01',
        },
      ],
      ['updateMember', { id: WU_GUILAN, name: '吴桂芝' }],
      ['deactivateMember', { id: WU_GUILAN, reason: '其他' }],
      ['transferMember', { id: WU_GUILAN, toOrgId: 'org-group-2' }],
      ['importMembers', { orgId: 'org-branch-1', fileID }],
    ];
    for (const [action, data] of attempts) await expectError(h, OFFICER, 'roster', action, data, 'FORBIDDEN');
    expect(await snapshot(h.store)).toEqual(before);
  });

  it.each([
    ['the secretary', SECRETARY],
    ['an officer', OFFICER],
    ['a member', MEMBER],
    ['a visitor', VISITOR],
  ])('only the admin manages orgs, roles and the audit log: %s gets FORBIDDEN', async (_label, openid) => {
    const before = await snapshot(h.store);
    const attempts: Array<[string, unknown]> = [
      ['createOrg', { parentId: 'org-branch-1', name: '第三党小组', kind: 'group' }],
      ['createOrg', { parentId: 'org-committee', name: '第三党支部', kind: 'branch' }],
      ['renameOrg', { id: 'org-branch-1', name: '机关第一党支部' }],
      ['renameOrg', { id: 'org-group-1', name: '一组' }],
      ['listRoles', { orgId: 'org-branch-1' }],
      ['grantRole', { orgId: 'org-branch-1', memberId: 'member-003', role: 'officer' }],
      ['revokeRole', { orgId: 'org-branch-1', memberId: 'member-002', role: 'officer' }],
      ['auditLog', undefined],
    ];
    for (const [action, data] of attempts) await expectError(h, openid, 'roster', action, data, 'FORBIDDEN');
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('the tree is readable by any signed-in user, and UNAUTHENTICATED without an openid', async () => {
    for (const openid of [ADMIN, SECRETARY, MEMBER, VISITOR, 'wx-someone-new']) {
      const { orgs } = await h.call(openid, 'roster', 'tree');
      expect(orgs.map((o) => [o.id, o.name, o.kind, o.parentId]).sort()).toEqual(
        [
          ['org-committee', '示范党委', 'committee', null],
          ['org-branch-1', '第一党支部', 'branch', 'org-committee'],
          ['org-branch-2', '第二党支部', 'branch', 'org-committee'],
          ['org-group-1', '第一党小组', 'group', 'org-branch-1'],
          ['org-group-2', '第二党小组', 'group', 'org-branch-1'],
        ].sort(),
      );
    }
    await expectError(h, null, 'roster', 'tree', undefined, 'UNAUTHENTICATED');
  });
});

describe('roster: orgs and roles (admin)', () => {
  it('creates and renames orgs; the tree shows them; the audit records them', async () => {
    const { id } = await h.call(ADMIN, 'roster', 'createOrg', {
      parentId: 'org-branch-2',
      name: '二支部第一党小组',
      kind: 'group',
    });
    await h.call(ADMIN, 'roster', 'renameOrg', { id: 'org-branch-2', name: '机关第二党支部' });
    const { orgs } = await h.call(VISITOR, 'roster', 'tree');
    expect(orgs).toContainEqual({ id, name: '二支部第一党小组', kind: 'group', parentId: 'org-branch-2' });
    expect(orgs.find((o) => o.id === 'org-branch-2')?.name).toBe('机关第二党支部');
    expect((await auditOf('org.create'))[0]).toMatchObject({ target: `orgs/${id}` });
    expect((await auditOf('org.rename'))[0]).toMatchObject({
      before: { name: '第二党支部' },
      after: { name: '机关第二党支部' },
    });

    // A member can be placed in the new group.
    await h.call(ADMIN, 'roster', 'transferMember', { id: LIN_XIAOYAN, toOrgId: id });
    expect(await doc(LIN_XIAOYAN)).toMatchObject({ branchId: 'org-branch-2', groupId: id });
  });

  it.each<[string, Record<string, string>, string, string | undefined]>([
    ['a branch under a branch', { parentId: 'org-branch-1', name: '某支部', kind: 'branch' }, 'INVALID_INPUT', 'kind'],
    [
      'a group under the committee',
      { parentId: 'org-committee', name: '某小组', kind: 'group' },
      'INVALID_INPUT',
      'kind',
    ],
    ['anything under a group', { parentId: 'org-group-1', name: '某小组', kind: 'group' }, 'INVALID_INPUT', 'kind'],
    [
      'a sibling with the same name',
      { parentId: 'org-branch-1', name: '第一党小组', kind: 'group' },
      'CONFLICT',
      undefined,
    ],
  ])('refuses to create %s', async (_label, data, code, field) => {
    const before = await snapshot(h.store);
    const error = await expectError(h, ADMIN, 'roster', 'createOrg', data, code as 'CONFLICT');
    if (field) expect(error.field).toBe(field);
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('grants and revokes a role, which takes effect at once', async () => {
    await expectError(h, MEMBER, 'roster', 'listMembers', { orgId: 'org-branch-1' }, 'FORBIDDEN');
    expect(
      await h.call(ADMIN, 'roster', 'grantRole', { orgId: 'org-branch-1', memberId: 'member-003', role: 'officer' }),
    ).toEqual({
      orgId: 'org-branch-1',
      memberId: 'member-003',
      role: 'officer',
    });
    expect(await listAll(MEMBER, 'org-branch-1')).toHaveLength(BRANCH_1_SIZE);
    expect((await h.call(MEMBER, 'identity', 'me')).roles).toEqual([
      { orgId: 'org-branch-1', orgName: '第一党支部', role: 'officer' },
    ]);
    const roles = await h.call(ADMIN, 'roster', 'listRoles', { orgId: 'org-branch-1' });
    expect(roles.items).toContainEqual({
      orgId: 'org-branch-1',
      memberId: 'member-003',
      name: '陈秀英',
      role: 'officer',
    });
    await expectError(
      h,
      ADMIN,
      'roster',
      'grantRole',
      { orgId: 'org-branch-1', memberId: 'member-003', role: 'officer' },
      'CONFLICT',
    );

    await h.call(ADMIN, 'roster', 'revokeRole', { orgId: 'org-branch-1', memberId: 'member-003', role: 'officer' });
    await expectError(h, MEMBER, 'roster', 'listMembers', { orgId: 'org-branch-1' }, 'FORBIDDEN');
    await expectError(
      h,
      ADMIN,
      'roster',
      'revokeRole',
      { orgId: 'org-branch-1', memberId: 'member-003', role: 'officer' },
      'NOT_FOUND',
    );
    expect((await auditOf('role.grant')).length).toBe(1);
    expect((await auditOf('role.revoke')).length).toBe(1);
  });

  it('a role needs a bound member; the admin cannot revoke his own admin role', async () => {
    const unbound = await expectError(
      h,
      ADMIN,
      'roster',
      'grantRole',
      { orgId: 'org-branch-1', memberId: WU_GUILAN, role: 'secretary' },
      'INVALID_INPUT',
    );
    expect(unbound.field).toBe('memberId');
    await expectError(
      h,
      ADMIN,
      'roster',
      'revokeRole',
      { orgId: 'org-committee', memberId: ZHOU_JIANGUO, role: 'admin' },
      'FORBIDDEN',
    );
    expect((await h.call(ADMIN, 'identity', 'me')).roles).toContainEqual({
      orgId: 'org-committee',
      orgName: '示范党委',
      role: 'admin',
    });
  });
});

describe('roster: Excel', () => {
  it('importTemplate publishes a template whose example row is read and never imported', async () => {
    const link = await h.call(VISITOR, 'roster', 'importTemplate');
    expect(link).toEqual({ fileID: expect.any(String), url: expect.any(String), name: '花名册导入模板.xlsx' });
    const { rows, issues, warnings } = await parseRoster(published(link.fileID));
    expect(issues).toEqual([{ row: 0, field: 'file', message: '文件中没有党员数据（模板的示例行不会导入）' }]);
    expect(rows).toHaveLength(0);
    expect(warnings).toHaveLength(1);
    await expectError(h, null, 'roster', 'importTemplate', undefined, 'UNAUTHENTICATED');
  });

  it('a secretary’s own roster saved as CSV in GBK is imported: title, extra columns, 联系电话, 中共党员, a month-only date, a total line', async () => {
    const csv = [
      '第一党支部党员花名册,,,,,,,',
      '序号,姓名,性别,联系电话,政治面貌,入党时间,转正时间,党小组',
      '1,上官 云,女,136-0000-3333,中共党员,2012年7月,2013.7.1,第二党小组',
      '2,诸葛明,男,+86 136 0000 4444,中共预备党员,20260301,,',
      '合计：2人,,,,,,,',
    ].join('\r\n');
    const fileID = h.files.upload(SECRETARY, iconv.encode(csv, 'gbk'));
    expect(await h.call(SECRETARY, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID })).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      skipped: 0,
    });
    const items = await listAll(SECRETARY, 'org-branch-1');
    expect(items.find((m) => m.name === '上官云')).toMatchObject({
      phone: '13600003333',
      partyStatus: 'full',
      joinedAt: '2012-07-01',
      fullAt: '2013-07-01',
      groupId: 'org-group-2',
    });
    expect(items.find((m) => m.name === '诸葛明')).toMatchObject({
      phone: '13600004444',
      partyStatus: 'probationary',
      joinedAt: '2026-03-01',
      fullAt: null,
    });
  });

  it('importing a good file creates new members and updates the ones with the same name and phone', async () => {
    const wu = await doc(WU_GUILAN);
    const fileID = h.files.upload(
      SECRETARY,
      await xlsx([
        ['欧阳明', '13600001111', '正式党员', new Date('2018-07-01T00:00:00Z'), '2019/7/1', '第二党小组'],
        ['司马青', 13600002222, '预备党员', '2026年3月1日', '', ''],
        ['吴桂兰', wu.phone, '正式党员', '1979-10-01', '1980-10-01', '第二党小组'],
      ]),
    );
    const members = await h.store.count('members');
    expect(await h.call(SECRETARY, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID })).toEqual({
      created: 2,
      updated: 1,
      unchanged: 0,
      skipped: 0,
    });
    expect(await h.store.count('members')).toBe(members + 2);

    const items = await listAll(SECRETARY, 'org-branch-1');
    expect(items.find((m) => m.name === '欧阳明')).toMatchObject({
      phone: '13600001111',
      partyStatus: 'full',
      joinedAt: '2018-07-01',
      fullAt: '2019-07-01',
      groupId: 'org-group-2',
      status: 'active',
    });
    expect(items.find((m) => m.name === '司马青')).toMatchObject({
      phone: '13600002222',
      partyStatus: 'probationary',
      joinedAt: '2026-03-01',
      fullAt: null,
      groupId: null,
    });
    const updated = await h.call(SECRETARY, 'roster', 'getMember', { id: WU_GUILAN });
    expect(updated).toMatchObject({ groupId: 'org-group-2', phone: wu.phone });
    expect(updated.history.map((e) => e.action)).toEqual(['created', 'imported']);
    expect((await auditOf('member.import'))[0]).toMatchObject({
      target: 'orgs/org-branch-1',
      after: { created: 2, updated: 1 },
    });

    // The same file again creates nobody.
    const again = h.files.upload(SECRETARY, h.files.uploads.get(fileID)?.content as Buffer);
    expect(await h.call(SECRETARY, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID: again })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      skipped: 0,
    });
    expect(await h.store.count('members')).toBe(members + 2);
  });

  it('importing into a group places rows without a group in that group', async () => {
    const fileID = h.files.upload(
      SECRETARY,
      await xlsx([['欧阳明', '13600001111', '正式党员', '2018-07-01', '2019-07-01', '']]),
    );
    await h.call(SECRETARY, 'roster', 'importMembers', { orgId: 'org-group-1', fileID });
    expect((await listAll(SECRETARY, 'org-group-1')).map((m) => m.name)).toContain('欧阳明');
  });

  it.each<[string, ExcelJS.CellValue[], string]>([
    ['a bad phone', ['司马青', '1360000222', '预备党员', '2026-03-01', '', ''], '手机号'],
    ['an impossible date', ['司马青', '13600002222', '预备党员', '2026-02-30', '', ''], '入党日期'],
    [
      'a group the branch does not have',
      ['司马青', '13600002222', '预备党员', '2026-03-01', '', '第九党小组'],
      '党小组',
    ],
    ['a phone held by a member of the other branch', ['司马青', '', '预备党员', '2026-03-01', '', ''], '手机号'],
    ['a phone held by another name in this branch', ['司马青', '', '预备党员', '2026-03-01', '', ''], '手机号'],
  ])('one bad row (%s) → INVALID_INPUT on `file`, the row listed, nothing imported', async (label, bad, field) => {
    if (label.includes('other branch')) bad[1] = (await doc(LIN_XIAOYAN)).phone;
    if (label.includes('another name')) bad[1] = (await doc(WU_GUILAN)).phone;
    const fileID = h.files.upload(
      SECRETARY,
      await xlsx([
        ['欧阳明', '13600001111', '正式党员', '2018-07-01', '2019-07-01', ''],
        bad,
        ['郑国强', (await doc('member-009')).phone, '正式党员', '1995-03-15', '1996-03-15', '第二党小组'],
      ]),
    );
    const before = await snapshot(h.store);
    const members = await h.store.count('members');
    const error = await expectError(
      h,
      SECRETARY,
      'roster',
      'importMembers',
      { orgId: 'org-branch-1', fileID },
      'INVALID_INPUT',
    );
    expect(error.field).toBe('file');
    expect(error.details).toEqual([
      { row: 3, field, column: field, value: expect.any(String), message: expect.any(String) },
    ]);
    expect(await h.store.count('members')).toBe(members);
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('a file that is neither an .xlsx nor a CSV is refused on `file`', async () => {
    const fileID = h.files.upload(SECRETARY, Buffer.from('%PDF-1.4\n\u0000\u0001姓名,手机号\n欧阳明,13600001111\n'));
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      SECRETARY,
      'roster',
      'importMembers',
      { orgId: 'org-branch-1', fileID },
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({ field: 'file', details: [{ row: 0, field: 'file' }] });
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('someone else’s upload cannot be imported', async () => {
    const fileID = h.files.upload(
      OFFICER,
      await xlsx([['欧阳明', '13600001111', '正式党员', '2018-07-01', '2019-07-01', '']]),
    );
    const before = await snapshot(h.store);
    await expectError(h, SECRETARY, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID }, 'NOT_FOUND');
    await expectError(
      h,
      SECRETARY,
      'roster',
      'importMembers',
      { orgId: 'org-branch-1', fileID: 'mem:404' },
      'NOT_FOUND',
    );
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('export produces an .xlsx whose rows match the roster (full phones for the secretary)', async () => {
    const link = await h.call(SECRETARY, 'roster', 'exportMembers', { orgId: 'org-branch-1' });
    expect(link.name).toBe('第一党支部花名册-2026-11-23.xlsx');
    // Under the title and the line naming the branch and the date of export.
    const [title, subtitle, ...rows] = await readSheet(published(link.fileID));
    expect(title[0]).toBe('第一党支部 党员花名册');
    expect(subtitle[0]).toBe('单位：第一党支部　　导出日期：2026-11-23');
    expect(rows[0]).toEqual([
      ...HEADER,
      '所在支部',
      '状态',
      '党龄',
      '性别',
      '出生日期',
      '民族',
      '学历',
      '工作单位',
      '党员分类',
    ]);

    const roster = await listAll(SECRETARY, 'org-branch-1');
    const groupName: Record<string, string> = { 'org-group-1': '第一党小组', 'org-group-2': '第二党小组' };
    const years = (fullAt: string | null) => {
      if (!fullAt) return undefined;
      const y = 2026 - Number(fullAt.slice(0, 4));
      return fullAt.slice(5) <= '11-23' ? y : y - 1;
    };
    // Dates are date cells; empty cells read as holes, and a row ends at its last value.
    const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00.000Z`) : undefined);
    const trimmed = (row: unknown[]) => {
      while (row.length && row[row.length - 1] === undefined) row.pop();
      return row;
    };
    expect(rows.slice(1)).toEqual(
      inPinyinOrder(roster, (m) => m.name).map((m) =>
        trimmed([
          m.name,
          m.phone,
          m.partyStatus === 'full' ? '正式党员' : '预备党员',
          date(m.joinedAt),
          date(m.fullAt),
          m.groupId ? groupName[m.groupId] : undefined,
          '第一党支部',
          '在册',
          years(m.fullAt),
        ]),
      ),
    );
    expect(rows).toHaveLength(BRANCH_1_SIZE + 1);
    expect(rows.slice(1).every((r) => /^1[3-9]\d{9}$/.test(String(r[1])))).toBe(true);
    expect((await auditOf('member.export'))[0]).toMatchObject({
      target: 'orgs/org-branch-1',
      after: { count: BRANCH_1_SIZE },
    });
  });

  it('the admin’s export masks phones', async () => {
    const link = await h.call(ADMIN, 'roster', 'exportMembers', { orgId: 'org-branch-1' });
    const rows = (await readSheet(published(link.fileID))).slice(3);
    expect(rows).toHaveLength(BRANCH_1_SIZE);
    expect(rows.every((r) => MASKED.test(String(r[1])))).toBe(true);
  });

  it('exporting then importing the same file changes nobody’s details', async () => {
    const project = (m: RosterMember) => [m.id, m.name, m.phone, m.partyStatus, m.joinedAt, m.fullAt, m.groupId];
    const before = (await listAll(SECRETARY, 'org-branch-1')).map(project);
    const link = await h.call(SECRETARY, 'roster', 'exportMembers', { orgId: 'org-branch-1' });
    const fileID = h.files.upload(SECRETARY, published(link.fileID));
    expect(await h.call(SECRETARY, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID })).toEqual({
      created: 0,
      updated: 0,
      unchanged: BRANCH_1_SIZE,
      skipped: 0,
    });
    expect((await listAll(SECRETARY, 'org-branch-1')).map(project)).toEqual(before);
  });
});

describe('roster: offices, groups and audit details', () => {
  it('deactivating an officer (by the admin, who may revoke the office) ends it: no more roster', async () => {
    const wang = 'member-002'; // 王志强, bound to demo-member-1, officer of 第一党支部
    expect((await listAll(OFFICER, 'org-branch-1')).length).toBe(BRANCH_1_SIZE);
    await h.call(ADMIN, 'roster', 'deactivateMember', { id: wang, reason: '转出' });
    await expectError(h, OFFICER, 'roster', 'listMembers', { orgId: 'org-branch-1' }, 'FORBIDDEN');
    expect((await h.call(OFFICER, 'identity', 'me')).roles).toEqual([]);
  });

  it('an import row with an empty 党小组 keeps the member’s group', async () => {
    const wu = await doc(WU_GUILAN);
    expect(wu.groupId).toBe('org-group-1');
    const fileID = h.files.upload(SECRETARY, await xlsx([[wu.name, wu.phone, '正式党员', wu.joinedAt, wu.fullAt, '']]));
    expect(await h.call(SECRETARY, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
      skipped: 0,
    });
    expect((await doc(WU_GUILAN)).groupId).toBe('org-group-1');
  });

  it('a phone typed into a reject reason is masked in the audit log', async () => {
    await h.call(SECRETARY, 'identity', 'review', {
      id: 'decl-demo-2',
      decision: 'reject',
      reason: '请先联系支部 13912345678 核实',
    });
    const [entry] = await auditOf('declaration.reject');
    expect(JSON.stringify(entry)).not.toMatch(FULL_PHONE);
    expect(JSON.stringify(entry.after)).toContain('139****5678');
  });

  it('explains generic input errors in Chinese, naming the field', async () => {
    const error = await expectError(h, SECRETARY, 'roster', 'listMembers', {}, 'INVALID_INPUT');
    expect(error).toMatchObject({ field: 'orgId', message: 'orgId：必填' });
    const extra = await expectError(h, SECRETARY, 'roster', 'getMember', { id: 'x', foo: 1 }, 'INVALID_INPUT');
    expect(extra).toMatchObject({ field: 'foo', message: 'foo：不支持的字段：foo' });
  });
});

describe('a large org tree', () => {
  it('reads every org even past one page of 1000: the 1001st branch can be ranked and listed', async () => {
    const at = h.now.value.toISOString();
    for (let i = 0; i < 1000; i++)
      await h.store.create('orgs', {
        _id: `org-bulk-${String(i).padStart(4, '0')}`,
        name: `第${i + 3}党支部`,
        kind: 'branch',
        parentId: 'org-committee',
        committeeId: 'org-committee',
        createdAt: at,
      });
    const { orgs } = await h.call(ADMIN, 'roster', 'tree');
    expect(orgs).toHaveLength(1005);
    expect((await h.call(ADMIN, 'roster', 'listMembers', { orgId: 'org-bulk-0999' })).total).toBe(0);
    expect((await h.call(ADMIN, 'points', 'ranking', { orgId: 'org-bulk-0999', period: 'year' })).items).toEqual([]);
  });
});
