import ExcelJS from 'exceljs';
import type { MemberDoc } from '../documents';
import { PREVIEW_MINUTES } from '../import/preview-doc';
import { createHarness, STORAGES, type Harness, type Storage } from '../../../tests/support/harness';
import { snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER, OFFICER, SECRETARY, VISITOR } from '../../../tests/support/demo';

/**
 * Issue 12: upload → preview (what would be created, updated, left as it is, refused, and why)
 * → confirm the valid rows, download the refused ones to fix. Nothing changes before the confirm,
 * and the confirm does what the preview showed or nothing.
 */
let h: Harness;
const open = async (storage: Storage = 'memory') => {
  h = await createHarness({ storage });
};
afterEach(() => h?.close());

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('花名册');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rowsOf(content: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

const branchMember = async (name: string) =>
  (await h.store.query('members', { where: { branchId: 'org-branch-1', name } }))[0];

/** A branch's own roster: a title, its columns in another order, two bad rows, a new, a changed and an unchanged member. */
async function secretaryFile(): Promise<Buffer> {
  const wu = await branchMember('吴桂兰');
  const other = (await h.store.query('members', { where: { branchId: 'org-branch-1' }, limit: 30 })).find(
    (m) => m.name !== '吴桂兰' && m.partyStatus === 'full' && m.fullAt,
  ) as MemberDoc;
  return workbook([
    ['第一党支部党员花名册'],
    ['序号', '姓名', '性别', '联系电话', '政治面貌', '入党时间', '转正时间', '党小组'],
    [1, '欧阳明', '男', '136 0000 1111', '中共党员', '2018-07-01', '2019-07-01', '第二党小组'],
    [2, '司马青', '女', '13600002222', '中共党员', '2010年13月', '2011-07-01', ''],
    // A blank 性别 keeps what the roster has.
    [3, wu.name, '', wu.phone, '中共党员', wu.joinedAt, '1980-10-02', ''],
    [4, other.name, '', other.phone, '中共党员', other.joinedAt, other.fullAt, ''],
    [5, '上官云', '男', '12345', '中共党员', '2015-07-01', '2016-07-01', ''],
    ['合计：5人'],
  ]);
}

describe('roster.previewImport', () => {
  beforeEach(() => open());

  it('says what each row would do and why a row is refused, naming row, column, value and what is expected, changing nothing', async () => {
    const fileID = h.files.upload(SECRETARY, await secretaryFile());
    const before = await snapshot(h.store);
    const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID });
    expect(preview).toMatchObject({ create: 1, update: 1, unchanged: 1, errorCount: 2 });
    expect(preview.errors).toEqual([
      {
        row: 4,
        column: '入党时间',
        value: '2010年13月',
        message: expect.stringMatching(/不是有效日期，应如 2010-07-01/),
      },
      {
        row: 7,
        column: '联系电话',
        value: '12345',
        message: expect.stringMatching(/不是 11 位手机号或固定电话/),
      },
    ]);
    expect(preview.recognizedColumns).toEqual([
      '姓名',
      '联系电话',
      '政治面貌',
      '入党时间',
      '转正时间',
      '党小组',
      '性别',
    ]);
    expect(preview.ignoredColumns).toEqual(['序号']);
    expect(preview.members).toEqual([
      { row: 3, name: '欧阳明', action: 'create', changes: [] },
      { row: 5, name: '吴桂兰', action: 'update', changes: ['转正日期'] },
    ]);
    expect(preview.previewId).toEqual(expect.any(String));
    const after = await snapshot(h.store);
    expect({ ...after, importPreviews: [] }).toEqual({ ...before, importPreviews: [] });
    expect(after.importPreviews).toHaveLength(1);
  });

  it('gives the refused rows as a file with the reasons, which imports once corrected', async () => {
    const fileID = h.files.upload(SECRETARY, await secretaryFile());
    const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID });
    expect(preview.refusedRows?.name).toMatch(/\.xlsx$/);
    const refused = await rowsOf(h.files.published.get(preview.refusedRows?.fileID ?? '')?.content as Buffer);
    expect(refused[0]).toEqual([
      '序号',
      '姓名',
      '性别',
      '联系电话',
      '政治面貌',
      '入党时间',
      '转正时间',
      '党小组',
      '原文件行号',
      '错误说明',
    ]);
    expect(refused.slice(1).map((r) => [r[1], r[8], r[9]])).toEqual([
      ['司马青', '4', expect.stringMatching(/入党时间「2010年13月」不是有效日期/)],
      ['上官云', '7', expect.stringMatching(/不是 11 位手机号或固定电话/)],
    ]);
    expect(refused[1][3]).toBe('13600002222');

    // The secretary fixes the date, drops the landline row and imports the file as given back.
    const fixed = refused.slice(0, 2).map((r) => r.slice(0, 8));
    fixed[1][5] = '2010-07-01';
    const again = h.files.upload(SECRETARY, await workbook(fixed));
    const second = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID: again });
    expect(second).toMatchObject({ create: 1, update: 0, unchanged: 0, errorCount: 0, refusedRows: null });
    expect(
      await h.call(SECRETARY, 'roster', 'importMembers', {
        orgId: 'org-branch-1',
        fileID: again,
        previewId: second.previewId,
      }),
    ).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 0 });
    expect(await branchMember('司马青')).toMatchObject({ phone: '13600002222', joinedAt: '2010-07-01' });
  });

  it('refuses callers who may not write the branch, and answers a file with no roster as an error', async () => {
    const fileID = h.files.upload(SECRETARY, await secretaryFile());
    for (const who of [MEMBER, VISITOR, OFFICER]) {
      const error = await h.fail(who, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID });
      expect(error.code).toMatch(/FORBIDDEN/);
    }
    const otherBranch = await h.fail(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-2', fileID });
    expect(otherBranch.code).toBe('FORBIDDEN');
    const junk = h.files.upload(SECRETARY, Buffer.from('not a workbook'));
    const error = await h.fail(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID: junk });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'file' });
    expect(await h.store.count('importPreviews')).toBe(0);
  });
});

