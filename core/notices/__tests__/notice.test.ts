import { MEMBER, MEMBER_3, SECRETARY, ADMIN, VISITOR } from '../../../tests/support/demo';
import { createHarness, STORAGES, type Harness } from '../../../tests/support/harness';
import { SubscribeDouble, TEMPLATES } from '../../../tests/support/subscribe-double';
import { countTransactionRuns } from '../../../tests/support/transaction-runs';
import type { SubscribeGateway } from '../subscribe';
import { newId } from '../../runtime/ids';
import { notify } from '../notify';
import { runNoticeTimer } from '../timer';

/**
 * 消息: notices written once per event, listed to their member only, marked read; the timer's
 * reminders (an activity the day before and within the hour, a task due) and the subscribe messages
 * it sends, one per consent, with WeChat's 43101 an outcome. The clock is injected.
 */

let h: Harness;
let wechat: SubscribeDouble;

beforeEach(async () => {
  wechat = new SubscribeDouble(TEMPLATES);
  h = await createHarness({ at: '2026-11-23T02:00:00.000Z', subscribe: wechat });
});

afterEach(() => h.close());

/** Runs the notice timer as the cloud's trigger does (no caller); `null`: no template configured. */
const timer = (harness = h, subscribe: SubscribeGateway | null = wechat) =>
  runNoticeTimer({
    openid: null,
    store: harness.store,
    clock: () => harness.now.value,
    files: harness.files.gatewayFor(null),
    newId: () => newId(harness.now.value.getTime()),
    subscribe: subscribe ?? undefined,
  });

/** The demo's own activities closed, so that only a test's activity is reminded of. */
async function quietDemo(harness: Harness): Promise<void> {
  for (const activity of await harness.store.query('activities', { limit: 1000 }))
    await harness.store.update('activities', activity._id, { $set: { status: 'closed' } });
}

const at = (iso: string) => iso;
const base = { kind: 'points.deducted' as const, title: '无故缺席组织生活 -2 分', at: at('2026-11-23T02:00:00.000Z') };

/** An activity of 第一党支部 for 陈秀英 (member-003) and 刘洋 (member-004), starting at `startAt`. */
async function activityAt(harness: Harness, startAt: string): Promise<string> {
  await quietDemo(harness);
  const end = new Date(Date.parse(startAt) + 2 * 3_600_000).toISOString();
  const { id } = await harness.call(SECRETARY, 'activity', 'create', {
    orgId: 'org-branch-1',
    kind: 'theme_day',
    title: '重温入党誓词主题党日',
    startAt,
    endAt: end,
    expectedMemberIds: ['member-003', 'member-004'],
  });
  return id;
}
const noticesAbout = async (harness: Harness, id: string) =>
  (await harness.store.query('notices', { limit: 1000 })).filter((n) => n.link?.endsWith(`id=${id}`));

describe('notify', () => {
  it('writes one notice per member and key, however often the event is seen', async () => {
    expect(await notify(h.store, { ...base, memberId: 'member-003', key: 'deduct:e1' })).toBe(true);
    expect(await notify(h.store, { ...base, memberId: 'member-003', key: 'deduct:e1' })).toBe(false);
    await Promise.all([1, 2, 3].map(() => notify(h.store, { ...base, memberId: 'member-003', key: 'deduct:e2' })));
    expect(await notify(h.store, { ...base, memberId: 'member-004', key: 'deduct:e1' })).toBe(true);
    expect(await h.store.count('notices', { memberId: 'member-003' })).toBe(2);
    expect(await h.store.count('notices', { memberId: 'member-004' })).toBe(1);
  });

  it('inside a transaction, the same', async () => {
    await h.store.transaction(async (tx) => {
      await notify(tx, { ...base, memberId: 'member-003', key: 'deduct:e1' });
      await notify(tx, { ...base, memberId: 'member-003', key: 'deduct:e1' });
    });
    expect(await h.store.count('notices', { memberId: 'member-003' })).toBe(1);
  });
});

