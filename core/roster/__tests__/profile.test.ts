import type { MemberDoc } from '../documents';
import type { Role } from '../../../contracts';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { publishedSheets } from '../../../tests/support/excel';
import { ADMIN, MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';

/** 性别, 出生日期, 民族, 学历, 工作单位 and 党员分类 on a roster entry (issue 12): who writes, who reads. */

const WU_GUILAN = 'member-008'; // 第一党支部 第一党小组, unbound, joined 入党 as seeded
const CHEN_XIUYING = 'member-003'; // MEMBER's own entry
const BRANCH_2_SECRETARY = 'wx-branch-2-secretary'; // 林晓燕 (member-018), appointed below

const PROFILE = {
  gender: '女',
  birthDate: '1956-04-12',
  ethnicity: '满族',
  education: '大学专科',
  workUnit: '示范街道社区卫生服务中心',
  categories: ['老党员', '离退休党员'] as Array<'老党员' | '离退休党员'>,
} as const;
const EMPTY_PROFILE = {
  gender: null,
  birthDate: null,
  ethnicity: null,
  education: null,
  workUnit: null,
  categories: [],
};
const NEW_MEMBER = {
  orgId: 'org-branch-1',
  name: '欧阳明',
  phone: '13600001111',
  partyStatus: 'full',
  joinedAt: '1980-07-01',
  fullAt: '1981-07-01',
} as const;

let h: Harness;

async function appoint(memberId: string, openid: string, orgId: string, role: Role): Promise<void> {
  const member = (await h.store.get('members', memberId)) as MemberDoc;
  await h.store.set('members', { ...member, openid });
  await h.store.create('bindings', { _id: openid, memberId, at: h.now.value.toISOString() });
  await h.call(ADMIN, 'roster', 'grantRole', { orgId, memberId, role });
}

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const doc = async (id: string) => (await h.store.get('members', id)) as MemberDoc;

describe('the optional roster fields', () => {
  it('are kept by createMember and read back by getMember; absent ones read as null and []', async () => {
    const { id } = await h.call(SECRETARY, 'roster', 'createMember', { ...NEW_MEMBER, ...PROFILE });
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id })).toMatchObject(PROFILE);
    const plain = await h.call(SECRETARY, 'roster', 'createMember', { ...NEW_MEMBER, phone: '13600002222' });
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id: plain.id })).toMatchObject(EMPTY_PROFILE);
  });

  it('read as null and [] on a document written before they existed, which still takes other edits', async () => {
    const stored = await doc(WU_GUILAN);
    expect(stored).not.toHaveProperty('categories');
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id: WU_GUILAN })).toMatchObject(EMPTY_PROFILE);
    await h.call(SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, name: '吴桂芝' });
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id: WU_GUILAN })).toMatchObject({
      name: '吴桂芝',
      ...EMPTY_PROFILE,
    });
  });

  it('are set, changed and cleared by updateMember, each change in the audit entry', async () => {
    await h.call(SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, ...PROFILE });
    expect(await doc(WU_GUILAN)).toMatchObject(PROFILE);
    h.now.value = new Date(h.now.value.getTime() + 60_000);
    await h.call(SECRETARY, 'roster', 'updateMember', {
      id: WU_GUILAN,
      education: '大学本科',
      workUnit: '   ',
      categories: [],
      gender: null,
    });
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id: WU_GUILAN })).toMatchObject({
      ...PROFILE,
      education: '大学本科',
      workUnit: null,
      categories: [],
      gender: null,
    });
    const updates = (await h.call(ADMIN, 'roster', 'auditLog', { action: 'member.update' })).items;
    expect(updates[0]).toMatchObject({
      before: { ...PROFILE },
      after: { ...PROFILE, education: '大学本科', workUnit: null, categories: [], gender: null },
    });
    expect(updates[1]).toMatchObject({ before: EMPTY_PROFILE, after: PROFILE });
  });

  it('are in the audit entry of createMember', async () => {
    await h.call(SECRETARY, 'roster', 'createMember', { ...NEW_MEMBER, ...PROFILE });
    const [entry] = (await h.call(ADMIN, 'roster', 'auditLog', { action: 'member.create' })).items;
    expect(entry.after).toMatchObject(PROFILE);
  });

  it('never hold a 身份证号: the field is refused', async () => {
    const error = await expectError(
      h,
      SECRETARY,
      'roster',
      'updateMember',
      { id: WU_GUILAN, idNumber: '110101195604120022' },
      'INVALID_INPUT',
    );
    expect(error.field).toBe('idNumber');
    expect(await doc(WU_GUILAN)).not.toHaveProperty('idNumber');
  });
});

