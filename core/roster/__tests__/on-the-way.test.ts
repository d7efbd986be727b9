import ExcelJS from 'exceljs';
import type { PartyStatus } from '../../../contracts/common';
import type { PersonRef } from '../../../contracts/roster';
import type { ProgressDoc } from '../../lectures';
import { periodsOf } from '../../points/periods';
import { applyEntry, branchTotalsId, emptyTotals, memberTotalsId, newlyJoined } from '../../points/totals';
import type { MemberDoc } from '../documents';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, SECRETARY } from '../../../tests/support/demo';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { convertAll, fods, hasSoffice } from '../import/__tests__/libreoffice';

/**
 * The people on the way to membership (发展对象, 入党积极分子, 入党申请人) on the roster, as 发展党员
 * puts them there: listed and exported by category, counted apart from the Party members in every
 * measure, moved and retired only by 发展党员, never imported.
 */

const BRANCH_1 = 'org-branch-1';
const BRANCH_2 = 'org-branch-2';
const GROUP_1 = 'org-group-1';
const BRANCH_1_SIZE = 18;
const MIN = 60_000;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

/** Someone on the way as 发展党员 enters them: no 入党日期, no 党龄. */
async function onTheWay(
  harness: Harness,
  id: string,
  name: string,
  partyStatus: PartyStatus,
  place: { branchId: string; groupId?: string | null },
  more: Partial<MemberDoc> = {},
): Promise<MemberDoc> {
  const at = harness.now.value.toISOString();
  const doc: MemberDoc = {
    _id: id,
    name,
    phone: null,
    landline: null,
    partyStatus,
    joinedAt: null,
    fullAt: null,
    committeeId: 'org-committee',
    branchId: place.branchId,
    groupId: place.groupId ?? null,
    status: 'active',
    inactiveReason: null,
    openid: null,
    externalOrg: null,
    history: [{ at, action: 'created', note: '发展党员：递交入党申请' }],
    createdAt: at,
    updatedAt: at,
    ...more,
  };
  await harness.store.create('members', doc);
  return doc;
}

/** 第一党支部's 发展对象 (第一党小组), 入党积极分子 (第二党小组) and 入党申请人; 第二党支部's 入党积极分子. */
async function seedOnTheWay(harness: Harness = h) {
  const contact: PersonRef = { memberId: 'member-002', name: '王志强' };
  return {
    candidate: await onTheWay(
      harness,
      'way-candidate',
      '赵晓明',
      'candidate',
      { branchId: BRANCH_1, groupId: GROUP_1 },
      {
        contacts: [contact],
        sponsors: [contact, { memberId: null, name: '张老师' }],
      },
    ),
    activist: await onTheWay(harness, 'way-activist', '钱小红', 'activist', {
      branchId: BRANCH_1,
      groupId: 'org-group-2',
    }),
    applicant: await onTheWay(harness, 'way-applicant', '孙立', 'applicant', { branchId: BRANCH_1 }),
    elsewhere: await onTheWay(harness, 'way-branch-2', '李卫', 'activist', { branchId: BRANCH_2 }),
  };
}

const list = (openid: string, orgId: string, more: Record<string, unknown> = {}) =>
  h.call(openid, 'roster', 'listMembers', { orgId, pageSize: 100, ...more });
const names = (page: { items: Array<{ name: string }> }) => page.items.map((m) => m.name).sort();

function published(harness: Harness, fileID: string): { name: string; content: Buffer } {
  const file = harness.files.published.get(fileID);
  if (!file) throw new Error(`nothing published as ${fileID}`);
  return file;
}