describe('notice.list and notice.read', () => {
  beforeEach(async () => {
    await notify(h.store, {
      ...base,
      memberId: 'member-003',
      key: 'k1',
      title: '第一条',
      at: '2026-11-20T02:00:00.000Z',
    });
    await notify(h.store, {
      ...base,
      memberId: 'member-003',
      key: 'k2',
      title: '第二条',
      at: '2026-11-22T02:00:00.000Z',
    });
    await notify(h.store, {
      ...base,
      memberId: 'member-004',
      key: 'k1',
      title: '别人的',
      at: '2026-11-21T02:00:00.000Z',
    });
  });

  it('lists the caller’s own notices only, newest first, with the unread count', async () => {
    const list = await h.call(MEMBER, 'notice', 'list');
    expect(list.items.map((i) => [i.title, i.read])).toEqual([
      ['第二条', false],
      ['第一条', false],
    ]);
    expect(list).toMatchObject({ unread: 2, hasMore: false, page: 1 });
    expect(list.items[0]).toEqual({
      id: 'member-003:k2',
      kind: 'points.deducted',
      title: '第二条',
      body: '',
      at: '2026-11-22T02:00:00.000Z',
      read: false,
      link: null,
    });
    expect((await h.call(VISITOR, 'notice', 'list')).items).toEqual([]);
    expect(await h.fail(null, 'notice', 'list')).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('marks the named notices read, never another member’s, and all of them without ids', async () => {
    expect(await h.call(MEMBER, 'notice', 'read', { ids: ['member-003:k1', 'member-004:k1'] })).toEqual({ updated: 1 });
    expect((await h.store.get('notices', 'member-004:k1'))?.read).toBe(false);
    expect((await h.call(MEMBER, 'notice', 'list')).unread).toBe(1);
    expect(await h.call(MEMBER, 'notice', 'read')).toEqual({ updated: 1 });
    expect((await h.call(MEMBER, 'notice', 'list')).items.every((i) => i.read)).toBe(true);
    expect((await h.call(MEMBER_3, 'notice', 'list')).unread).toBe(1);
  });

  it('pages twenty at a time', async () => {
    for (let i = 0; i < 21; i++)
      await notify(h.store, {
        ...base,
        memberId: 'member-004',
        key: `p${i}`,
        at: `2026-11-22T0${i % 10}:0${i % 6}:00.000Z`,
      });
    const first = await h.call(MEMBER_3, 'notice', 'list');
    expect(first.items).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    const second = await h.call(MEMBER_3, 'notice', 'list', { page: 2 });
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(22);
  });
});

describe('the timer’s reminders', () => {
  it('reminds the expected members of an activity once within 24 hours, once within the hour, and again after a reschedule', async () => {
    const id = await activityAt(h, '2026-11-24T06:00:00.000Z');
    h.now.value = new Date('2026-11-23T05:00:00.000Z'); // 25 hours before: too early
    await timer();
    expect(await noticesAbout(h, id)).toEqual([]);
    h.now.value = new Date('2026-11-23T07:00:00.000Z');
    await timer();
    await timer();
    const dayBefore = await noticesAbout(h, id);
    expect(dayBefore.map((n) => [n.memberId, n.kind, n.body]).sort()).toEqual([
      ['member-003', 'activity.tomorrow', '11月24日 14:00 开始'],
      ['member-004', 'activity.tomorrow', '11月24日 14:00 开始'],
    ]);
    h.now.value = new Date('2026-11-24T05:30:00.000Z');
    await timer();
    expect((await noticesAbout(h, id)).filter((n) => n.kind === 'activity.soon')).toHaveLength(2);
    // Moved to the next day: reminded of the new time.
    await h.call(SECRETARY, 'activity', 'update', {
      id,
      startAt: '2026-11-25T06:00:00.000Z',
      endAt: '2026-11-25T08:00:00.000Z',
    });
    h.now.value = new Date('2026-11-24T07:00:00.000Z');
    await timer();
    expect((await noticesAbout(h, id)).filter((n) => n.kind === 'activity.tomorrow')).toHaveLength(4);
    expect(await h.call(MEMBER, 'notice', 'list')).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({ kind: 'activity.soon', title: '重温入党誓词主题党日' }),
      ]),
    });
  });

  it('reminds the secretaries of branches that have not closed a task due tomorrow or today, once', async () => {
    await quietDemo(h);
    const { id } = await h.call(ADMIN, 'tasks', 'create', {
      title: '报送党费收缴情况',
      dueAt: '2026-11-25',
      orgIds: ['org-branch-1', 'org-branch-2'],
    });
    await timer(); // three days before: nothing yet
    expect(await h.store.count('notices', { kind: 'task.due' })).toBe(0);
    h.now.value = new Date('2026-11-24T01:00:00.000Z');
    await timer();
    await timer();
    const due = await h.store.query('notices', { where: { kind: 'task.due' } });
    expect(due.map((n) => [n.memberId, n.key])).toEqual([['member-001', `task.due:${id}:once`]]);
    // Done: no reminder for the branch.
    const other = await h.call(ADMIN, 'tasks', 'create', {
      title: '报送学习计划',
      dueAt: '2026-11-24',
      orgIds: ['org-branch-1'],
    });
    await h.call(SECRETARY, 'tasks', 'complete', { id: other.id, orgId: 'org-branch-1', note: '已报送' });
    await timer();
    expect(await h.store.count('notices', { kind: 'task.due' })).toBe(1);
  });

  describe.each(STORAGES)('run twice at once (%s store)', (storage) => {
    it('writes each reminder once and sends each message once', async () => {
      if (storage === 'file') {
        await h.close();
        h = await createHarness({ at: '2026-11-23T02:00:00.000Z', storage, subscribe: wechat });
      }
      const id = await activityAt(h, '2026-11-24T01:00:00.000Z');
      const openid = 'demo-member-2';
      await h.call(MEMBER, 'notice', 'subscribe', { templateIds: ['tmpl-activity'] });
      await h.call(MEMBER, 'notice', 'subscribe', { templateIds: ['tmpl-activity'] });
      wechat.consent(openid, 'tmpl-activity', 2);
      const runs = countTransactionRuns(h.store);
      const [a, b] = await Promise.all([timer(), timer()]);
      const mine = await noticesAbout(h, id);
      expect(mine.map((n) => n.memberId).sort()).toEqual(['member-003', 'member-004']);
      expect(a.reminders + b.reminders).toBe(await h.store.count('notices'));
      // 陈秀英's one notice is sent once; 刘洋 gave no consent.
      expect(wechat.sent.filter((m) => m.touser === openid)).toHaveLength(1);
      expect(a.sent + b.sent).toBe(wechat.sent.length);
      expect((await h.store.get('subscriptions', 'member-003'))?.credits).toEqual({ 'tmpl-activity': 1 });
      // The two runs really raced for the notices: a transaction was run again after a conflict.
      expect(runs.runs).toBeGreaterThan(runs.transactions);
      await timer();
      expect(wechat.sent.filter((m) => m.touser === openid)).toHaveLength(1);
    });
  });
});