describe('出生日期 against today and 入党日期', () => {
  it('refuses a birth date after today', async () => {
    const error = await expectError(
      h,
      SECRETARY,
      'roster',
      'updateMember',
      { id: WU_GUILAN, birthDate: '2026-11-24' },
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({ field: 'birthDate', message: '出生日期不能晚于今天' });
  });

  it('refuses 入党 before 年满十八岁, on create and on either date changing, and names both dates', async () => {
    const create = await expectError(
      h,
      SECRETARY,
      'roster',
      'createMember',
      { ...NEW_MEMBER, birthDate: '1962-07-02' },
      'INVALID_INPUT',
    );
    expect(create.field).toBe('birthDate');
    expect(create.message).toContain('入党须年满十八岁');
    expect(create.message).toContain('1980-07-02');
    // Exactly eighteen on the day of 入党 is enough.
    await h.call(SECRETARY, 'roster', 'createMember', { ...NEW_MEMBER, birthDate: '1962-07-01' });

    const { joinedAt } = await doc(WU_GUILAN);
    if (!joinedAt) throw new Error('the seed gives 吴桂兰 a 入党日期');
    const tooYoung = `${Number(joinedAt.slice(0, 4)) - 17}${joinedAt.slice(4)}`;
    await expectError(h, SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, birthDate: tooYoung }, 'INVALID_INPUT');
    const eighteen = `${Number(joinedAt.slice(0, 4)) - 18}${joinedAt.slice(4)}`;
    await h.call(SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, birthDate: eighteen });
    const earlier = `${Number(joinedAt.slice(0, 4)) - 1}${joinedAt.slice(4)}`;
    const { fullAt } = await doc(WU_GUILAN);
    const moved = await expectError(
      h,
      SECRETARY,
      'roster',
      'updateMember',
      { id: WU_GUILAN, joinedAt: earlier, fullAt },
      'INVALID_INPUT',
    );
    expect(moved.field).toBe('birthDate');
    expect((await doc(WU_GUILAN)).joinedAt).toBe(joinedAt);
  });

  it('treats a 29 February birthday as reaching eighteen on 1 March', async () => {
    const leap = { ...NEW_MEMBER, joinedAt: '2026-02-28', partyStatus: 'probationary', fullAt: null } as const;
    await expectError(h, SECRETARY, 'roster', 'createMember', { ...leap, birthDate: '2008-02-29' }, 'INVALID_INPUT');
    await h.call(SECRETARY, 'roster', 'createMember', { ...leap, joinedAt: '2026-03-01', birthDate: '2008-02-29' });
  });
});

describe('malformed values are refused with a message naming the field', () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['a third gender', { gender: '未知' }, 'gender', /性别应为/],
    ['a gender as a number', { gender: 1 }, 'gender', /性别应为/],
    ['a 民族 not among the 56', { ethnicity: '汉' }, 'ethnicity', /民族应为 56 个民族之一/],
    ['a 学历 outside the list', { education: '本科' }, 'education', /学历应为：研究生、大学本科/],
    ['a date in another format', { birthDate: '1956/4/12' }, 'birthDate', /出生日期应为 YYYY-MM-DD/],
    ['a date that does not exist', { birthDate: '1957-02-29' }, 'birthDate', /出生日期不是有效日期/],
    ['a date before 1900', { birthDate: '1899-12-31' }, 'birthDate', /出生日期不能早于 1900 年/],
    ['a huge 工作单位', { workUnit: '单'.repeat(100_000) }, 'workUnit', /工作单位最多 60 个字/],
    ['a 工作单位 with a line break', { workUnit: '社区\n卫生中心' }, 'workUnit', /换行/],
    ['an unknown category', { categories: ['优秀党员'] }, 'categories.0', /党员分类应为：老党员/],
    ['a category twice', { categories: ['老党员', '老党员'] }, 'categories', /党员分类不能重复/],
    ['categories as text', { categories: '老党员' }, 'categories', /党员分类应为列表/],
    ['a huge list of categories', { categories: Array(10_000).fill('老党员') }, 'categories', /党员分类过多/],
  ];

  it.each(cases)('%s', async (_label, change, field, message) => {
    const before = await doc(WU_GUILAN);
    const error = await expectError(
      h,
      SECRETARY,
      'roster',
      'updateMember',
      { id: WU_GUILAN, ...change },
      'INVALID_INPUT',
    );
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message.length).toBeLessThan(120);
    expect(await doc(WU_GUILAN)).toEqual(before);
  });

  it('on createMember too', async () => {
    const error = await expectError(
      h,
      SECRETARY,
      'roster',
      'createMember',
      { ...NEW_MEMBER, ethnicity: 'Han' },
      'INVALID_INPUT',
    );
    expect(error.field).toBe('ethnicity');
  });
});