async function readSheet(content: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('roster.listMembers by 党员身份', () => {
  beforeEach(() => seedOnTheWay());

  it('lists the chosen categories only, with the total of what is listed', async () => {
    expect(names(await list(SECRETARY, BRANCH_1, { statuses: ['candidate'] }))).toEqual(['赵晓明']);
    expect(names(await list(SECRETARY, BRANCH_1, { statuses: ['activist', 'applicant'] }))).toEqual(['孙立', '钱小红']);
    const members = await list(SECRETARY, BRANCH_1, { statuses: ['full', 'probationary'] });
    expect(members.total).toBe(BRANCH_1_SIZE);
    expect(members.items.every((m) => m.partyStatus === 'full' || m.partyStatus === 'probationary')).toBe(true);
    // Without a filter: everyone on the roster, the people on the way with their status and no 党龄.
    const all = await list(SECRETARY, BRANCH_1);
    expect(all.total).toBe(BRANCH_1_SIZE + 3);
    expect(all.items.find((m) => m.name === '赵晓明')).toMatchObject({
      partyStatus: 'candidate',
      joinedAt: null,
      partyYears: null,
    });
  });

  it('counts each 党员身份 when asked, whatever is filtered, with the search and the group applied', async () => {
    const page = await list(SECRETARY, BRANCH_1, { statuses: ['candidate'], countStatuses: true });
    expect(page.total).toBe(1);
    expect(page.byStatus).toMatchObject({ candidate: 1, activist: 1, applicant: 1 });
    expect((page.byStatus?.full ?? 0) + (page.byStatus?.probationary ?? 0)).toBe(BRANCH_1_SIZE);
    expect((await list(SECRETARY, GROUP_1, { countStatuses: true, query: '赵' })).byStatus).toMatchObject({
      candidate: 1,
      activist: 0,
      applicant: 0,
    });
    expect(await list(SECRETARY, BRANCH_1, { statuses: ['candidate'] })).not.toHaveProperty('byStatus');
  });

  it('keeps to the caller’s scope: another branch’s people are never listed, nor counted', async () => {
    const activists = await list(SECRETARY, BRANCH_1, { statuses: ['activist'], countStatuses: true });
    expect(names(activists)).toEqual(['钱小红']);
    expect(activists.byStatus?.activist).toBe(1);
    await expectError(h, SECRETARY, 'roster', 'listMembers', { orgId: BRANCH_2, statuses: ['activist'] }, 'FORBIDDEN');
    // The committee admin sees both branches'.
    expect(names(await list(ADMIN, 'org-committee', { statuses: ['activist'] }))).toEqual(['李卫', '钱小红']);
  });

  it.each<[unknown, string]>([
    [[], '请至少选择一种身份类别'],
    [['member'], '身份类别应为'],
    [['candidate', 'candidate'], '身份类别不能重复'],
    ['candidate', '身份类别应为列表'],
    [[1], '身份类别应为'],
  ])('refuses statuses %j with INVALID_INPUT naming what is expected', async (statuses, message) => {
    for (const action of ['listMembers', 'exportMembers']) {
      const error = await expectError(h, SECRETARY, 'roster', action, { orgId: BRANCH_1, statuses }, 'INVALID_INPUT');
      expect(error.message).toContain(message);
      expect(error.field).toMatch(/^statuses/);
    }
  });
});

describe('roster.exportMembers by 党员身份', () => {
  beforeEach(() => seedOnTheWay());

  const exported = async (statuses?: PartyStatus[]) => {
    const link = await h.call(SECRETARY, 'roster', 'exportMembers', {
      orgId: BRANCH_1,
      ...(statuses ? { statuses } : {}),
    });
    const [title, , header, ...rows] = await readSheet(published(h, link.fileID).content);
    const status = (header as unknown[]).indexOf('党员身份');
    return { name: link.name, title: title[0], rows: rows.map((r) => [r[0], r[status]]) };
  };

  it('holds the chosen categories and says which in its title and name', async () => {
    expect(await exported(['candidate', 'activist', 'applicant'])).toEqual({
      name: '第一党支部发展对象、入党积极分子、入党申请人名册-2026-11-23.xlsx',
      title: '第一党支部 发展对象、入党积极分子、入党申请人名册',
      // In pinyin order: 钱, 孙, 赵.
      rows: [
        ['钱小红', '入党积极分子'],
        ['孙立', '入党申请人'],
        ['赵晓明', '发展对象'],
      ],
    });
    const members = await exported(['full', 'probationary']);
    expect(members).toMatchObject({ name: '第一党支部党员花名册-2026-11-23.xlsx', title: '第一党支部 党员花名册' });
    expect(members.rows).toHaveLength(BRANCH_1_SIZE);
    expect(members.rows.every(([, status]) => status === '正式党员' || status === '预备党员')).toBe(true);
    expect((await exported(['activist'])).title).toBe('第一党支部 入党积极分子名册');
  });

  it('without a filter holds everyone on the roster, and its title says the people on the way are in it', async () => {
    const all = await exported();
    expect(all).toMatchObject({
      name: '第一党支部花名册-2026-11-23.xlsx',
      title: '第一党支部 花名册（含入党积极分子等）',
    });
    expect(all.rows).toHaveLength(BRANCH_1_SIZE + 3);
    expect(all.rows).toContainEqual(['赵晓明', '发展对象']);
    expect(all.rows.map(([name]) => name)).not.toContain('李卫');
    const audit = (await h.call(ADMIN, 'roster', 'auditLog', { pageSize: 100 })).items.filter(
      (e) => e.action === 'member.export',
    );
    expect(audit.map((e) => e.after)).toEqual([{ count: BRANCH_1_SIZE + 3 }]);
  });

  it('is scoped as the list is: another branch’s secretary gets nothing', async () => {
    await expectError(
      h,
      SECRETARY,
      'roster',
      'exportMembers',
      { orgId: BRANCH_2, statuses: ['activist'] },
      'FORBIDDEN',
    );
  });
});

describe('the measures stay about Party members', () => {
  /**
   * The same month in two worlds: one branch, one 主题党日 (two members signed in by hand, the rest
   * absent when it closes), a lecture finished and points earned by a member. In the second world the
   * branch also has people on the way, who were expected, one signed in, one bound, one finished a
   * lecture and earned points: every rate, 人均积分 and member count must read the same.
   */
  async function world(withPeopleOnTheWay: boolean) {
    const w = await createHarness();
    const way = withPeopleOnTheWay ? await seedOnTheWay(w) : null;
    if (way) await w.store.update('members', way.activist._id, { $set: { openid: 'wx-activist' } });
    const start = w.now.value.getTime() + 10 * MIN;
    const { id } = await w.call(SECRETARY, 'activity', 'create', {
      orgId: BRANCH_1,
      kind: 'theme_day',
      title: '主题党日：重温入党誓词',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 90 * MIN).toISOString(),
    });
    w.now.value = new Date(start + 5 * MIN);
    const signedIn = ['member-003', 'member-004', ...(way ? [way.candidate._id] : [])];
    for (const memberId of signedIn)
      await w.call(SECRETARY, 'activity', 'manualCheckin', { id, memberId, reason: '忘带手机' });
    w.now.value = new Date(start + 100 * MIN);
    await w.call(SECRETARY, 'activity', 'close', { id });
    const expected = (await w.store.get('activities', id))?.attendees.map((a) => a.id) ?? [];
    if (way) expect(expected).toEqual(expect.arrayContaining([way.candidate._id, way.activist._id]));
    for (const memberId of ['member-003', ...(way ? [way.applicant._id] : [])]) await finished(w, memberId);
    await credit(w, 'member-003', 4);
    if (way) await credit(w, way.activist._id, 10);
    const overview = await w.call(ADMIN, 'roster', 'overview', { orgId: 'org-committee', period: 'month' });
    const rating = await w.call(ADMIN, 'roster', 'ratingProposals', { committeeId: 'org-committee', year: 2026 });
    const tree = await w.call(ADMIN, 'roster', 'tree', { counts: true });
    const wayTotals = way ? await w.store.get('pointTotals', memberTotalsId(way.activist._id, 2026)) : null;
    w.close();
    return {
      line: overview.items.find((item) => item.orgId === BRANCH_1),
      measures: rating.items.find((item) => item.orgId === BRANCH_1)?.measures,
      node: tree.orgs.find((org) => org.id === BRANCH_1),
      group: tree.orgs.find((org) => org.id === GROUP_1),
      wayPoints: wayTotals?.total.net ?? 0,
    };
  }

  async function finished(w: Harness, memberId: string) {
    const member = await w.store.get('members', memberId);
    const at = w.now.value.toISOString();
    const doc: ProgressDoc = {
      _id: `lecture-x:${memberId}`,
      lectureId: 'lecture-x',
      memberId,
      name: member?.name ?? '',
      branchId: BRANCH_1,
      groupId: null,
      committeeId: 'org-committee',
      state: {
        intervals: [[0, 600]],
        coveredS: 600,
        position: 600,
        furthest: 600,
        lastBeat: null,
        completedAt: w.now.value.getTime(),
        rev: 1,
      },
      quiz: null,
      doneAt: at,
      points: 2,
      startedAt: at,
      watchedAt: at,
    };
    await w.store.create('lectureProgress', doc);
  }

  /** Points posted to the member and their branch's totals, as the ledger keeps them. */
  async function credit(w: Harness, memberId: string, value: number) {
    const periods = periodsOf(w.now.value);
    const entry = { rule: 'volunteer', kind: 'bonus' as const, value, branchId: BRANCH_1 };
    const mine =
      (await w.store.get('pointTotals', memberTotalsId(memberId, periods.year))) ??
      emptyTotals('member', memberId, BRANCH_1, 'org-committee', periods.year);
    const branch =
      (await w.store.get('pointTotals', branchTotalsId(BRANCH_1, periods.year))) ??
      emptyTotals('branch', BRANCH_1, BRANCH_1, 'org-committee', periods.year);
    await w.store.set('pointTotals', applyEntry(mine, entry, periods));
    await w.store.set('pointTotals', applyEntry(branch, entry, periods, newlyJoined(mine, entry, periods)));
  }

  it('支部概览 and 评星定级 read the same with the people on the way present; they are counted apart', async () => {
    const without = await world(false);
    const withThem = await world(true);
    expect(withThem.wayPoints).toBeGreaterThan(0);
    expect(without.line?.attendanceRate).toBeGreaterThan(0);
    expect(without.line?.studyRate).toBeGreaterThan(0);
    expect(without.line?.pointsAverage).not.toBe(0);
    expect(withThem.line).toEqual({ ...without.line, onTheWay: 3 });
    expect(without.line?.onTheWay).toBe(0);
    expect(withThem.line?.members).toBe(BRANCH_1_SIZE);
    expect(withThem.measures).toEqual(without.measures);
    expect(withThem.node).toMatchObject({ activeMembers: BRANCH_1_SIZE, activeOnTheWay: 3 });
    expect(without.node).toMatchObject({ activeMembers: BRANCH_1_SIZE, activeOnTheWay: 0 });
    expect(withThem.group?.activeOnTheWay).toBe(1);
  }, 60_000);
});