describe('roster.importMembers after a preview', () => {
  beforeEach(() => open());

  const previewed = async () => {
    const fileID = h.files.upload(SECRETARY, await secretaryFile());
    const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID });
    return { fileID, preview };
  };

  it('imports the valid rows with skipInvalid, once, as the preview said', async () => {
    const { fileID, preview } = await previewed();
    const members = await h.store.count('members');
    const input = { orgId: 'org-branch-1', fileID, previewId: preview.previewId, skipInvalid: true };
    expect(await h.call(SECRETARY, 'roster', 'importMembers', input)).toEqual({
      created: 1,
      updated: 1,
      unchanged: 1,
      skipped: 2,
    });
    expect(await h.store.count('members')).toBe(members + 1);
    expect(await branchMember('吴桂兰')).toMatchObject({ fullAt: '1980-10-02' });
    expect(await branchMember('欧阳明')).toMatchObject({ gender: '男', groupId: 'org-group-2' });
    const twice = await h.fail(SECRETARY, 'roster', 'importMembers', input);
    expect(twice).toMatchObject({ code: 'CONFLICT', message: '这次预览已经导入过了' });
    const [audit] = (await h.call(ADMIN, 'roster', 'auditLog', { action: 'member.import' })).items;
    expect(audit.after).toEqual({ created: 1, updated: 1, unchanged: 1, skipped: 2 });
  });

  it('imports nothing from a file with refused rows unless asked to skip them', async () => {
    const { fileID, preview } = await previewed();
    const before = await snapshot(h.store);
    const error = await h.fail(SECRETARY, 'roster', 'importMembers', {
      orgId: 'org-branch-1',
      fileID,
      previewId: preview.previewId,
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'file' });
    expect(error.details).toHaveLength(2);
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('refuses a preview that is not the caller’s, of another file, expired, or overtaken by a change of the roster', async () => {
    const { fileID, preview } = await previewed();
    const input = { orgId: 'org-branch-1', fileID, previewId: preview.previewId, skipInvalid: true };
    const before = await snapshot(h.store);

    // The branch's officer may not write the roster at all; the admin may, but the preview is not theirs.
    const adminFile = h.files.upload(ADMIN, h.files.uploads.get(fileID)?.content as Buffer);
    const notTheirs = await h.fail(ADMIN, 'roster', 'importMembers', { ...input, fileID: adminFile });
    expect(notTheirs).toMatchObject({ code: 'FORBIDDEN', message: '只能确认自己的导入预览' });
    const otherFile = h.files.upload(
      SECRETARY,
      await workbook([
        ['姓名', '手机号', '党员身份', '入党日期', '转正日期'],
        ['钱多多', '13600009999', '预备党员', '2026-01-05', ''],
      ]),
    );
    const wrongFile = await h.fail(SECRETARY, 'roster', 'importMembers', { ...input, fileID: otherFile });
    expect(wrongFile).toMatchObject({ field: 'previewId', message: expect.stringMatching(/重新预览/) });
    const unknown = await h.fail(SECRETARY, 'roster', 'importMembers', { ...input, previewId: 'nope-preview' });
    expect(unknown.code).toBe('NOT_FOUND');

    // The same fileID holding another file (uploaded over it) is another file.
    const upload = h.files.uploads.get(fileID) as { owner: string; content: Buffer };
    const original = upload.content;
    upload.content = await workbook([
      ['姓名', '手机号', '党员身份', '入党日期', '转正日期'],
      ['钱多多', '13600009999', '预备党员', '2026-01-05', ''],
    ]);
    expect(await h.fail(SECRETARY, 'roster', 'importMembers', input)).toMatchObject({
      code: 'CONFLICT',
      message: '文件在预览后被替换了，请重新预览',
    });
    upload.content = original;

    h.now.value = new Date(h.now.value.getTime() + (PREVIEW_MINUTES * 60 + 1) * 1000);
    expect(await h.fail(SECRETARY, 'roster', 'importMembers', input)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/预览已超过 30 分钟/),
    });
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('refuses when the roster changed since the preview, writing nothing', async () => {
    const { fileID, preview } = await previewed();
    // Someone enters 欧阳明 by hand meanwhile: the file's row would now update, not create.
    await h.call(SECRETARY, 'roster', 'createMember', {
      orgId: 'org-branch-1',
      name: '欧阳明',
      phone: '13600001111',
      partyStatus: 'full',
      joinedAt: '2018-07-01',
      fullAt: '2019-07-01',
    });
    const before = await snapshot(h.store);
    const error = await h.fail(SECRETARY, 'roster', 'importMembers', {
      orgId: 'org-branch-1',
      fileID,
      previewId: preview.previewId,
      skipInvalid: true,
    });
    expect(error).toMatchObject({ code: 'CONFLICT', message: '花名册在预览之后有了变化，请重新预览后再导入' });
    expect(await snapshot(h.store)).toEqual(before);
  });
});

