import { createHarness, type Harness } from '../../../tests/support/harness';
import { publishedSheets } from '../../../tests/support/excel';
import { ADMIN, MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';

/**
 * Committee tasks (任务清单, 销号): who may issue, complete and see them, overdue in China time, the
 * monthly recurrence at month ends, the board's order and its export. The clock is injected: nothing
 * here depends on when the tests run.
 */

let h: Harness;

beforeEach(async () => {
  // 2026-11-23 10:00 in China.
  h = await createHarness({ at: '2026-11-23T02:00:00.000Z' });
});

afterEach(() => h.close());

const BOTH = ['org-branch-1', 'org-branch-2'];
const issue = (over: Record<string, unknown> = {}) =>
  h.call(ADMIN, 'tasks', 'create', { title: '报送组织生活会方案', dueAt: '2026-11-30', orgIds: BOTH, ...over });
const cellsOf = async (taskId: string) =>
  (await h.call(ADMIN, 'tasks', 'board', { committeeId: 'org-committee' })).cells.filter((c) => c.taskId === taskId);

/** A second committee with a branch, and its admin. */
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
  await h.store.create('orgs', {
    _id: 'x-branch',
    name: '邻街党支部',
    kind: 'branch',
    parentId: 'x-committee',
    committeeId: 'x-committee',
    createdAt: at,
  });
  await h.store.create('roles', {
    _id: 'x-admin:x-committee:admin',
    openid: 'x-admin',
    orgId: 'x-committee',
    role: 'admin',
    grantedBy: 'x-admin',
    at,
  });
}