describe('发展党员 keeps where someone on the way belongs', () => {
  let way: Awaited<ReturnType<typeof seedOnTheWay>>;
  beforeEach(async () => {
    way = await seedOnTheWay();
  });

  it('shows their 培养联系人 and 入党介绍人, and offers editing but neither 调动 nor 停用', async () => {
    const detail = await h.call(SECRETARY, 'roster', 'getMember', { id: way.candidate._id });
    expect(detail).toMatchObject({
      partyStatus: 'candidate',
      contacts: [{ memberId: 'member-002', name: '王志强' }],
      sponsors: [
        { memberId: 'member-002', name: '王志强' },
        { memberId: null, name: '张老师' },
      ],
      allowed: { edit: true, exempt: true, transfer: false, deactivate: false },
    });
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id: 'member-003' })).toMatchObject({
      contacts: [],
      sponsors: [],
      allowed: { transfer: true, deactivate: true },
    });
  });

  it('refuses to transfer them, deactivate them or move them to another group, pointing to 发展党员; nothing changes', async () => {
    const before = await snapshot(h.store);
    const cases: Array<[string, Record<string, unknown>]> = [
      ['transferMember', { id: way.candidate._id, toOrgId: BRANCH_2 }],
      ['transferMember', { id: way.activist._id, toOrgId: GROUP_1 }],
      ['deactivateMember', { id: way.applicant._id, reason: '转出' }],
      ['updateMember', { id: way.candidate._id, groupId: 'org-group-2' }],
      ['updateMember', { id: way.activist._id, groupId: null }],
    ];
    for (const [action, data] of cases) {
      const error = await expectError(h, ADMIN, 'roster', action, data, 'CONFLICT');
      expect(error.message).toMatch(/由“发展党员”管理.*请在“发展党员”中办理/);
    }
    expect(await snapshot(h.store)).toEqual(before);
    // Their other details are the secretary's to correct.
    await h.call(SECRETARY, 'roster', 'updateMember', { id: way.candidate._id, phone: '13912340000' });
    expect((await h.store.get('members', way.candidate._id))?.phone).toBe('13912340000');
  });

  it('keeps a group or branch with them on it from being archived, counting them apart', async () => {
    const error = await expectError(h, ADMIN, 'roster', 'archiveOrg', { id: 'org-group-2' }, 'CONFLICT');
    expect(error.message).toMatch(/名在册党员和入党积极分子等 1 人/);
  });
});

