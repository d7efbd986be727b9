import iconv from 'iconv-lite';
import { documentCounts, expectError } from '../../../tests/integration/support';
import { ADMIN, SECRETARY, VISITOR } from '../../../tests/support/demo';
import { publishedSheets } from '../../../tests/support/excel';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { convertAll, fods, hasSoffice } from '../import/__tests__/libreoffice';

/**
 * Issue 15, 两新组织: the committee imports its register of private firms and social organisations,
 * sees the Party members found working in each (roster 工作单位 and pending 亮身份 declarations),
 * the rules' suggestion, files each into its lists, and follows 组织覆盖率 month by month.
 */

const COMMITTEE = 'org-committee';
/** 10 December 2026, 10:00 in China: the month is 2026-12 whatever the hour of the test. */
const DECEMBER = new Date('2026-12-10T02:00:00.000Z');
const OTHER_ADMIN = 'x-admin';

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ at: DECEMBER.toISOString() });
  h.now.value = new Date(DECEMBER);
});

afterEach(() => h.close());

/** The register as a committee keeps it: a title, the header on row 2, a bad row, a line without a name, a total. */
const REGISTER = fods([
  {
    name: '两新组织名册',
    rows: [
      [{ text: '示范街道两新组织名册', across: 6 }],
      ['序号', '单位名称', '类型', '地址', '从业人员数', '是否已建党组织'],
      [{ n: 1 }, '示范科技（杭州）有限公司', '企业', '示范路 1 号', { n: 120 }, '否'],
      [{ n: 2 }, '阳光社工服务中心', '社会组织', '阳光路 2 号', { n: 35 }, '是'],
      [{ n: 3 }, '绿源物流有限公司', '企业', '物流园 3 号', { n: 80 }, '否'],
      [{ n: 4 }, '星火餐饮有限公司', '企业', null, '12人', '否'],
      [{ n: 5 }, '金石装饰有限公司', '个体户', null, '很多', '不清楚'],
      [{ n: 6 }, null, '企业', '无名路 6 号', null, null],
      [{ text: '合计：6 家', across: 2 }],
    ],
  },
]);

let registerXlsx: Buffer;
beforeAll(() => {
  if (hasSoffice()) registerXlsx = convertAll({ register: REGISTER }, ['xlsx']).get('register.xlsx') as Buffer;
});
const itSoffice = hasSoffice() ? it : it.skip;

async function importRegister(content: Buffer = registerXlsx, openid = ADMIN) {
  const fileID = h.files.upload(openid, content);
  return h.call(openid, 'roster', 'importEmployers', { committeeId: COMMITTEE, fileID });
}

const view = () => h.call(ADMIN, 'roster', 'employers', { committeeId: COMMITTEE });
const itemOf = async (employer: string) => (await view()).items.find((i) => i.employer === employer);

async function worksAt(memberId: string, workUnit: string, partyStatus: 'full' | 'probationary' = 'full') {
  await h.store.update('members', memberId, { $set: { workUnit, partyStatus } });
}

/** A second committee with an admin of its own. */
async function otherCommittee(): Promise<void> {
  const at = '2026-11-01T00:00:00.000Z';
  await h.store.create('orgs', {
    _id: 'x-committee',
    name: '邻街党委',
    kind: 'committee',
    parentId: null,
    committeeId: 'x-committee',
    createdAt: at,
  });
  await h.store.create('roles', {
    _id: 'x-admin:x-committee:admin',
    openid: OTHER_ADMIN,
    orgId: 'x-committee',
    role: 'admin',
    grantedBy: OTHER_ADMIN,
    at,
  });
}