describe('the roster’s own export imported again', () => {
  beforeEach(() => open());

  it('reads masked numbers (the admin’s export) as the members they stand for: every row unchanged', async () => {
    const link = await h.call(ADMIN, 'roster', 'exportMembers', { orgId: 'org-branch-1' });
    const content = h.files.published.get(link.fileID)?.content as Buffer;
    expect((await rowsOf(content)).flat().some((cell) => /^1\d{2}\*{4}\d{4}$/.test(cell))).toBe(true);
    const fileID = h.files.upload(ADMIN, content);
    const size = await h.store.count('members', { branchId: 'org-branch-1', status: 'active' });
    const preview = await h.call(ADMIN, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID });
    expect(preview).toMatchObject({ create: 0, update: 0, unchanged: size, errorCount: 0 });
    const before = await snapshot(h.store, ['members', 'phoneKeys']);
    expect(
      await h.call(ADMIN, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID, previewId: preview.previewId }),
    ).toEqual({ created: 0, updated: 0, unchanged: size, skipped: 0 });
    expect(await snapshot(h.store, ['members', 'phoneKeys'])).toEqual(before);
  });

  it('refuses a masked number no member of the branch has under that name, without revealing numbers', async () => {
    const wu = await branchMember('吴桂兰');
    const phone = wu.phone as string;
    const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
    const fileID = h.files.upload(
      SECRETARY,
      await workbook([
        ['姓名', '手机号', '党员身份', '入党日期', '转正日期'],
        ['吴桂芝', masked, '正式党员', '1979-10-01', '1980-10-01'],
        [wu.name, '138****0000', '正式党员', '1979-10-01', '1980-10-01'],
      ]),
    );
    const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID });
    expect(preview.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '手机号',
        value: masked,
        message: expect.stringMatching(/隐去了中间四位/),
      }),
      expect.objectContaining({ row: 3, column: '手机号', value: '138****0000' }),
    ]);
    expect(JSON.stringify(preview)).not.toContain(wu.phone);
  });
});