describe('tasks.create', () => {
  it('issues one task to the branches, audited, and tells their secretaries in 消息', async () => {
    const { id } = await issue({ details: '请于月底前报送' });
    const board = await h.call(ADMIN, 'tasks', 'board', { committeeId: 'org-committee' });
    expect(board.tasks).toEqual([
      {
        id,
        title: '报送组织生活会方案',
        details: '请于月底前报送',
        dueAt: '2026-11-30',
        repeat: null,
        period: 'once',
        done: 0,
        total: 2,
      },
    ]);
    expect(board.cells.map((c) => [c.orgId, c.status, c.dueSoon, c.daysLeft])).toEqual([
      ['org-branch-1', 'open', false, 7],
      ['org-branch-2', 'open', false, 7],
    ]);
    const audit = await h.store.query('audit', { where: { committeeId: 'org-committee', action: 'task.create' } });
    expect(audit).toHaveLength(1);
    const notices = await h.call(SECRETARY, 'notice', 'list');
    expect(notices.items).toEqual([
      expect.objectContaining({ kind: 'task.assigned', title: '报送组织生活会方案', read: false }),
    ]);
    // A member who is not a secretary hears nothing of it.
    expect((await h.call(MEMBER, 'notice', 'list')).items).toEqual([]);
  });

  it('refuses a secretary, an officer and a member: only the committee issues tasks', async () => {
    for (const who of [SECRETARY, OFFICER, MEMBER]) {
      expect(
        await h.fail(who, 'tasks', 'create', { title: '自己派任务', dueAt: '2026-11-30', orgIds: ['org-branch-1'] }),
      ).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(await h.store.count('tasks')).toBe(0);
  });

  it('refuses branches of another committee, and an admin issuing beyond their committee', async () => {
    await otherCommittee();
    expect(
      await h.fail(ADMIN, 'tasks', 'create', { title: '跨党委任务', dueAt: '2026-11-30', orgIds: ['x-branch'] }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await h.fail('x-admin', 'tasks', 'create', {
        title: '跨党委任务',
        dueAt: '2026-11-30',
        orgIds: ['org-branch-1'],
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await h.fail(ADMIN, 'tasks', 'create', { title: '不存在', dueAt: '2026-11-30', orgIds: ['nope'] }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'orgIds.0',
    });
  });
});

describe('tasks.complete (销号)', () => {
  it('the secretary marks their branch done with a note, once; a second 销号 is CONFLICT and the first note stands', async () => {
    const { id } = await issue();
    h.now.value = new Date('2026-11-24T03:00:00.000Z');
    expect(
      await h.call(SECRETARY, 'tasks', 'complete', { id, orgId: 'org-branch-1', note: '已报送党委办公室' }),
    ).toEqual({
      id,
      orgId: 'org-branch-1',
      period: 'once',
      doneAt: '2026-11-24T03:00:00.000Z',
    });
    expect(
      await h.fail(SECRETARY, 'tasks', 'complete', { id, orgId: 'org-branch-1', note: '改一下说明' }),
    ).toMatchObject({
      code: 'CONFLICT',
    });
    const [open, done] = await cellsOf(id);
    expect(done).toMatchObject({ orgId: 'org-branch-1', status: 'done', note: '已报送党委办公室', dueSoon: false });
    expect(open).toMatchObject({ orgId: 'org-branch-2', status: 'open' });
    const audit = await h.store.query('audit', { where: { committeeId: 'org-committee', action: 'task.done' } });
    expect(audit).toHaveLength(1);
  });

  it('two 销号 at once: one succeeds, the other is CONFLICT', async () => {
    const { id } = await issue();
    const results = await Promise.all([
      h.raw(SECRETARY, 'tasks', { action: 'complete', data: { id, orgId: 'org-branch-1', note: '第一次' } }),
      h.raw(SECRETARY, 'tasks', { action: 'complete', data: { id, orgId: 'org-branch-1', note: '第二次' } }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) }]);
    expect(await h.store.count('taskCompletions')).toBe(1);
  });

  it('a secretary cannot complete another branch’s cell; an officer cannot complete at all; a branch not given the task gets NOT_FOUND', async () => {
    const { id } = await issue();
    expect(
      await h.fail(SECRETARY, 'tasks', 'complete', { id, orgId: 'org-branch-2', note: '替别人销号' }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.fail(OFFICER, 'tasks', 'complete', { id, orgId: 'org-branch-1', note: '支委销号' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const { id: onlyTwo } = await issue({ orgIds: ['org-branch-2'] });
    expect(
      await h.fail(SECRETARY, 'tasks', 'complete', { id: onlyTwo, orgId: 'org-branch-1', note: '不是我的任务' }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await h.store.count('taskCompletions')).toBe(0);
  });

  it('the admin may 销号 for a branch', async () => {
    const { id } = await issue();
    await h.call(ADMIN, 'tasks', 'complete', { id, orgId: 'org-branch-2', note: '电话确认已完成' });
    expect((await cellsOf(id)).find((c) => c.orgId === 'org-branch-2')?.status).toBe('done');
  });
});

describe('overdue, in China time', () => {
  it('is open to the end of the due date in China and overdue from China midnight, whatever the server zone', async () => {
    const { id } = await issue({ dueAt: '2026-11-25' });
    h.now.value = new Date('2026-11-25T15:59:00.000Z'); // 23:59 on the 25th in China
    expect((await cellsOf(id))[0]).toMatchObject({ status: 'open', dueSoon: true, daysLeft: 0 });
    h.now.value = new Date('2026-11-25T16:00:00.000Z'); // 00:00 on the 26th in China
    expect((await cellsOf(id))[0]).toMatchObject({ status: 'overdue', dueSoon: false, daysLeft: -1 });
  });

  it('is yellow (dueSoon) within 3 days, not 4', async () => {
    const { id } = await issue({ dueAt: '2026-11-27' });
    expect((await cellsOf(id))[0]).toMatchObject({ status: 'open', dueSoon: false, daysLeft: 4 });
    h.now.value = new Date('2026-11-24T00:00:00.000Z');
    expect((await cellsOf(id))[0]).toMatchObject({ status: 'open', dueSoon: true, daysLeft: 3 });
  });

  it('the board puts overdue first: tasks with an overdue cell, then cells overdue, open, done', async () => {
    const later = await issue({ title: '月底报送学习计划', dueAt: '2026-11-30' });
    const early = await issue({ title: '报送党费收缴情况', dueAt: '2026-11-24' });
    await h.call(SECRETARY, 'tasks', 'complete', { id: early.id, orgId: 'org-branch-1', note: '已报送' });
    h.now.value = new Date('2026-11-26T02:00:00.000Z');
    const board = await h.call(ADMIN, 'tasks', 'board', { committeeId: 'org-committee' });
    expect(board.tasks.map((t) => t.id)).toEqual([early.id, later.id]);
    expect(board.cells.map((c) => [c.taskId, c.orgId, c.status])).toEqual([
      [early.id, 'org-branch-2', 'overdue'],
      [later.id, 'org-branch-1', 'open'],
      [later.id, 'org-branch-2', 'open'],
      [early.id, 'org-branch-1', 'done'],
    ]);
  });
});

describe('a monthly task is one definition', () => {
  it('due on the 31st recurs on the last day of shorter months (Feb 28, Feb 29 in a leap year), each month completed on its own', async () => {
    h.now.value = new Date('2027-01-10T02:00:00.000Z');
    const { id } = await issue({ title: '每月主题党日计划', dueAt: '2027-01-31', repeat: 'monthly' });
    await h.call(SECRETARY, 'tasks', 'complete', { id, orgId: 'org-branch-1', note: '一月已完成' });
    const dueIn = async (at: string) => {
      h.now.value = new Date(at);
      return (await h.call(ADMIN, 'tasks', 'board', { committeeId: 'org-committee' })).tasks[0];
    };
    expect(await dueIn('2027-01-31T15:00:00.000Z')).toMatchObject({ dueAt: '2027-01-31', period: '2027-01', done: 1 });
    // February 1st in China (January 31st 16:00 UTC): February's occurrence, not yet done by anyone.
    expect(await dueIn('2027-01-31T16:00:00.000Z')).toMatchObject({ dueAt: '2027-02-28', period: '2027-02', done: 0 });
    expect(await dueIn('2027-04-02T02:00:00.000Z')).toMatchObject({ dueAt: '2027-04-30', period: '2027-04' });
    expect(await dueIn('2028-02-02T02:00:00.000Z')).toMatchObject({ dueAt: '2028-02-29', period: '2028-02' });
    expect(await h.store.count('tasks')).toBe(1);
    h.now.value = new Date('2027-02-10T02:00:00.000Z');
    await h.call(SECRETARY, 'tasks', 'complete', { id, orgId: 'org-branch-1', note: '二月已完成' });
    expect((await cellsOf(id))[0]).toMatchObject({ orgId: 'org-branch-2', status: 'open' });
    expect((await cellsOf(id))[1]).toMatchObject({ orgId: 'org-branch-1', status: 'done', note: '二月已完成' });
  });
});

describe('tasks.board and tasks.mine are scoped', () => {
  it('a committee cannot see another committee’s board; a secretary cannot see the board', async () => {
    await issue();
    await otherCommittee();
    expect(await h.fail('x-admin', 'tasks', 'board', { committeeId: 'org-committee' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.fail(SECRETARY, 'tasks', 'board', { committeeId: 'org-committee' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.fail('x-admin', 'tasks', 'exportBoard', { committeeId: 'org-committee' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await h.call('x-admin', 'tasks', 'board', { committeeId: 'x-committee' })).tasks).toEqual([]);
    expect(await h.fail(ADMIN, 'tasks', 'board', { committeeId: 'org-branch-1' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a branch lists its own tasks, overdue first; not another branch’s', async () => {
    const ours = await issue({ title: '本支部任务', orgIds: ['org-branch-1'], dueAt: '2026-11-23' });
    await issue({ title: '二支部的任务', orgIds: ['org-branch-2'] });
    const both = await issue({ title: '共同任务', dueAt: '2026-11-30' });
    h.now.value = new Date('2026-11-24T02:00:00.000Z');
    const mine = await h.call(SECRETARY, 'tasks', 'mine', { orgId: 'org-branch-1' });
    expect(mine.items.map((i) => [i.id, i.status])).toEqual([
      [ours.id, 'overdue'],
      [both.id, 'open'],
    ]);
    expect(await h.fail(SECRETARY, 'tasks', 'mine', { orgId: 'org-branch-2' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.fail(OFFICER, 'tasks', 'mine', { orgId: 'org-branch-1' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('exports the board to Excel, a row per task and branch, overdue first', async () => {
    const { id } = await issue({ dueAt: '2026-11-24' });
    await h.call(SECRETARY, 'tasks', 'complete', { id, orgId: 'org-branch-1', note: '已完成' });
    h.now.value = new Date('2026-11-26T02:00:00.000Z');
    const link = await h.call(ADMIN, 'tasks', 'exportBoard', { committeeId: 'org-committee' });
    expect(link.name).toBe('示范党委 任务清单.xlsx');
    const sheets = await publishedSheets(h.files, link.fileID);
    const text = JSON.stringify(sheets['任务清单']);
    expect(text.indexOf('已逾期')).toBeGreaterThan(-1);
    expect(text.indexOf('已逾期')).toBeLessThan(text.indexOf('已销号'));
    expect(text).toContain('第二党支部');
  });
});