describe('roster.importEmployers', () => {
  itSoffice('imports a register written by LibreOffice, reporting the malformed rows by row and column', async () => {
    const result = await importRegister();
    expect(result.created).toBe(4);
    expect(result.updated).toBe(0);
    expect(result.errors).toEqual([
      { row: 7, column: '类型', message: '类型「个体户」应为“企业”或“社会组织”' },
      { row: 7, column: '从业人员数', message: '从业人员数「很多」应为 0 或正整数' },
      { row: 7, column: '是否已建党组织', message: '是否已建党组织「不清楚」应为“是”或“否”' },
      { row: 8, column: '单位名称', message: '单位名称不能为空' },
    ]);
    const items = (await view()).items;
    expect(items.map((i) => i.employer).sort()).toEqual(
      ['示范科技（杭州）有限公司', '阳光社工服务中心', '绿源物流有限公司', '星火餐饮有限公司'].sort(),
    );
    expect(await itemOf('示范科技（杭州）有限公司')).toMatchObject({
      kind: 'enterprise',
      address: '示范路 1 号',
      staff: 120,
      hasOrganisation: false,
      list: null,
    });
    expect(await itemOf('阳光社工服务中心')).toMatchObject({ kind: 'social', staff: 35, hasOrganisation: true });
    expect((await itemOf('星火餐饮有限公司'))?.staff).toBe(12);
    const audit = await h.call(ADMIN, 'roster', 'auditLog', { action: 'employer.import', pageSize: 10 });
    expect(audit.items).toHaveLength(1);
  });

  itSoffice('updates an organisation imported again (a GBK CSV), keeping the committee’s list and note', async () => {
    await importRegister();
    await h.call(ADMIN, 'roster', 'fileEmployer', {
      committeeId: COMMITTEE,
      employer: '绿源物流有限公司',
      list: 'focus',
      note: '负责人已约谈',
    });
    const csv = iconv.encode(
      '单位名称,类型,从业人员数\r\n绿源物流 有限公司,企业,95\r\n新光电子有限公司,企业,40\r\n',
      'gbk',
    );
    expect(await importRegister(csv)).toEqual({ created: 1, updated: 1, errors: [] });
    expect(await itemOf('绿源物流 有限公司')).toMatchObject({ staff: 95, list: 'focus', note: '负责人已约谈' });
    expect((await view()).items).toHaveLength(5);
  });

  it('writes nothing for a file with no 单位名称 column', async () => {
    const before = await documentCounts(h.store);
    const csv = Buffer.from('名字,类型,地址\n示范科技有限公司,企业,示范路\n');
    const error = await expectError(
      h,
      ADMIN,
      'roster',
      'importEmployers',
      { committeeId: COMMITTEE, fileID: h.files.upload(ADMIN, csv) },
      'INVALID_INPUT',
    );
    expect(error.message).toContain('单位名称');
    expect(await documentCounts(h.store)).toEqual(before);
  });
});

describe('roster.employers: members found and the suggestion', () => {
  const csv = (names: string[]) => Buffer.from(`单位名称,类型\n${names.map((n) => `${n},企业`).join('\n')}\n`);

  it.each([
    [0, 0, 'none'],
    [0, 1, 'joint'],
    [1, 0, 'joint'],
    [2, 0, 'joint'],
    [3, 0, 'single'],
    [4, 1, 'single'],
  ] as const)('%i 正式 and %i 预备 on the roster → %s', async (full, probationary, suggestion) => {
    await importRegister(csv(['示范科技（杭州）有限公司']));
    const ids = ['member-001', 'member-002', 'member-003', 'member-004', 'member-005'];
    // Written as people write it: half-width brackets, spaces.
    for (const id of ids.slice(0, full)) await worksAt(id, ' 示范科技 (杭州) 有限公司');
    for (const id of ids.slice(full, full + probationary)) await worksAt(id, '示范科技(杭州)有限公司', 'probationary');
    expect(await itemOf('示范科技（杭州）有限公司')).toMatchObject({ full, probationary, suggestion });
  });

  it('counts a pending declaration naming the organisation, once, and copies it to 工作单位 on approval', async () => {
    await importRegister(csv(['星火餐饮有限公司', '阳光社工服务中心']));
    await h.call(VISITOR, 'identity', 'declare', {
      name: '张卫东',
      phone: '13800138000',
      partyStatus: 'full',
      joinedAt: '2015-07-01',
      fullAt: '2016-07-01',
      orgId: 'org-branch-1',
      employer: '  星火餐饮有限公司 ',
      consent: true,
    });
    expect(await itemOf('星火餐饮有限公司')).toMatchObject({ full: 1, probationary: 0, suggestion: 'joint' });
    const declaration = (await h.store.query('declarations', { where: { openid: VISITOR } }))[0];
    expect(declaration.employer).toBe('星火餐饮有限公司');
    const { memberId } = await h.call(SECRETARY, 'identity', 'review', { id: declaration._id, decision: 'approve' });
    expect((await h.store.get('members', memberId as string))?.workUnit).toBe('星火餐饮有限公司');
    expect(await itemOf('星火餐饮有限公司')).toMatchObject({ full: 1, suggestion: 'joint' });
  });

  it('keeps a roster entry’s own 工作单位 when its declaration names another', async () => {
    await h.store.update('members', 'member-008', { $set: { workUnit: '示范街道社区', openid: null } });
    const member = await h.store.get('members', 'member-008');
    await h.call(VISITOR, 'identity', 'declare', {
      name: member?.name as string,
      phone: (member?.phone ?? '13800138001') as string,
      partyStatus: member?.partyStatus as 'full',
      joinedAt: member?.joinedAt as string,
      ...(member?.fullAt ? { fullAt: member.fullAt } : {}),
      orgId: member?.branchId as string,
      employer: '星火餐饮有限公司',
      consent: true,
    });
    const declaration = (await h.store.query('declarations', { where: { openid: VISITOR } }))[0];
    await h.call(ADMIN, 'identity', 'review', { id: declaration._id, decision: 'approve', memberId: 'member-008' });
    expect((await h.store.get('members', 'member-008'))?.workUnit).toBe('示范街道社区');
  });
});

