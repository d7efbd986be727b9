import type { MyData } from '../../../contracts';
import { DECLARATION_CONSENT } from '../../../contracts/consent';
import type { MemberDoc } from '../../roster/documents';
import { publishedSheets } from '../../../tests/support/excel';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError } from '../../../tests/integration/support';
import { APPLICANT, MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';

/**
 * 我的数据 (PIPL Art. 45): a member sees and downloads everything held about them — roster entry,
 * roles, declarations with their consent, attendance, leave, points, lecture progress, objections,
 * bindings — and nothing about anyone else.
 */
const OFFICER_ID = 'member-002';
const NOW_ACT = 'act-demo-now';
const GROUP_ACT = 'act-demo-group';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

/** The officer and another member sign in; the officer asks for leave, is deducted and objects. */
async function someRecords(): Promise<string> {
  const { token } = await h.call(SECRETARY, 'activity', 'code', { id: NOW_ACT });
  await h.call(OFFICER, 'activity', 'checkin', { token });
  await h.call(MEMBER, 'activity', 'checkin', { token });
  await h.call(OFFICER, 'activity', 'requestLeave', { id: GROUP_ACT, reason: '带孩子去医院复查' });
  await h.call(MEMBER, 'activity', 'requestLeave', { id: GROUP_ACT, reason: '另一位党员的请假' });
  const {
    entries: [deduction],
  } = await h.call(SECRETARY, 'points', 'record', {
    memberIds: [OFFICER_ID, 'member-003'],
    rule: 'shirk',
    reason: '未按时提交学习笔记',
  });
  await h.call(OFFICER, 'points', 'object', { entryId: deduction.id, reason: '笔记已按时提交给小组长' });
  return deduction.id;
}

/** Every text of every cell of every sheet, joined. */
const allText = (sheets: Record<string, unknown[][]>) =>
  Object.values(sheets)
    .flat(2)
    .map((cell) => (cell === null || cell === undefined ? '' : String(cell)))
    .join('\n');

async function othersOf(memberId: string): Promise<MemberDoc[]> {
  return (await h.store.query('members', { limit: 1000 })).filter((m) => m._id !== memberId);
}

describe('identity.myData', () => {
  it('shows the member everything held about them, and only theirs', async () => {
    const objectedEntry = await someRecords();
    const data: MyData = await h.call(OFFICER, 'identity', 'myData');
    const officer = (await h.store.get('members', OFFICER_ID)) as MemberDoc;

    expect(data.member).toMatchObject({ id: OFFICER_ID, name: '王志强', phone: officer.phone, orgName: '第一党支部' });
    expect(data.bindings).toEqual([{ account: '当前微信账号', at: expect.any(String) }]);
    expect(data.roles).toEqual([{ orgName: '第一党支部', role: 'officer', at: expect.any(String) }]);
    expect(data.attendance).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ activityId: NOW_ACT, status: expect.stringMatching(/present|late/) }),
      ]),
    );
    expect(data.leaves.map((l) => l.reason)).toContain('带孩子去医院复查');
    expect(data.leaves.map((l) => l.reason)).not.toContain('另一位党员的请假');
    const ledger = await h.store.query('ledger', { where: { memberId: OFFICER_ID }, limit: 1000 });
    expect(data.points.map((p) => p.id).sort()).toEqual(ledger.map((e) => e._id).sort());
    expect(data.objections).toEqual([
      expect.objectContaining({ reason: '笔记已按时提交给小组长', status: 'open', value: -3 }),
    ]);
    expect(data.points.find((p) => p.id === objectedEntry)).toBeDefined();
    expect(data.lectures).toEqual([
      expect.objectContaining({ lectureId: 'lecture-3', completed: false, progress: expect.any(Number) }),
    ]);
    expect(data.lectures[0].progress).toBeGreaterThan(0);

    // Nobody else's name or phone anywhere in the answer.
    const text = JSON.stringify(data);
    for (const other of await othersOf(OFFICER_ID)) {
      expect(text).not.toContain(other.phone);
      expect(text).not.toContain(`"${other.name}"`);
    }
  });

  it('a visitor sees their declaration with the consent it was given with, and no roster entry', async () => {
    const data = await h.call(APPLICANT, 'identity', 'myData');
    expect(data.member).toBeNull();
    expect(data.declarations).toEqual([
      expect.objectContaining({
        id: 'decl-demo-1',
        name: '吴桂兰',
        status: 'pending',
        consent: { version: DECLARATION_CONSENT.version, at: expect.any(String) },
      }),
    ]);
    expect([data.attendance, data.points, data.leaves, data.lectures, data.objections]).toEqual([[], [], [], [], []]);
  });

  it('needs a signed-in caller', async () => {
    await expectError(h, null, 'identity', 'myData', undefined, 'UNAUTHENTICATED');
    await expectError(h, null, 'roster', 'exportMyData', undefined, 'UNAUTHENTICATED');
  });
});

