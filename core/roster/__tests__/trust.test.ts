import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Role } from '../../../contracts/common';
import type { MemberDoc } from '../documents';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, OFFICER, SECRETARY } from '../../../tests/support/demo';

/**
 * Roles and uniqueness on the roster: a lower role never acts on a higher one's entry, nobody
 * exempts themselves, a phone number is unique by a key document rather than a query (also under
 * concurrent requests on a file store), and a taken number is never explained across scope.
 */

const LI_HONGMEI = 'member-001';
const WANG_ZHIQIANG = 'member-002';
const ZHOU_JIANGUO = 'member-007';
const WU_GUILAN = 'member-008'; // 第一党支部 第一党小组, unbound
const ZHENG_GUOQIANG = 'member-009'; // 第一党支部 第二党小组, unbound
const LIN_XIAOYAN = 'member-018'; // 第二党支部, unbound
const HUANG_ZHIMING = 'member-019'; // 第二党支部, unbound

/** Appointments made for these tests: the member is bound to a WeChat user, then granted the role by the admin. */
const BRANCH_2_SECRETARY = 'wx-branch-2-secretary'; // 林晓燕
const GROUP_1_SECRETARY = 'wx-group-1-secretary'; // 吴桂兰
const SECOND_SECRETARY = 'wx-second-secretary'; // 郑国强, a second secretary of 第一党支部

let h: Harness;

async function bind(memberId: string, openid: string): Promise<void> {
  const at = h.now.value.toISOString();
  const member = (await h.store.get('members', memberId)) as MemberDoc;
  await h.store.set('members', { ...member, openid });
  await h.store.create('bindings', { _id: openid, memberId, at });
}

async function appoint(memberId: string, openid: string, orgId: string, role: Role): Promise<void> {
  await bind(memberId, openid);
  await h.call(ADMIN, 'roster', 'grantRole', { orgId, memberId, role });
}

const rolesOf = async (openid: string) =>
  (await h.store.query('roles', { where: { openid } })).map((r) => `${r.orgId}:${r.role}`).sort();
const member = async (id: string) => (await h.store.get('members', id)) as MemberDoc;