describe('subscribe messages', () => {
  it('offers the configured templates, and records each acceptance as one send', async () => {
    expect(await h.call(MEMBER, 'notice', 'templates')).toEqual({
      templates: [
        { channel: 'activity', templateId: 'tmpl-activity' },
        { channel: 'task', templateId: 'tmpl-task' },
      ],
    });
    await h.call(MEMBER, 'notice', 'subscribe', { templateIds: ['tmpl-activity', 'tmpl-task'] });
    await h.call(MEMBER, 'notice', 'subscribe', { templateIds: ['tmpl-activity'] });
    expect(await h.store.get('subscriptions', 'member-003')).toMatchObject({
      openid: 'demo-member-2',
      credits: { 'tmpl-activity': 2, 'tmpl-task': 1 },
    });
    expect(await h.fail(MEMBER, 'notice', 'subscribe', { templateIds: ['tmpl-other'] })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'templateIds.0',
    });
    expect(await h.fail(VISITOR, 'notice', 'subscribe', { templateIds: ['tmpl-activity'] })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('sends what was consented to, to whom, with the template’s fields; a member without consent gets none', async () => {
    const id = await activityAt(h, '2026-11-23T12:00:00.000Z');
    await h.call(MEMBER, 'notice', 'subscribe', { templateIds: ['tmpl-activity'] });
    wechat.consent('demo-member-2', 'tmpl-activity');
    const result = await timer();
    expect(wechat.sent).toEqual([
      {
        touser: 'demo-member-2',
        templateId: 'tmpl-activity',
        page: `pages/activity/index?id=${id}`,
        data: {
          thing1: { value: '重温入党誓词主题党日' },
          time2: { value: '2026年11月23日 20:00' },
          thing3: { value: '11月23日 20:00 开始' },
        },
      },
    ]);
    expect(result.sent).toBe(1);
    const [ours, theirs] = (await noticesAbout(h, id)).sort((x, y) => x.memberId.localeCompare(y.memberId));
    expect(ours.push).toBe('sent');
    expect(theirs.push).toBe('no-consent');
  });

  it('43101 (no consent left at WeChat) is an outcome: the notice is marked refused, the count set to 0, the run goes on', async () => {
    const id = await activityAt(h, '2026-11-23T12:00:00.000Z');
    await h.call(MEMBER, 'notice', 'subscribe', { templateIds: ['tmpl-activity'] });
    await h.call(MEMBER, 'notice', 'subscribe', { templateIds: ['tmpl-activity'] });
    // WeChat holds none for this user (the member tapped 取消 after all).
    const result = await timer();
    expect(result.refused).toBe(1);
    expect(result.failed).toBe(0);
    expect(wechat.attempts).toHaveLength(1);
    expect(wechat.sent).toEqual([]);
    const ours = (await noticesAbout(h, id)).find((n) => n.memberId === 'member-003');
    expect(ours?.push).toBe('refused');
    expect((await h.store.get('subscriptions', 'member-003'))?.credits).toEqual({ 'tmpl-activity': 0 });
  });

  it('sends nothing and marks nothing when no template is configured', async () => {
    const id = await activityAt(h, '2026-11-23T12:00:00.000Z');
    const result = await timer(h, null);
    expect(result).toMatchObject({ sent: 0, refused: 0, skipped: 0, failed: 0 });
    expect((await noticesAbout(h, id)).map((n) => n.push)).toEqual(['pending', 'pending']);
  });

  it('a notice whose channel has no template is skipped; one older than a day is not sent', async () => {
    await quietDemo(h);
    await notify(h.store, { ...base, memberId: 'member-003', key: 'old', at: '2026-11-21T02:00:00.000Z' });
    await notify(h.store, { ...base, memberId: 'member-003', key: 'new' });
    const result = await timer();
    expect(result.skipped).toBe(2);
    expect(wechat.attempts).toEqual([]);
  });
});

describe('who hears of what, as it happens', () => {
  const kinds = async (openid: string) =>
    (await h.call(openid, 'notice', 'list')).items.map((i) => [i.kind, i.title, i.body]);

  it('an approved 亮身份 tells the new member; a rejected one of someone on no roster tells nobody', async () => {
    await h.call(SECRETARY, 'identity', 'review', { id: 'decl-demo-2', decision: 'approve' });
    const [declaration] = await h.store.query('declarations', { where: { _id: 'decl-demo-2' } });
    expect(await kinds(declaration.openid)).toEqual([
      ['declaration.approved', '您的亮身份申报已通过', '可以查看您的身份卡了'],
    ]);
    const before = await h.store.count('notices');
    const pending = (await h.call(SECRETARY, 'identity', 'listDeclarations')).items.find((d) => d.status === 'pending');
    if (pending) {
      await h.call(SECRETARY, 'identity', 'review', { id: pending.id, decision: 'reject', reason: '信息不完整' });
      expect(await h.store.count('notices')).toBe(before);
    }
  });

  it('a leave decision tells the member who asked, with the note', async () => {
    await h.call(MEMBER, 'activity', 'requestLeave', { id: 'act-demo-now', reason: '出差在外地' });
    await h.call(SECRETARY, 'activity', 'reviewLeave', {
      id: 'act-demo-now',
      memberId: 'member-003',
      decision: 'reject',
      note: '大会需全员参加',
    });
    expect(await kinds(MEMBER)).toEqual([['leave.rejected', '第四季度支部党员大会', '大会需全员参加']]);
    expect(await kinds(MEMBER_3)).toEqual([]);
  });

  it('a deduction tells the member with its reason; a bonus does not', async () => {
    await h.call(SECRETARY, 'points', 'record', {
      memberIds: ['member-003'],
      rule: 'shirk',
      reason: '会议记录未按时提交',
    });
    await h.call(SECRETARY, 'points', 'record', {
      memberIds: ['member-003'],
      rule: 'pioneer',
      reason: '社区抗洪表现突出',
    });
    expect(await kinds(MEMBER)).toEqual([
      ['points.deducted', expect.stringMatching(/^推诿任务 -\d+ 分$/), '会议记录未按时提交'],
    ]);
  });

  it('a decided objection tells the member who raised it', async () => {
    const { entries } = await h.call(ADMIN, 'points', 'record', {
      memberIds: ['member-003'],
      rule: 'shirk',
      reason: '会议记录未按时提交',
    });
    const { id } = await h.call(MEMBER, 'points', 'object', { entryId: entries[0].id, reason: '会议记录已按时提交' });
    await h.call(SECRETARY, 'points', 'resolveObjection', { id, decision: 'uphold', reason: '核实已按时提交' });
    expect((await kinds(MEMBER)).filter(([kind]) => kind === 'objection.decided')).toEqual([
      ['objection.decided', '您的异议成立，积分已更正', '核实已按时提交'],
    ]);
  });
});
