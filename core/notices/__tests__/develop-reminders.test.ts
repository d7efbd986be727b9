import { ADMIN, MEMBER, SECRETARY } from '../../../tests/support/demo';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { newId } from '../../runtime/ids';
import { developReminder, developReminderTitle } from '../develop-reminders';
import { runNoticeTimer } from '../timer';

/**
 * 发展党员 in 消息 (issue 15): a file's next step reminded to the branch's secretary (the admins above
 * when the branch has none) and the person's 培养联系人 of the branch, when it becomes due within 7 days
 * and when it becomes overdue, once each; nothing for a closed or complete file or a step with no due date.
 */

let h: Harness;

beforeEach(async () => {
  // 2026-11-23 10:00 China time.
  h = await createHarness({ at: '2026-11-23T02:00:00.000Z' });
});

afterEach(() => h.close());

const timer = () =>
  runNoticeTimer({
    openid: null,
    store: h.store,
    clock: () => h.now.value,
    files: h.files.gatewayFor(null),
    newId: () => newId(h.now.value.getTime()),
  });

/** Opens a file on 2026-11-10: its next step, 党组织派人谈话, is due by 2026-12-10. */
const open = async (name: string, orgId = 'org-branch-1', openid = SECRETARY) =>
  (await h.call(openid, 'develop', 'start', { orgId, name, appliedAt: '2026-11-10' })).id;

/**
 * Names `contactIds` as the person's 培养联系人 on their roster entry, as 指定培养联系人 does; a file with
 * no roster entry yet gets one (an 入党申请人 of the file's branch).
 */
async function withContacts(fileId: string, contactIds: string[]): Promise<void> {
  const file = await h.store.get('candidates', fileId);
  if (!file) throw new Error('no file');
  let memberId = file.memberId;
  if (!memberId) {
    const template = await h.store.get('members', 'member-003');
    if (!template) throw new Error('no member-003');
    memberId = `cand-${fileId}`;
    await h.store.create('members', {
      ...template,
      _id: memberId,
      name: file.name,
      phone: null,
      partyStatus: 'applicant',
      joinedAt: null,
      fullAt: null,
      branchId: file.branchId,
      groupId: null,
      openid: null,
    });
    await h.store.update('candidates', fileId, { $set: { memberId } });
  }
  const contacts = [];
  for (const id of contactIds) contacts.push({ memberId: id, name: (await h.store.get('members', id))?.name ?? '' });
  await h.store.update('members', memberId, { $set: { contacts } });
}

const developNotices = async () =>
  (await h.store.query('notices', { limit: 1000 }))
    .filter((n) => n.kind.startsWith('develop.'))
    .map((n) => [n.memberId, n.key])
    .sort((a, b) => a.join().localeCompare(b.join()));

describe('发展党员 reminders', () => {
  it('reminds the secretary and the 培养联系人 a week before the due date, then once overdue, once each', async () => {
    const zhang = await open('张三');
    // 陈秀英 (bound, 第一党支部); 周建国 (bound, 第二党支部: outside the file's branch); 吴桂兰 (not bound).
    await withContacts(zhang, ['member-003', 'member-007', 'member-008']);
    await timer();
    expect(await developNotices()).toEqual([]); // 17 days ahead

    h.now.value = new Date('2026-12-02T15:30:00.000Z'); // 23:30 on 2 December in China: 8 days ahead
    await timer();
    expect(await developNotices()).toEqual([]);

    h.now.value = new Date('2026-12-02T16:30:00.000Z'); // 00:30 on 3 December: due within 7 days
    await timer();
    await timer();
    const due = `develop.due:${zhang}:talk`;
    expect(await developNotices()).toEqual([
      ['member-001', due],
      ['member-003', due],
    ]);
    const secretary = (await h.call(SECRETARY, 'notice', 'list')).items.find((n) => n.kind === 'develop.due');
    expect(secretary).toMatchObject({
      title: '发展党员：张三的“党组织派人谈话”将于 12 月 10 日到期',
      body: expect.stringContaining('第一党支部'),
      link: `/packages/secretary/pages/develop-file/index?id=${zhang}`,
    });
    // The 培养联系人 cannot open the file: the notice says it all.
    expect((await h.call(MEMBER, 'notice', 'list')).items.filter((n) => n.kind.startsWith('develop.'))).toEqual([
      expect.objectContaining({ kind: 'develop.due', title: secretary?.title, link: null }),
    ]);

    h.now.value = new Date('2026-12-10T15:30:00.000Z'); // 23:30 on the due date: not yet overdue
    await timer();
    expect(await developNotices()).toHaveLength(2);
    h.now.value = new Date('2026-12-10T16:30:00.000Z'); // 00:30 on 11 December
    const [a, b] = await Promise.all([timer(), timer()]);
    await timer();
    const overdue = `develop.overdue:${zhang}:talk`;
    expect(await developNotices()).toEqual([
      ['member-001', due],
      ['member-001', overdue],
      ['member-003', due],
      ['member-003', overdue],
    ]);
    expect(a.reminders + b.reminders).toBe(2);
    expect((await h.call(MEMBER, 'notice', 'list')).items.find((n) => n.kind === 'develop.overdue')?.title).toBe(
      '发展党员：张三的“党组织派人谈话”已超期（12 月 10 日到期）',
    );
  });

  it('reminds of the next step only: a recorded step is not reminded again, a step with no due date never', async () => {
    const id = await open('张三');
    h.now.value = new Date('2026-12-05T02:00:00.000Z');
    await h.call(SECRETARY, 'develop', 'recordStep', { id, step: 'talk', at: '2026-12-01' });
    // 推荐和确定入党积极分子 has no due date.
    h.now.value = new Date('2027-06-05T02:00:00.000Z');
    await timer();
    expect(await developNotices()).toEqual([]);
  });

  it('a branch with no secretary: the committee’s admins; the branch’s own people only', async () => {
    const li = await open('李四', 'org-branch-2', ADMIN);
    // 第二党支部 has no secretary; 陈秀英 is of 第一党支部, not of the file's branch.
    await withContacts(li, ['member-003']);
    h.now.value = new Date('2026-12-11T02:00:00.000Z');
    await timer();
    expect(await developNotices()).toEqual([['member-007', `develop.overdue:${li}:talk`]]);
  });

  it('nothing for a closed file or a complete one', async () => {
    const closed = await open('王五');
    await withContacts(closed, ['member-003']);
    await h.store.update('candidates', closed, {
      $set: { done: true, closed: { at: '2026-11-23T02:00:00.000Z', reason: '本人申请撤回', by: SECRETARY } },
    });
    h.now.value = new Date('2026-12-11T02:00:00.000Z');
    await timer();
    expect(await developNotices()).toEqual([]);
    const file = await h.store.get('candidates', closed);
    if (!file) throw new Error('no file');
    expect(developReminder({ ...file, done: false }, '2026-12-11')).toBeNull();
    expect(developReminder({ ...file, done: false, closed: null } as typeof file, '2026-12-11')).toMatchObject({
      kind: 'develop.overdue',
      step: 'talk',
      due: '2026-12-10',
    });
  });
});

describe('developReminderTitle', () => {
  it.each([
    ['develop.due' as const, '发展党员：张三的“推荐和确定入党积极分子”将于 1 月 5 日到期'],
    ['develop.overdue' as const, '发展党员：张三的“推荐和确定入党积极分子”已超期（1 月 5 日到期）'],
  ])('%s', (kind, title) => {
    expect(
      developReminderTitle('张三', { kind, step: 'recommend', stepName: '推荐和确定入党积极分子', due: '2027-01-05' }),
    ).toBe(title);
  });
});