describe('role precedence on the roster', () => {
  beforeEach(async () => {
    h = await createHarness();
    await appoint(LIN_XIAOYAN, BRANCH_2_SECRETARY, 'org-branch-2', 'secretary');
    await appoint(WU_GUILAN, GROUP_1_SECRETARY, 'org-group-1', 'secretary');
    await appoint(ZHENG_GUOQIANG, SECOND_SECRETARY, 'org-branch-1', 'secretary');
    const { id } = await h.call(ADMIN, 'roster', 'createOrg', {
      parentId: 'org-branch-2',
      name: '第三党小组',
      kind: 'group',
    });
    branch2Group = id;
  });

  afterEach(() => h.close());

  let branch2Group = '';

  /** [who acts, on whom, why the target is out of reach]: each of edit, transfer and deactivate is refused. */
  const outOfReach: Array<[string, string, string, () => string]> = [
    [
      'the 第二党支部 secretary',
      'the committee admin, who sits in that branch',
      BRANCH_2_SECRETARY,
      () => ZHOU_JIANGUO,
    ],
    ['a 第一党小组 secretary', 'an officer of the branch above the group', GROUP_1_SECRETARY, () => WANG_ZHIQIANG],
    ['a second 第一党支部 secretary', 'the first secretary (same node, same rank)', SECOND_SECRETARY, () => LI_HONGMEI],
    ['the 第一党支部 secretary', 'a second secretary (same node, same rank)', SECRETARY, () => ZHENG_GUOQIANG],
  ];

  describe.each(outOfReach)('%s acting on %s', (_who, _target, actor, target) => {
    const attempts = (): Array<[string, Record<string, unknown>]> => [
      ['updateMember', { id: target(), name: '改名测试' }],
      ['updateMember', { id: target(), exemptReason: '年老体弱，行动不便' }],
      ['deactivateMember', { id: target(), reason: '转出' }],
      [
        'transferMember',
        {
          id: target(),
          toOrgId:
            target() === ZHOU_JIANGUO ? branch2Group : target() === WANG_ZHIQIANG ? 'org-group-1' : 'org-group-2',
        },
      ],
    ];

    it('edit, exemption, deactivation and transfer are FORBIDDEN; the entry and every role stay', async () => {
      const before = await snapshot(h.store);
      for (const [action, data] of attempts()) {
        const error = await expectError(h, actor, 'roster', action, data, 'FORBIDDEN');
        expect(error.message).toMatch(/职务/);
      }
      expect(await snapshot(h.store)).toEqual(before);
    });
  });

  it('the admin keeps every role: the case reported (a branch secretary deactivating the committee admin)', async () => {
    await expectError(
      h,
      BRANCH_2_SECRETARY,
      'roster',
      'deactivateMember',
      { id: ZHOU_JIANGUO, reason: '转出' },
      'FORBIDDEN',
    );
    expect(await rolesOf(ADMIN)).toEqual(['org-committee:admin']);
    expect((await h.call(ADMIN, 'identity', 'me')).member?.id).toBe(ZHOU_JIANGUO);
  });

  it('a secretary edits and transfers a lower role of her branch (an officer)', async () => {
    await h.call(SECRETARY, 'roster', 'updateMember', { id: WANG_ZHIQIANG, joinedAt: '2008-06-30' });
    await h.call(SECRETARY, 'roster', 'transferMember', { id: WANG_ZHIQIANG, toOrgId: 'org-group-2' });
    expect(await member(WANG_ZHIQIANG)).toMatchObject({ joinedAt: '2008-06-30', groupId: 'org-group-2' });
    expect(await rolesOf(OFFICER)).toEqual(['org-branch-1:officer']);
  });

  it('a secretary cannot deactivate an officer: the role would vanish and only the admin may revoke it', async () => {
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      SECRETARY,
      'roster',
      'deactivateMember',
      { id: WANG_ZHIQIANG, reason: '转出' },
      'FORBIDDEN',
    );
    expect(error.message).toMatch(/党委管理员/);
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('the admin, who may revoke the role, deactivates the officer: the role ends with the entry', async () => {
    await h.call(ADMIN, 'roster', 'deactivateMember', { id: WANG_ZHIQIANG, reason: '转出' });
    expect(await rolesOf(OFFICER)).toEqual([]);
    expect((await member(WANG_ZHIQIANG)).status).toBe('inactive');
  });

  it('a member without a role is still edited, transferred and deactivated by the secretary', async () => {
    await h.call(SECRETARY, 'roster', 'updateMember', { id: 'member-010', exemptReason: '年老体弱，行动不便' });
    await h.call(SECRETARY, 'roster', 'transferMember', { id: 'member-010', toOrgId: 'org-group-2' });
    await h.call(SECRETARY, 'roster', 'deactivateMember', { id: 'member-010', reason: '去世' });
    expect(await member('member-010')).toMatchObject({ status: 'inactive', groupId: 'org-group-2' });
  });

  it.each([
    ['the secretary sets', SECRETARY, LI_HONGMEI, '工作繁忙'],
    ['the admin sets', ADMIN, ZHOU_JIANGUO, '工作繁忙'],
    ['the secretary clears', SECRETARY, LI_HONGMEI, null],
  ])('nobody sets or clears their own exemption: %s her/his own (FORBIDDEN)', async (_label, openid, id, reason) => {
    if (reason === null) await h.call(ADMIN, 'roster', 'updateMember', { id, exemptReason: '长期外派' });
    const before = await snapshot(h.store);
    const error = await expectError(h, openid, 'roster', 'updateMember', { id, exemptReason: reason }, 'FORBIDDEN');
    expect(error.message).toMatch(/自己.*免参加/);
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('one may still correct the other fields of one’s own entry', async () => {
    await h.call(SECRETARY, 'roster', 'updateMember', { id: LI_HONGMEI, phone: '13600009999' });
    expect((await member(LI_HONGMEI)).phone).toBe('13600009999');
  });
});

describe('no lookups across scope', () => {
  beforeEach(async () => {
    h = await createHarness();
  });

  afterEach(() => h.close());

  const linPhone = async () => (await member(LIN_XIAOYAN)).phone as string;
  const newcomer = { orgId: 'org-branch-1', name: '欧阳明', partyStatus: 'probationary', joinedAt: '2026-01-01' };

  async function importFile(openid: string, rows: string[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('花名册');
    sheet.addRow(['姓名', '手机号', '党员身份', '入党日期', '转正日期', '党小组']);
    for (const row of rows) sheet.addRow(row);
    return h.files.upload(openid, Buffer.from(await wb.xlsx.writeBuffer()));
  }

  const leaks = (text: string) => ['林晓燕', '第二党支部'].filter((word) => text.includes(word));

  it.each<[string, () => Promise<{ message: string; details?: unknown }>]>([
    [
      'createMember',
      async () =>
        expectError(h, SECRETARY, 'roster', 'createMember', { ...newcomer, phone: await linPhone() }, 'CONFLICT'),
    ],
    [
      'updateMember (phone change)',
      async () =>
        expectError(h, SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, phone: await linPhone() }, 'CONFLICT'),
    ],
    [
      'importMembers',
      async () =>
        expectError(
          h,
          SECRETARY,
          'roster',
          'importMembers',
          {
            orgId: 'org-branch-1',
            fileID: await importFile(SECRETARY, [['欧阳明', await linPhone(), '预备党员', '2026-01-01', '', '']]),
          },
          'INVALID_INPUT',
        ),
    ],
  ])(
    '%s with a number held in 第二党支部 names neither the member nor the branch, and says whom to ask',
    async (_label, attempt) => {
      const error = await attempt();
      const text = `${error.message} ${JSON.stringify(error.details ?? '')}`;
      expect(leaks(text)).toEqual([]);
      expect(text).toMatch(/已登记.*联系党委管理员/);
    },
  );

  it('within the caller’s own scope the holder is named', async () => {
    const phone = (await member(WU_GUILAN)).phone as string;
    const error = await expectError(h, SECRETARY, 'roster', 'createMember', { ...newcomer, phone }, 'CONFLICT');
    expect(error.message).toContain('吴桂兰');
  });

  it('approving a declaration whose number is held in another branch does not name that member either', async () => {
    const at = h.now.value.toISOString();
    await h.store.create('declarations', {
      _id: 'decl-clash',
      openid: 'wx-clash',
      name: '欧阳明',
      phone: await linPhone(),
      partyStatus: 'full',
      joinedAt: '2010-07-01',
      fullAt: '2011-07-01',
      orgId: 'org-branch-1',
      branchId: 'org-branch-1',
      committeeId: 'org-committee',
      externalOrg: null,
      status: 'pending',
      reason: null,
      memberId: null,
      reviewedBy: null,
      reviewedAt: null,
      createdAt: at,
    });
    const error = await expectError(
      h,
      SECRETARY,
      'identity',
      'review',
      { id: 'decl-clash', decision: 'approve' },
      'CONFLICT',
    );
    expect(leaks(error.message)).toEqual([]);
    expect(error.message).toMatch(/联系党委管理员/);
  });
});

describe.each(['memory', 'file'] as const)('phone numbers are unique by a key document (%s store)', (kind) => {
  let dir = '';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhibu-phone-'));
    h = await createHarness(kind === 'file' ? { file: join(dir, 'zhibu.db') } : {});
  });

  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const holdersOf = async (phone: string) =>
    (await h.store.query('members', { where: { phone, status: 'active' }, limit: 1000 })).map((m) => m._id);

  it('200 concurrent createMember with one number: exactly one member, 199 CONFLICT', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        h.raw(SECRETARY, 'roster', {
          action: 'createMember',
          data: {
            orgId: 'org-branch-1',
            name: '欧阳明',
            phone: '13600004444',
            partyStatus: 'probationary',
            joinedAt: '2026-01-01',
          },
        }),
      ),
    );
    expect(await holdersOf('13600004444')).toHaveLength(1);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const codes = new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code)));
    expect([...codes]).toEqual(['CONFLICT']);
  });

  it('the same 3-row file imported twice at once (a double click): three members, no duplicates', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('花名册');
    sheet.addRow(['姓名', '手机号', '党员身份', '入党日期', '转正日期', '党小组']);
    const phones = ['13600005551', '13600005552', '13600005553'];
    phones.forEach((phone, i) =>
      sheet.addRow([`导入${'甲乙丙'[i]}`, phone, '正式党员', '2010-07-01', '2011-07-01', '']),
    );
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const files = [h.files.upload(SECRETARY, content), h.files.upload(SECRETARY, content)];
    const results = await Promise.all(
      files.map((fileID) =>
        h.raw(SECRETARY, 'roster', { action: 'importMembers', data: { orgId: 'org-branch-1', fileID } }),
      ),
    );
    for (const phone of phones) expect(await holdersOf(phone)).toHaveLength(1);
    const created = results.map((r) => (r.ok ? (r.data as { created: number }).created : 0));
    expect(created.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('a phone change moves the key: the old number is free, the new one is taken', async () => {
    const old = (await member(WU_GUILAN)).phone as string;
    await h.call(SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, phone: '13600006666' });
    const base = {
      orgId: 'org-branch-1',
      name: '欧阳明',
      partyStatus: 'probationary' as const,
      joinedAt: '2026-01-01',
    };
    await expectError(h, SECRETARY, 'roster', 'createMember', { ...base, phone: '13600006666' }, 'CONFLICT');
    await h.call(SECRETARY, 'roster', 'createMember', { ...base, phone: old });
    expect(await holdersOf(old)).toHaveLength(1);
  });

  it('a transfer to another committee takes the key along: free in the old one, taken in the new', async () => {
    const at = h.now.value.toISOString();
    await h.store.create('orgs', {
      _id: 'org-c2',
      name: '第二党委',
      kind: 'committee',
      parentId: null,
      committeeId: 'org-c2',
      createdAt: at,
    });
    await h.store.create('orgs', {
      _id: 'org-c2-b1',
      name: '机关党支部',
      kind: 'branch',
      parentId: 'org-c2',
      committeeId: 'org-c2',
      createdAt: at,
    });
    await h.store.create('roles', {
      _id: `${ADMIN}:org-c2:admin`,
      openid: ADMIN,
      orgId: 'org-c2',
      role: 'admin',
      grantedBy: 'test',
      at,
    });
    const phone = (await member(HUANG_ZHIMING)).phone as string;
    await h.call(ADMIN, 'roster', 'transferMember', { id: HUANG_ZHIMING, toOrgId: 'org-c2-b1' });
    const newcomer = { name: '欧阳明', phone, partyStatus: 'probationary' as const, joinedAt: '2026-01-01' };
    await expectError(h, ADMIN, 'roster', 'createMember', { ...newcomer, orgId: 'org-c2-b1' }, 'CONFLICT');
    await h.call(ADMIN, 'roster', 'createMember', { ...newcomer, orgId: 'org-branch-2' });
    expect(await holdersOf(phone)).toHaveLength(2);
  });

  it('a member created by approving a declaration holds the key: a concurrent createMember of the number loses', async () => {
    // decl-demo-2 (杨帆, 13712345678) is new to the roster: approving it creates a member.
    const [approve, create] = await Promise.all([
      h.raw(SECRETARY, 'identity', { action: 'review', data: { id: 'decl-demo-2', decision: 'approve' } }),
      h.raw(SECRETARY, 'roster', {
        action: 'createMember',
        data: {
          orgId: 'org-branch-1',
          name: '杨帆',
          phone: '13712345678',
          partyStatus: 'probationary',
          joinedAt: '2026-05-12',
        },
      }),
    ]);
    expect(await holdersOf('13712345678')).toHaveLength(1);
    expect([approve.ok, create.ok].filter(Boolean)).toHaveLength(1);
  });

  it('a database from before the keys: numbers already on the roster are still refused', async () => {
    for (const key of await h.store.query('phoneKeys', { limit: 1000 })) await h.store.remove('phoneKeys', key._id);
    const phone = (await member(HUANG_ZHIMING)).phone as string;
    await expectError(
      h,
      ADMIN,
      'roster',
      'createMember',
      { orgId: 'org-branch-2', name: '欧阳明', phone, partyStatus: 'probationary', joinedAt: '2026-01-01' },
      'CONFLICT',
    );
    expect(await holdersOf(phone)).toEqual([HUANG_ZHIMING]);
    expect(await h.store.count('phoneKeys')).toBeGreaterThanOrEqual(30);
  });

  it('older duplicates are left as they are, counted (without personal data) in the backfill marker', async () => {
    for (const key of await h.store.query('phoneKeys', { limit: 1000 })) await h.store.remove('phoneKeys', key._id);
    const huang = await member(HUANG_ZHIMING);
    await h.store.create('members', { ...huang, _id: 'member-900', name: '黄志民', openid: null });
    await h.call(ADMIN, 'roster', 'createMember', {
      orgId: 'org-branch-2',
      name: '欧阳明',
      phone: '13600007777',
      partyStatus: 'probationary',
      joinedAt: '2026-01-01',
    });
    expect(await h.store.get('phoneKeys', 'backfill:v1')).toMatchObject({ unkeyed: 1 });
    expect(await h.store.get('phoneKeys', `org-committee:${huang.phone}`)).toMatchObject({ memberId: HUANG_ZHIMING });
  });
});