describe.each(STORAGES)('two confirmations of one preview at once (%s store)', (storage) => {
  beforeEach(() => open(storage));

  it('import once; the other answers CONFLICT', async () => {
    const fileID = h.files.upload(SECRETARY, await secretaryFile());
    const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID });
    const members = await h.store.count('members');
    const input = { orgId: 'org-branch-1', fileID, previewId: preview.previewId, skipInvalid: true };
    const results = await Promise.all(
      [1, 2].map(() => h.raw(SECRETARY, 'roster', { action: 'importMembers', data: input })),
    );
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await h.store.count('members')).toBe(members + 1);
  });
});

describe('the optional profile columns (性别, 出生日期, 民族, 学历, 工作单位, 党员分类)', () => {
  beforeEach(() => open());

  it('imports what it can read, warns of what it cannot and leaves that out, and counts a changed profile as an update', async () => {
    const wu = await branchMember('吴桂兰');
    const fileID = h.files.upload(
      SECRETARY,
      await workbook([
        [
          '姓名',
          '手机号',
          '党员身份',
          '入党日期',
          '转正日期',
          '性别',
          '出生日期',
          '民族',
          '文化程度',
          '工作单位',
          '党员分类',
        ],
        [
          '欧阳明',
          '13600001111',
          '正式党员',
          '2018-07-01',
          '2019-07-01',
          '男',
          '1990-03-04',
          '满',
          '大专',
          '示范街道社区',
          '流动党员、困难党员',
        ],
        [
          '司马青',
          '13600002222',
          '正式党员',
          '2018-07-01',
          '2019-07-01',
          '未知',
          '2005-01-01',
          '火星族',
          '大学',
          '',
          '贫困',
        ],
        [wu.name, wu.phone, '正式党员', wu.joinedAt, wu.fullAt, '', '', '回族', '', '', ''],
      ]),
    );
    const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID });
    expect(preview).toMatchObject({ create: 2, update: 1, unchanged: 0, errorCount: 0 });
    expect(preview.members.find((m) => m.name === wu.name)?.changes).toEqual(['民族']);
    expect(preview.warnings.map((w) => [w.row, w.column, w.value])).toEqual([
      [3, '性别', '未知'],
      [3, '民族', '火星族'],
      [3, '党员分类', '贫困'],
      [3, '出生日期', '2005-01-01'],
    ]);
    expect(preview.warnings[3].message).toMatch(/入党须年满十八岁.*此项未导入/);
    await h.call(SECRETARY, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID, previewId: preview.previewId });
    expect(await branchMember('欧阳明')).toMatchObject({
      gender: '男',
      birthDate: '1990-03-04',
      ethnicity: '满族',
      education: '大学专科',
      workUnit: '示范街道社区',
      categories: ['困难党员', '流动党员'],
    });
    const sima = await branchMember('司马青');
    expect(sima).toMatchObject({ education: '大学本科' });
    expect(sima.gender ?? null).toBeNull();
    expect(sima.birthDate ?? null).toBeNull();
    expect(await branchMember(wu.name)).toMatchObject({ ethnicity: '回族', fullAt: wu.fullAt });
  });
});