describe('roster.fileEmployer and 组织覆盖率', () => {
  const csv = Buffer.from('单位名称,是否已建党组织\n甲公司,是\n乙公司,否\n丙公司,否\n丁公司,否\n');

  it('is null with an empty register, and follows the register month by month', async () => {
    expect(await view()).toEqual({ items: [], coverage: null, history: [] });
    await importRegister(csv);
    expect((await view()).coverage).toBe(0.25);
    const filed = await h.call(ADMIN, 'roster', 'fileEmployer', {
      committeeId: COMMITTEE,
      employer: '乙公司',
      hasOrganisation: true,
      note: '与丙公司联合组建',
    });
    expect(filed).toMatchObject({
      employer: '乙公司',
      hasOrganisation: true,
      suggestion: 'none',
      note: '与丙公司联合组建',
    });
    expect(await view()).toMatchObject({ coverage: 0.5, history: [{ month: '2026-12', coverage: 0.5 }] });
    h.now.value = new Date('2027-01-05T02:00:00.000Z');
    await h.call(ADMIN, 'roster', 'fileEmployer', {
      committeeId: COMMITTEE,
      employer: '丙公司',
      hasOrganisation: true,
    });
    expect((await view()).history).toEqual([
      { month: '2026-12', coverage: 0.5 },
      { month: '2027-01', coverage: 0.75 },
    ]);
  });

  it('files an organisation into a list with a note, audited', async () => {
    await importRegister(csv);
    await worksAt('member-001', '丁公司');
    const item = await h.call(ADMIN, 'roster', 'fileEmployer', {
      committeeId: COMMITTEE,
      employer: '丁公司',
      list: 'priority',
      note: '年内组建',
    });
    expect(item).toEqual({
      employer: '丁公司',
      kind: null,
      address: null,
      staff: null,
      full: 1,
      probationary: 0,
      hasOrganisation: false,
      suggestion: 'joint',
      list: 'priority',
      note: '年内组建',
    });
    // The list only: the note stays; null takes it off the lists.
    expect(
      await h.call(ADMIN, 'roster', 'fileEmployer', { committeeId: COMMITTEE, employer: '丁公司', list: null }),
    ).toMatchObject({ list: null, note: '年内组建' });
    const audit = await h.call(ADMIN, 'roster', 'auditLog', { action: 'employer.file', pageSize: 10 });
    expect(audit.items).toHaveLength(2);
    // Filing changed no organisation's status: no snapshot.
    expect((await view()).history).toEqual([{ month: '2026-12', coverage: 0.25 }]);
  });

  itSoffice('exports the register with the suggestion and list in Chinese, and the coverage history', async () => {
    await importRegister();
    for (const id of ['member-001', 'member-002', 'member-004']) await worksAt(id, '示范科技(杭州)有限公司');
    await h.call(ADMIN, 'roster', 'fileEmployer', {
      committeeId: COMMITTEE,
      employer: '示范科技（杭州）有限公司',
      list: 'priority',
    });
    const link = await h.call(ADMIN, 'roster', 'exportEmployers', { committeeId: COMMITTEE });
    const sheets = await publishedSheets(h.files, link.fileID);
    const rows = sheets['两新组织'].map((row) => row.map((cell) => (cell === undefined ? null : cell)));
    const tech = rows.find((row) => row[0] === '示范科技（杭州）有限公司');
    expect(tech?.slice(0, 9)).toEqual([
      '示范科技（杭州）有限公司',
      '企业',
      '示范路 1 号',
      120,
      3,
      0,
      '否',
      '单独组建',
      '优先组建',
    ]);
    expect(rows.find((row) => row[0] === '阳光社工服务中心')?.slice(6, 8)).toEqual(['是', '无']);
    expect(sheets['覆盖率'].find((row) => row[0] === '2026-12')?.[1]).toBe(0.25);
  });
});

describe('refusals', () => {
  it('refuses a secretary every 两新 action', async () => {
    const fileID = h.files.upload(SECRETARY, Buffer.from('单位名称\n甲公司\n'));
    await expectError(h, SECRETARY, 'roster', 'employers', { committeeId: COMMITTEE }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'roster', 'importEmployers', { committeeId: COMMITTEE, fileID }, 'FORBIDDEN');
    await expectError(
      h,
      SECRETARY,
      'roster',
      'fileEmployer',
      { committeeId: COMMITTEE, employer: '甲公司', list: 'priority' },
      'FORBIDDEN',
    );
    await expectError(h, SECRETARY, 'roster', 'exportEmployers', { committeeId: COMMITTEE }, 'FORBIDDEN');
    expect(await h.store.query('employers', {})).toEqual([]);
  });

  it('keeps another committee’s register invisible', async () => {
    await importRegister(Buffer.from('单位名称\n甲公司\n'));
    await otherCommittee();
    await expectError(h, OTHER_ADMIN, 'roster', 'employers', { committeeId: COMMITTEE }, 'FORBIDDEN');
    await expectError(
      h,
      OTHER_ADMIN,
      'roster',
      'fileEmployer',
      { committeeId: COMMITTEE, employer: '甲公司', hasOrganisation: true },
      'FORBIDDEN',
    );
    expect(await h.call(OTHER_ADMIN, 'roster', 'employers', { committeeId: 'x-committee' })).toEqual({
      items: [],
      coverage: null,
      history: [],
    });
  });
});
