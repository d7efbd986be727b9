import { DEFAULT_DEVELOP_RULES, DEFAULT_DEVELOP_STEPS } from '../../../contracts/develop';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';
import { STEP_DATES as DATES } from './step-dates';

/**
 * 发展党员 through the `develop` function: a file from 递交申请 to 转正 with the roster following
 * (预备党员 on admission with 入党日期 = the 支部大会's date; 正式党员 with 转正日期 on 转正), time rules
 * refused with the rule's words, the 预备期 extended once, and who may do what where.
 */

let h: Harness;

beforeEach(async () => {
  // 2026-11-23 10:00 China time: every date below is in the past.
  h = await createHarness({ at: '2026-11-23T02:00:00.000Z' });
});

afterEach(() => h.close());

const BRANCH = 'org-branch-1';

const CODES = DEFAULT_DEVELOP_STEPS.map((s) => s.code);

async function open(openid = SECRETARY, orgId = BRANCH, phone?: string) {
  return (
    await h.call(openid, 'develop', 'start', {
      orgId,
      name: '林晓东',
      appliedAt: '2024-03-01',
      ...(phone ? { phone } : {}),
    })
  ).id;
}

/** Records every step from the next one up to (not including) `until`, on DATES. */
async function recordUntil(id: string, until: string | null, openid = SECRETARY) {
  const file = await h.call(openid, 'develop', 'get', { id });
  const from = CODES.indexOf(file.nextStep ?? '');
  const to = until ? CODES.indexOf(until) : CODES.length;
  let last = null;
  for (const step of CODES.slice(from, to))
    last = await h.call(openid, 'develop', 'recordStep', { id, step, at: DATES[step] });
  return last;
}