describe('members without a mobile (many retired members) or with a fixed line', () => {
  beforeEach(() => open());

  const header = ['姓名', '手机号', '党员身份', '入党日期', '转正日期'];

  it('are imported, found again by name, and claim a mobile when one is given later', async () => {
    const first = h.files.upload(
      SECRETARY,
      await workbook([
        header,
        ['郑老根', '', '正式党员', '1965-07-01', '1966-07-01'],
        ['钱秀兰', '0571-88886666', '正式党员', '1970-07-01', '1971-07-01'],
      ]),
    );
    expect(await h.call(SECRETARY, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID: first })).toMatchObject({
      created: 2,
    });
    expect(await branchMember('郑老根')).toMatchObject({ phone: null });
    expect(await branchMember('钱秀兰')).toMatchObject({ phone: null, landline: '0571-88886666' });
    const keys = await h.store.count('phoneKeys');

    // The same file again changes nobody: each is found by name.
    const again = h.files.upload(SECRETARY, h.files.uploads.get(first)?.content as Buffer);
    expect(await h.call(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID: again })).toMatchObject({
      create: 0,
      update: 0,
      unchanged: 2,
    });

    // 郑老根 gets a mobile: the same entry takes it, and its key.
    const later = h.files.upload(
      SECRETARY,
      await workbook([header, ['郑老根', '13700001111', '正式党员', '1965-07-01', '1966-07-01']]),
    );
    const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID: later });
    expect(preview.members).toEqual([{ row: 2, name: '郑老根', action: 'update', changes: ['手机号'] }]);
    await h.call(SECRETARY, 'roster', 'importMembers', { orgId: 'org-branch-1', fileID: later });
    expect(await h.store.count('members', { name: '郑老根' })).toBe(1);
    expect(await branchMember('郑老根')).toMatchObject({ phone: '13700001111' });
    expect(await h.store.count('phoneKeys')).toBe(keys + 1);
    // …so nobody else can be entered under that number.
    const taken = await h.fail(SECRETARY, 'roster', 'createMember', {
      orgId: 'org-branch-1',
      name: '郑小根',
      phone: '13700001111',
      partyStatus: 'full',
      joinedAt: '2000-07-01',
      fullAt: '2001-07-01',
    });
    expect(taken.code).toBe('CONFLICT');
  });

  it('refuses a row without a mobile that two namesakes could be, and two such rows of one name', async () => {
    for (const phone of [null, null]) {
      await h.call(SECRETARY, 'roster', 'createMember', {
        orgId: 'org-branch-1',
        name: '孙桂英',
        phone,
        partyStatus: 'full',
        joinedAt: '1970-07-01',
        fullAt: '1971-07-01',
      });
    }
    const fileID = h.files.upload(
      SECRETARY,
      await workbook([
        header,
        ['孙桂英', '', '正式党员', '1970-07-01', '1971-07-01'],
        ['李凤兰', '', '正式党员', '1972-07-01', '1973-07-01'],
        ['李凤兰', '', '正式党员', '1972-07-01', '1973-07-01'],
      ]),
    );
    const preview = await h.call(SECRETARY, 'roster', 'previewImport', { orgId: 'org-branch-1', fileID });
    expect(preview.errors.map((e) => [e.row, e.message])).toEqual([
      [2, expect.stringMatching(/本支部有 2 位孙桂英.*请填写手机号/)],
      [4, expect.stringMatching(/与第 3 行同名且都没有手机号/)],
    ]);
    expect(preview).toMatchObject({ create: 1 });
  });
});

describe('a roster entry without a mobile', () => {
  beforeEach(() => open());

  it('is created and edited without one; clearing a mobile frees its number', async () => {
    const { id } = await h.call(SECRETARY, 'roster', 'createMember', {
      orgId: 'org-branch-1',
      name: '郑老根',
      partyStatus: 'full',
      joinedAt: '1965-07-01',
      fullAt: '1966-07-01',
      landline: '0571-88886666',
    });
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id })).toMatchObject({
      phone: null,
      landline: '0571-88886666',
    });
    await h.call(SECRETARY, 'roster', 'updateMember', { id, phone: '13700002222' });
    await h.call(SECRETARY, 'roster', 'updateMember', { id, phone: null });
    expect((await h.store.get('members', id))?.phone).toBeNull();
    const other = await h.call(SECRETARY, 'roster', 'createMember', {
      orgId: 'org-branch-1',
      name: '郑小根',
      phone: '13700002222',
      partyStatus: 'full',
      joinedAt: '2000-07-01',
      fullAt: '2001-07-01',
    });
    expect(other.id).toEqual(expect.any(String));
    const bad = await h.fail(SECRETARY, 'roster', 'updateMember', { id, landline: '12345' });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', field: 'landline', message: expect.stringMatching(/固定电话/) });
  });

  it('is matched by name when the member declares with a new phone, and takes that phone', async () => {
    const { id } = await h.call(SECRETARY, 'roster', 'createMember', {
      orgId: 'org-branch-1',
      name: '郑老根',
      partyStatus: 'full',
      joinedAt: '1965-07-01',
      fullAt: '1966-07-01',
    });
    await h.call(VISITOR, 'identity', 'declare', {
      name: '郑老根',
      phone: '13700003333',
      partyStatus: 'full',
      joinedAt: '1965-07-01',
      fullAt: '1966-07-01',
      orgId: 'org-branch-1',
      consent: true,
    });
    const [pending] = (await h.call(SECRETARY, 'identity', 'listDeclarations', { status: 'pending' })).items;
    expect(pending.match).toMatchObject({ memberId: id });
    expect(await h.call(SECRETARY, 'identity', 'review', { id: pending.id, decision: 'approve' })).toMatchObject({
      memberId: id,
    });
    expect(await h.store.get('members', id)).toMatchObject({ phone: '13700003333', openid: VISITOR });
    expect(await h.store.count('phoneKeys', { memberId: id })).toBe(1);
  });
});