describe('roster.exportMyData', () => {
  it('publishes a workbook listing the member’s own records and nobody else’s', async () => {
    await someRecords();
    const file = await h.call(OFFICER, 'roster', 'exportMyData');
    expect(file.name).toBe('我的数据-王志强.xlsx');
    const sheets = await publishedSheets(h.files, file.fileID);
    expect(Object.keys(sheets)).toEqual([
      '基本信息',
      '亮身份申报',
      '签到记录',
      '请假',
      '积分明细',
      '学习进度',
      '积分异议',
    ]);
    // Each sheet under its title and the line naming the branch and the date of export.
    for (const [name, rows] of Object.entries(sheets)) {
      expect(rows[0][0]).toBe(`我的数据（王志强）：${name}`);
      expect(rows[1][0]).toBe('单位：第一党支部　　导出日期：2026-11-23');
    }
    const body = (name: string) => sheets[name].slice(3);
    const officer = (await h.store.get('members', OFFICER_ID)) as MemberDoc;
    const profile = new Map(body('基本信息').map(([label, value]) => [label, value]));
    expect(profile.get('姓名')).toBe('王志强');
    expect(profile.get('手机号')).toBe(officer.phone);
    expect(profile.get('入党日期')).toEqual(new Date(`${officer.joinedAt}T00:00:00.000Z`));
    expect(profile.get('担任职务')).toContain('第一党支部 支委');

    const ledger = await h.store.query('ledger', { where: { memberId: OFFICER_ID }, limit: 1000 });
    // The entries, then their total.
    expect(body('积分明细')).toHaveLength(ledger.length + 1);
    expect(body('积分明细').pop()).toEqual(['合计', undefined, ledger.reduce((sum, e) => sum + e.value, 0)]);
    expect(body('积分明细').map((row) => row[3])).toContain('未按时提交学习笔记');
    expect(body('积分明细')[0][0]).toBeInstanceOf(Date);
    expect(body('签到记录').map((row) => row[0])).toContain('第四季度支部党员大会');
    expect(body('请假').map((row) => row[2])).toContain('带孩子去医院复查');
    expect(body('积分异议')).toEqual([expect.arrayContaining(['推诿任务', -3, '笔记已按时提交给小组长', '待处理'])]);
    // Lectures as progress and completion, never time watched.
    expect(sheets['学习进度'][2]).toEqual(['课程', '学习进度', '是否完成', '测验通过', '最近学习', '完成时间']);
    expect(body('学习进度')[0][1]).toEqual(expect.any(Number));
    expect(body('学习进度')[0][2]).toBe('未完成');

    const text = allText(sheets);
    expect(text).not.toContain('另一位党员的请假');
    for (const other of await othersOf(OFFICER_ID)) {
      expect(text).not.toContain(other.phone);
      expect(text).not.toContain(other.name);
    }
  });
});