describe('the roster import leaves the people on the way to 发展党员', () => {
  const HEADER = ['姓名', '手机号', '党员身份', '入党日期', '转正日期', '党小组'];
  const REFUSAL = /「入党积极分子」：入党申请人、入党积极分子和发展对象不通过花名册导入，请在“发展党员”中建档/;

  async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('花名册');
    sheet.addRow(HEADER);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('refuses a row whose 党员身份 is 入党积极分子, saying where to enter them, and imports nothing', async () => {
    const before = await snapshot(h.store);
    const fileID = h.files.upload(
      SECRETARY,
      await xlsx([
        ['欧阳明', '13600001111', '正式党员', '2018-07-01', '2019-07-01', null],
        ['钱多多', '13600002222', '入党积极分子', null, null, null],
      ]),
    );
    const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: BRANCH_1, fileID });
    expect(preview).toMatchObject({ create: 1, errorCount: 1 });
    expect(preview.errors[0]).toMatchObject({ row: 3, column: '党员身份', value: '入党积极分子' });
    expect(preview.errors[0].message).toMatch(REFUSAL);
    const error = await expectError(
      h,
      SECRETARY,
      'roster',
      'importMembers',
      { orgId: BRANCH_1, fileID },
      'INVALID_INPUT',
    );
    expect(JSON.stringify(error.details)).toMatch(REFUSAL);
    const { importPreviews: _previews, ...rest } = await snapshot(h.store);
    const { importPreviews: _before, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it('refuses a row that would make someone on the way a Party member (by their number, or their name without one)', async () => {
    await seedOnTheWay();
    // 发展党员 enters a number as any roster entry does: it holds the number's key.
    await h.store.update('members', 'way-activist', { $set: { phone: '13600003333' } });
    await h.store.create('phoneKeys', {
      _id: 'org-committee:13600003333',
      committeeId: 'org-committee',
      phone: '13600003333',
      memberId: 'way-activist',
      at: h.now.value.toISOString(),
    });
    const fileID = h.files.upload(
      SECRETARY,
      await xlsx([
        ['钱小红', '13600003333', '正式党员', '2018-07-01', '2019-07-01', null],
        ['孙立', null, '预备党员', '2026-07-01', null, null],
      ]),
    );
    const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: BRANCH_1, fileID });
    expect(preview).toMatchObject({ create: 0, update: 0, errorCount: 2 });
    expect(preview.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [
        2,
        '党员身份',
        '正式党员',
        '钱小红在花名册上是入党积极分子，身份和日期由“发展党员”记录，不能通过导入修改，请在“发展党员”中办理相应步骤',
      ],
      [
        3,
        '党员身份',
        '预备党员',
        '孙立在花名册上是入党申请人，身份和日期由“发展党员”记录，不能通过导入修改，请在“发展党员”中办理相应步骤',
      ],
    ]);
    const result = await h.call(SECRETARY, 'roster', 'importMembers', { orgId: BRANCH_1, fileID, skipInvalid: true });
    expect(result).toEqual({ created: 0, updated: 0, unchanged: 0, skipped: 2 });
    expect((await h.store.get('members', 'way-activist'))?.partyStatus).toBe('activist');
    expect((await h.store.get('members', 'way-applicant'))?.partyStatus).toBe('applicant');
  });

  (hasSoffice() ? it : it.skip)(
    'refuses them in a list made by LibreOffice (政治面貌 入党积极分子 / 发展对象 / 入党申请人), importing the members',
    async () => {
      const file = fods([
        {
          name: '花名册',
          rows: [
            ['姓名', '手机号', '政治面貌', '入党时间', '转正时间', '党小组'],
            ['欧阳明', '13600001111', '中共党员', { d: '2018-07-01' }, { d: '2019-07-01' }, null],
            ['钱多多', '13600002222', '入党积极分子', null, null, null],
            ['周发展', { n: 13600004444 }, '发展对象', null, null, null],
            ['吴申请', null, '入党申请人', null, null, null],
          ],
        },
      ]);
      const content = convertAll({ list: file }, ['xlsx']).get('list.xlsx') as Buffer;
      const fileID = h.files.upload(SECRETARY, content);
      const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: BRANCH_1, fileID });
      expect(preview).toMatchObject({ create: 1, update: 0, errorCount: 3 });
      expect(preview.errors.map((e) => [e.row, e.column, e.value])).toEqual([
        [3, '政治面貌', '入党积极分子'],
        [4, '政治面貌', '发展对象'],
        [5, '政治面貌', '入党申请人'],
      ]);
      expect(preview.errors.every((e) => e.message.includes('请在“发展党员”中建档'))).toBe(true);
      expect(
        await h.call(SECRETARY, 'roster', 'importMembers', {
          orgId: BRANCH_1,
          fileID,
          previewId: preview.previewId,
          skipInvalid: true,
        }),
      ).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 3 });
      expect((await list(SECRETARY, BRANCH_1, { statuses: ['activist', 'candidate', 'applicant'] })).total).toBe(0);
      expect(names(await list(SECRETARY, BRANCH_1, { query: '欧阳' }))).toEqual(['欧阳明']);
    },
    180_000,
  );
});