describe('who sees them', () => {
  beforeEach(async () => {
    await h.call(SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, ...PROFILE });
  });

  it('the branch secretary, the branch officer and the committee admin', async () => {
    for (const openid of [SECRETARY, OFFICER, ADMIN])
      expect(await h.call(openid, 'roster', 'getMember', { id: WU_GUILAN })).toMatchObject(PROFILE);
  });

  it('not a member reading another member, nor the secretary of another branch', async () => {
    await appoint('member-018', BRANCH_2_SECRETARY, 'org-branch-2', 'secretary');
    for (const openid of [MEMBER, BRANCH_2_SECRETARY]) {
      await expectError(h, openid, 'roster', 'getMember', { id: WU_GUILAN }, 'FORBIDDEN');
      await expectError(h, openid, 'roster', 'listMembers', { orgId: 'org-branch-1', category: '老党员' }, 'FORBIDDEN');
    }
    await expectError(h, BRANCH_2_SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, gender: '男' }, 'FORBIDDEN');
    expect((await doc(WU_GUILAN)).gender).toBe('女');
  });

  it('a member sees their own in 我的数据, and no one else’s', async () => {
    await h.call(SECRETARY, 'roster', 'updateMember', {
      id: CHEN_XIUYING,
      gender: '女',
      ethnicity: '回族',
      categories: ['困难党员'],
    });
    const mine = await h.call(MEMBER, 'identity', 'myData');
    expect(mine.member).toMatchObject({
      id: CHEN_XIUYING,
      gender: '女',
      birthDate: null,
      ethnicity: '回族',
      education: null,
      workUnit: null,
      categories: ['困难党员'],
    });
    expect(JSON.stringify(mine)).not.toContain(PROFILE.workUnit);

    const file = await h.call(MEMBER, 'roster', 'exportMyData');
    const sheet = (await publishedSheets(h.files, file.fileID))['基本信息'];
    const rows = new Map(sheet.slice(1).map(([label, value]) => [label, value]));
    expect(rows.get('性别')).toBe('女');
    expect(rows.get('民族')).toBe('回族');
    expect(rows.get('党员分类')).toBe('困难党员');
    expect(rows.has('出生日期')).toBe(true);
    expect(JSON.stringify(sheet)).not.toContain(PROFILE.workUnit);
  });
});

describe('listMembers by category', () => {
  it('lists only the members marked with it, paged with the right total, within the caller’s scope', async () => {
    await h.call(SECRETARY, 'roster', 'updateMember', { id: WU_GUILAN, categories: ['困难党员', '老党员'] });
    await h.call(SECRETARY, 'roster', 'updateMember', { id: CHEN_XIUYING, categories: ['老党员'] });
    await h.call(ADMIN, 'roster', 'updateMember', { id: 'member-018', categories: ['老党员'] });
    const old = await h.call(SECRETARY, 'roster', 'listMembers', { orgId: 'org-branch-1', category: '老党员' });
    expect(old.total).toBe(2);
    expect(old.items.map((m) => m.id).sort()).toEqual([CHEN_XIUYING, WU_GUILAN]);
    const paged = await h.call(SECRETARY, 'roster', 'listMembers', {
      orgId: 'org-branch-1',
      category: '老党员',
      page: 2,
      pageSize: 1,
    });
    expect(paged).toMatchObject({ total: 2, items: [expect.objectContaining({ id: old.items[1].id })] });
    const hard = await h.call(SECRETARY, 'roster', 'listMembers', { orgId: 'org-branch-1', category: '困难党员' });
    expect(hard.items.map((m) => m.id)).toEqual([WU_GUILAN]);
    const committee = await h.call(ADMIN, 'roster', 'listMembers', { orgId: 'org-committee', category: '老党员' });
    expect(committee.total).toBe(3);
    expect(
      (await h.call(SECRETARY, 'roster', 'listMembers', { orgId: 'org-branch-1', category: '烈士遗属' })).total,
    ).toBe(0);
  });
});