describe('a file from 递交申请 to 转正', () => {
  it('start opens the file with 递交申请 done; each step moves the file on', async () => {
    const id = await open(SECRETARY, BRANCH, '13912345678');
    const file = await h.call(SECRETARY, 'develop', 'get', { id });
    expect(file).toMatchObject({
      id,
      name: '林晓东',
      stage: 1,
      category: 'applicant',
      nextStep: 'talk',
      canRecord: true,
    });
    expect(file.steps).toHaveLength(25);
    expect(file.steps[0]).toMatchObject({ step: 'apply', name: '递交入党申请书', at: '2024-03-01', status: 'done' });
    expect(file.steps[1]).toMatchObject({ step: 'talk', status: 'overdue', due: '2024-04-01', at: null });

    expect(
      await h.call(SECRETARY, 'develop', 'recordStep', { id, step: 'talk', at: '2024-03-20', note: '王志强谈话' }),
    ).toEqual({
      id,
      stage: 2,
      nextStep: 'recommend',
      memberId: file.memberId,
    });
    expect(file.memberId).toEqual(expect.any(String));
    const audits = await h.store.query('audit', { where: { action: 'develop.step' }, limit: 10 });
    expect(audits).toEqual([
      expect.objectContaining({
        actor: SECRETARY,
        target: `candidates/${id}`,
        after: { step: 'talk', at: '2024-03-20' },
      }),
    ]);
  });

  it('admission as 预备党员 makes their roster entry 预备党员 with 入党日期 = the 支部大会 date; 转正 sets 转正日期 and 党龄', async () => {
    const id = await open(SECRETARY, BRANCH, '13912345678');
    const before = await h.store.count('members');
    const { memberId: opened } = await h.call(SECRETARY, 'develop', 'get', { id });
    const admitted = await recordUntil(id, 'upperFiling');
    expect(admitted).toEqual({ id, stage: 4, nextStep: 'upperFiling', memberId: opened });
    const memberId = admitted?.memberId ?? '';
    // The entry made when the file was opened, moved on: no second one.
    expect(await h.store.count('members')).toBe(before);
    const member = await h.call(SECRETARY, 'roster', 'getMember', { id: memberId });
    expect(member).toMatchObject({
      name: '林晓东',
      partyStatus: 'probationary',
      joinedAt: '2025-06-10',
      fullAt: null,
      partyYears: null,
      orgId: BRANCH,
    });
    expect((await h.call(SECRETARY, 'develop', 'get', { id })).category).toBe('probationary');

    const full = await recordUntil(id, 'archive');
    expect(full).toEqual({ id, stage: 5, nextStep: 'archive', memberId });
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id: memberId })).toMatchObject({
      partyStatus: 'full',
      joinedAt: '2025-06-10',
      fullAt: '2026-07-01',
      partyYears: 0,
    });
    // 党龄 counts from 转正日期: two years on, 2.
    h.now.value = new Date('2028-07-01T02:00:00.000Z');
    expect((await h.call(SECRETARY, 'roster', 'getMember', { id: memberId })).partyYears).toBe(2);
    h.now.value = new Date('2026-11-23T02:00:00.000Z');

    // 材料归档 completes the file: off the board.
    await recordUntil(id, null);
    expect((await h.call(SECRETARY, 'develop', 'get', { id })).nextStep).toBeNull();
    expect((await h.call(SECRETARY, 'develop', 'board', { orgId: BRANCH })).items.map((i) => i.id)).not.toContain(id);
  });

  it('a step too early is refused naming the rule, and changes nothing', async () => {
    const id = await open();
    await recordUntil(id, 'cultivate');
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      SECRETARY,
      'develop',
      'recordStep',
      { id, step: 'cultivate', at: '2025-04-09' },
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({ field: 'at', message: expect.stringContaining('入党积极分子培养教育考察一年以上') });
    expect(error.message).toContain('2025年4月10日');
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('a step may be named as the 25 steps name it (派人谈话), not only by its code', async () => {
    const id = await open();
    expect(await h.call(SECRETARY, 'develop', 'recordStep', { id, step: '派人谈话', at: '2024-03-20' })).toMatchObject({
      nextStep: 'recommend',
    });
    const error = await expectError(
      h,
      SECRETARY,
      'develop',
      'recordStep',
      { id, step: '面谈', at: '2024-03-21' },
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({ field: 'step', message: '没有步骤「面谈」' });
  });

  it('out of order, twice, or in the future is refused', async () => {
    const id = await open();
    expect(
      (
        await expectError(
          h,
          SECRETARY,
          'develop',
          'recordStep',
          { id, step: 'recommend', at: '2024-03-20' },
          'INVALID_INPUT',
        )
      ).message,
    ).toBe('请先完成「党组织派人谈话」，再记录「推荐和确定入党积极分子」');
    expect(
      (
        await expectError(
          h,
          SECRETARY,
          'develop',
          'recordStep',
          { id, step: 'apply', at: '2024-03-20' },
          'INVALID_INPUT',
        )
      ).field,
    ).toBe('step');
    expect(
      (
        await expectError(
          h,
          SECRETARY,
          'develop',
          'recordStep',
          { id, step: 'talk', at: '2026-11-24' },
          'INVALID_INPUT',
        )
      ).message,
    ).toMatch(/不能晚于今天/);
    await expectError(
      h,
      SECRETARY,
      'develop',
      'start',
      { orgId: BRANCH, name: '林晓东', appliedAt: '2026-11-24' },
      'INVALID_INPUT',
    );
  });

  it('the board flags an overdue step: 谈话 more than a month after the application', async () => {
    const late = await open();
    const recent = (
      await h.call(SECRETARY, 'develop', 'start', { orgId: 'org-group-1', name: '许安', appliedAt: '2026-11-01' })
    ).id;
    const { items } = await h.call(SECRETARY, 'develop', 'board', { orgId: BRANCH });
    expect(items).toEqual([
      expect.objectContaining({
        id: late,
        name: '林晓东',
        stage: 1,
        nextStep: 'talk',
        nextStepName: '党组织派人谈话',
        overdue: true,
        due: '2024-04-01',
      }),
      expect.objectContaining({
        id: recent,
        name: '许安',
        stage: 1,
        nextStep: 'talk',
        overdue: false,
        orgName: '第一党小组',
      }),
    ]);
    // A group's board shows the group's files; the committee's shows all.
    expect((await h.call(SECRETARY, 'develop', 'board', { orgId: 'org-group-1' })).items.map((i) => i.id)).toEqual([
      recent,
    ]);
    expect((await h.call(ADMIN, 'develop', 'board', { orgId: 'org-committee' })).items).toHaveLength(2);
  });
});

describe('预备期 extension: 6 to 12 months, once', () => {
  it('extends the 预备期 once; a second extension is refused', async () => {
    const id = await open();
    await expectError(
      h,
      SECRETARY,
      'develop',
      'extendProbation',
      { id, months: 6, at: '2025-01-01', note: '支部大会决定' },
      'INVALID_INPUT',
    );
    await recordUntil(id, 'probation');
    expect(
      await h.call(SECRETARY, 'develop', 'extendProbation', {
        id,
        months: 6,
        at: '2026-06-10',
        note: '支部大会决定延长预备期',
      }),
    ).toEqual({
      id,
      months: 6,
    });
    const refused = await expectError(
      h,
      SECRETARY,
      'develop',
      'extendProbation',
      { id, months: 6, at: '2026-06-11', note: '再次延长' },
      'CONFLICT',
    );
    expect(refused.message).toMatch(/预备期只能延长一次/);
    // The year is no longer enough; a year and a half is.
    const early = await expectError(
      h,
      SECRETARY,
      'develop',
      'recordStep',
      { id, step: 'probation', at: '2026-06-10' },
      'INVALID_INPUT',
    );
    expect(early.message).toMatch(/预备期为一年.*已延长 6 个月.*2026年12月10日/);
    h.now.value = new Date('2027-01-05T02:00:00.000Z');
    await h.call(SECRETARY, 'develop', 'recordStep', { id, step: 'probation', at: '2026-12-10' });
    expect((await h.call(SECRETARY, 'develop', 'get', { id })).extension).toEqual({
      months: 6,
      at: '2026-06-10',
      note: '支部大会决定延长预备期',
    });
  });

  it.each([5, 13])('an extension of %i months is refused', async (months) => {
    const id = await open();
    const error = await expectError(
      h,
      SECRETARY,
      'develop',
      'extendProbation',
      { id, months, at: '2026-06-10', note: '支部大会决定' },
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({ field: 'months', message: 'months：预备期延长 6 至 12 个月' });
  });
});

describe('who may do what, where', () => {
  it('a member may do nothing; an officer reads but does not record', async () => {
    const id = await open();
    await expectError(
      h,
      MEMBER,
      'develop',
      'start',
      { orgId: BRANCH, name: '林晓东', appliedAt: '2024-03-01' },
      'FORBIDDEN',
    );
    await expectError(h, MEMBER, 'develop', 'board', { orgId: BRANCH }, 'FORBIDDEN');
    await expectError(h, MEMBER, 'develop', 'get', { id }, 'FORBIDDEN');
    await expectError(h, MEMBER, 'develop', 'recordStep', { id, step: 'talk', at: '2024-03-20' }, 'FORBIDDEN');
    await expectError(h, MEMBER, 'develop', 'config', { orgId: BRANCH }, 'FORBIDDEN');
    expect((await h.call(OFFICER, 'develop', 'get', { id })).canRecord).toBe(false);
    expect((await h.call(OFFICER, 'develop', 'board', { orgId: BRANCH })).items).toHaveLength(1);
    await expectError(h, OFFICER, 'develop', 'recordStep', { id, step: 'talk', at: '2024-03-20' }, 'FORBIDDEN');
    await expectError(
      h,
      OFFICER,
      'develop',
      'extendProbation',
      { id, months: 6, at: '2024-03-20', note: '决定' },
      'FORBIDDEN',
    );
    await expectError(
      h,
      OFFICER,
      'develop',
      'start',
      { orgId: BRANCH, name: '林晓东', appliedAt: '2024-03-01' },
      'FORBIDDEN',
    );
  });

  it('another branch’s files are out of reach of the secretary (FORBIDDEN, as the roster answers); an unknown file is NOT_FOUND', async () => {
    await expectError(
      h,
      SECRETARY,
      'develop',
      'start',
      { orgId: 'org-branch-2', name: '林晓东', appliedAt: '2024-03-01' },
      'FORBIDDEN',
    );
    const other = await open(ADMIN, 'org-branch-2');
    await expectError(h, SECRETARY, 'develop', 'get', { id: other }, 'FORBIDDEN');
    await expectError(
      h,
      SECRETARY,
      'develop',
      'recordStep',
      { id: other, step: 'talk', at: '2024-03-20' },
      'FORBIDDEN',
    );
    await expectError(h, SECRETARY, 'develop', 'board', { orgId: 'org-branch-2' }, 'FORBIDDEN');
    expect((await h.call(SECRETARY, 'develop', 'board', { orgId: BRANCH })).items).toEqual([]);
    await expectError(h, SECRETARY, 'develop', 'get', { id: 'no-such-file' }, 'NOT_FOUND');
    // The admin records every step of every branch, the committee's included.
    await h.call(ADMIN, 'develop', 'recordStep', { id: other, step: 'talk', at: '2024-03-20' });
  });

  it('a number already on the roster stops the file’s opening with the roster’s CONFLICT, and nothing is written', async () => {
    const [holder] = await h.store.query('members', { where: { branchId: BRANCH, status: 'active' }, limit: 1 });
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      SECRETARY,
      'develop',
      'start',
      { orgId: BRANCH, name: '林晓东', appliedAt: '2024-03-01', phone: holder.phone },
      'CONFLICT',
    );
    expect(error.message).toMatch(new RegExp(`^该手机号已登记在党员${holder.name}（.+）名下$`));
    expect(await snapshot(h.store)).toEqual(before);
  });
});

describe('the committee’s step list', () => {
  it('the default until the admin sets its own; new files follow it, opened ones keep theirs', async () => {
    const opened = await open();
    expect(await h.call(SECRETARY, 'develop', 'config', { orgId: BRANCH })).toMatchObject({
      committeeId: 'org-committee',
      custom: false,
      steps: DEFAULT_DEVELOP_STEPS,
    });
    const steps = DEFAULT_DEVELOP_STEPS.filter(
      (s) => !['activistFiling', 'candidateFiling', 'committeeTalk', 'upperFiling'].includes(s.code),
    );
    const rules = DEFAULT_DEVELOP_RULES.map((r) =>
      r.step === 'talk' ? { ...r, due: { days: 15 }, text: '十五日内派人谈话' } : r,
    );
    await expectError(
      h,
      SECRETARY,
      'develop',
      'setSteps',
      { committeeId: 'org-committee', config: { steps, rules } },
      'FORBIDDEN',
    );
    await h.call(ADMIN, 'develop', 'setSteps', { committeeId: 'org-committee', config: { steps, rules } });
    expect(await h.call(SECRETARY, 'develop', 'config', { orgId: BRANCH })).toMatchObject({ custom: true, steps });

    const fresh = (
      await h.call(SECRETARY, 'develop', 'start', { orgId: BRANCH, name: '许安', appliedAt: '2026-11-01' })
    ).id;
    expect((await h.call(SECRETARY, 'develop', 'get', { id: fresh })).steps).toHaveLength(21);
    expect((await h.call(SECRETARY, 'develop', 'get', { id: fresh })).steps[1].due).toBe('2026-11-16');
    expect((await h.call(SECRETARY, 'develop', 'get', { id: opened })).steps).toHaveLength(25);
  });

  it('a list whose rules name unknown steps is refused, and nothing changes', async () => {
    const rules = [
      ...DEFAULT_DEVELOP_RULES,
      { step: 'interview', after: 'apply', due: { months: 1 }, text: '一个月内面谈' },
    ];
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      ADMIN,
      'develop',
      'setSteps',
      { committeeId: 'org-committee', config: { steps: DEFAULT_DEVELOP_STEPS, rules } },
      'INVALID_INPUT',
    );
    expect(error).toMatchObject({ field: 'config.rules.6.step', message: '规则引用了不存在的步骤「interview」' });
    await expectError(
      h,
      ADMIN,
      'develop',
      'setSteps',
      { committeeId: BRANCH, config: { steps: DEFAULT_DEVELOP_STEPS, rules: [] } },
      'INVALID_INPUT',
    );
    expect(await snapshot(h.store)).toEqual(before);
  });
});
