import { DEFAULT_DEVELOP_RULES, DEFAULT_DEVELOP_STEPS, type DevelopCategory } from '../../../contracts/develop';
import { phoneKeyId, type MemberDoc } from '../../roster';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';
import { STEP_DATES as DATES } from './step-dates';

/**
 * 发展党员 and the roster: the person is on the roster from 递交申请 (入党申请人, no 入党日期), each step
 * keeps the entry's 党员身份 equal to the file's category, admission updates the entry (预备党员, 入党日期 =
 * the 支部大会's date), 培养联系人 and 入党介绍人 are recorded with their steps and kept on the entry, a
 * file opened before all this gets its entry at its next step, and 终止发展 deactivates the entry.
 */

let h: Harness;

beforeEach(async () => {
  h = await createHarness({ at: '2026-11-23T02:00:00.000Z' });
});

afterEach(() => h.close());

const BRANCH = 'org-branch-1';
const PHONE = '13912345678';
const CODES = DEFAULT_DEVELOP_STEPS.map((s) => s.code);
/** 王志强 and 吴桂兰: 正式党员 of 第一党支部; 孙浩然: 预备党员 there; 林晓燕: 正式党员 of 第二党支部. */
const WANG = 'member-002';
const WU = 'member-008';
const SUN_PROBATIONARY = 'member-006';
const LIN_BRANCH_2 = 'member-018';

async function open(phone: string | undefined = PHONE, orgId = BRANCH, openid = SECRETARY) {
  const { id } = await h.call(openid, 'develop', 'start', {
    orgId,
    name: '林晓东',
    appliedAt: '2024-03-01',
    ...(phone ? { phone } : {}),
  });
  return id;
}

const fileOf = (id: string) => h.call(SECRETARY, 'develop', 'get', { id });
const entryOf = async (id: string) => (await h.store.get('members', (await fileOf(id)).memberId ?? '')) as MemberDoc;

/** Records every step from the next one up to (not including) `until`, on DATES (people where a step names them). */
async function recordUntil(id: string, until: string | null) {
  const from = CODES.indexOf((await fileOf(id)).nextStep ?? '');
  const to = until ? CODES.indexOf(until) : CODES.length;
  for (const step of CODES.slice(from, to))
    await h.call(SECRETARY, 'develop', 'recordStep', { id, step, at: DATES[step] });
}

describe('on the roster from 递交申请', () => {
  it('start makes a roster entry: 入党申请人, no 入党日期, active, in the file’s group, its mobile keyed', async () => {
    const id = await open(PHONE, 'org-group-1');
    const file = await fileOf(id);
    const member = await h.store.get('members', file.memberId ?? '');
    expect(member).toMatchObject({
      name: '林晓东',
      phone: PHONE,
      partyStatus: 'applicant',
      joinedAt: null,
      fullAt: null,
      status: 'active',
      committeeId: 'org-committee',
      branchId: BRANCH,
      groupId: 'org-group-1',
      openid: null,
      history: [expect.objectContaining({ action: 'created', note: expect.stringContaining('递交入党申请书') })],
    });
    expect(await h.store.get('phoneKeys', phoneKeyId('org-committee', PHONE))).toMatchObject({
      memberId: file.memberId,
    });
    // The roster shows them as 入党申请人, beside the Party members.
    expect(await h.call(SECRETARY, 'roster', 'getMember', { id: file.memberId ?? '' })).toMatchObject({
      partyStatus: 'applicant',
      orgId: BRANCH,
      partyYears: null,
    });
    expect((await h.store.query('audit', { where: { action: 'develop.start' }, limit: 1 }))[0].after).toMatchObject({
      memberId: file.memberId,
    });
  });

  it('a mobile an active roster entry holds is refused with the roster’s own CONFLICT, nothing written', async () => {
    const holder = (await h.store.get('members', WANG)) as MemberDoc;
    const roster = await expectError(
      h,
      SECRETARY,
      'roster',
      'createMember',
      {
        orgId: BRANCH,
        name: '林晓东',
        phone: holder.phone,
        partyStatus: 'full',
        joinedAt: '2010-01-01',
        fullAt: '2011-01-01',
      },
      'CONFLICT',
    );
    const before = await snapshot(h.store);
    const develop = await expectError(
      h,
      SECRETARY,
      'develop',
      'start',
      { orgId: BRANCH, name: '林晓东', appliedAt: '2024-03-01', phone: holder.phone },
      'CONFLICT',
    );
    expect(develop.message).toBe(roster.message);
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('two files for one new number at once: one opens, the other is refused', async () => {
    const results = await Promise.allSettled([open(), open()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await h.store.count('candidates')).toBe(1);
    expect(await h.store.count('members', { phone: PHONE })).toBe(1);
  });

  it('without a mobile the entry claims no key', async () => {
    const id = await open('');
    expect((await entryOf(id)).phone).toBeNull();
  });
});

describe('each step keeps the entry’s 党员身份 equal to the file’s category', () => {
  /** The status after recording each step of the default list. */
  const expected: Array<[step: string, category: DevelopCategory]> = CODES.slice(1).map((code) => {
    const at = CODES.indexOf(code);
    const stage = DEFAULT_DEVELOP_STEPS[at].stage;
    const admitted = at >= CODES.indexOf('admissionApproval');
    const full = at >= CODES.indexOf('fullApproval');
    const category: DevelopCategory = full
      ? 'full'
      : admitted
        ? 'probationary'
        : stage >= 3
          ? 'candidate'
          : stage === 2
            ? 'activist'
            : 'applicant';
    return [code, category];
  });

  it('from 入党申请人 to 正式党员, one history line per change, dates at admission and 转正', async () => {
    const id = await open();
    const memberId = (await fileOf(id)).memberId;
    for (const [step, category] of expected) {
      await h.call(SECRETARY, 'develop', 'recordStep', { id, step, at: DATES[step] });
      const file = await fileOf(id);
      const entry = await entryOf(id);
      expect([step, file.category, entry.partyStatus]).toEqual([step, category, category]);
      expect(file.memberId).toBe(memberId);
      if (step === 'admissionApproval') expect(entry).toMatchObject({ joinedAt: '2025-06-10', fullAt: null });
    }
    const entry = await entryOf(id);
    expect(entry).toMatchObject({ partyStatus: 'full', joinedAt: '2025-06-10', fullAt: '2026-07-01' });
    expect(entry.history.map((line) => line.note)).toEqual([
      expect.stringContaining('登记为入党申请人'),
      '发展党员：推荐和确定入党积极分子（2024年4月10日），入党申请人转为入党积极分子',
      '发展党员：确定发展对象（2025年4月15日），入党积极分子转为发展对象',
      '发展党员：上级党委审批接收（2025年7月1日），发展对象转为预备党员',
      '发展党员：入党日期为2025年6月10日（支部大会通过之日）',
      '发展党员：上级党委审批转正（2026年7月1日），预备党员转为正式党员',
      '发展党员：转正日期为2026年7月1日',
    ]);
    expect(await h.store.count('members', { name: '林晓东' })).toBe(1);
  });

  it('an entry no longer active (deactivated before the roster left this to 发展党员) stops the next step with a CONFLICT', async () => {
    const id = await open();
    await h.store.update('members', (await fileOf(id)).memberId ?? '', {
      $set: { status: 'inactive', inactiveReason: '其他' },
    });
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      SECRETARY,
      'develop',
      'recordStep',
      { id, step: 'talk', at: DATES.talk },
      'CONFLICT',
    );
    expect(error.message).toMatch(/已停用/);
    expect(await snapshot(h.store)).toEqual(before);
  });
});

describe('a file opened before people on the way were on the roster', () => {
  /** Turns a file into one opened before entries existed: no memberId, no entry, no key. */
  async function legacy(id: string) {
    const file = await h.store.get('candidates', id);
    const memberId = file?.memberId ?? '';
    const member = await h.store.get('members', memberId);
    if (member?.phone) await h.store.remove('phoneKeys', phoneKeyId('org-committee', member.phone));
    await h.store.remove('members', memberId);
    await h.store.update('candidates', id, { $set: { memberId: null } });
  }

  it('gets its entry at its next step, holding the file’s category, its mobile claimed', async () => {
    const id = await open();
    await recordUntil(id, 'confirmCandidate');
    await legacy(id);
    expect((await fileOf(id)).memberId).toBeNull();
    const count = await h.store.count('members');
    const { memberId } = await h.call(SECRETARY, 'develop', 'recordStep', {
      id,
      step: 'confirmCandidate',
      at: DATES.confirmCandidate,
    });
    expect(memberId).toEqual(expect.any(String));
    expect(await h.store.count('members')).toBe(count + 1);
    expect(await h.store.get('members', memberId ?? '')).toMatchObject({
      partyStatus: 'candidate',
      joinedAt: null,
      phone: PHONE,
      status: 'active',
      history: [expect.objectContaining({ action: 'created', note: expect.stringContaining('登记为发展对象') })],
    });
    expect((await fileOf(id)).memberId).toBe(memberId);
    expect(await h.store.get('phoneKeys', phoneKeyId('org-committee', PHONE))).toMatchObject({ memberId });
    // From then on it is moved on like any other.
    await recordUntil(id, 'upperFiling');
    expect(await h.store.get('members', memberId ?? '')).toMatchObject({
      partyStatus: 'probationary',
      joinedAt: '2025-06-10',
    });
  });

  it('at admission: the entry is made as 预备党员 with 入党日期, as before', async () => {
    const id = await open();
    await recordUntil(id, 'admissionApproval');
    await legacy(id);
    const { memberId } = await h.call(SECRETARY, 'develop', 'recordStep', {
      id,
      step: 'admissionApproval',
      at: DATES.admissionApproval,
    });
    expect(await h.store.get('members', memberId ?? '')).toMatchObject({
      partyStatus: 'probationary',
      joinedAt: '2025-06-10',
      fullAt: null,
    });
  });

  it('whose mobile another member took meanwhile: CONFLICT at that step, nothing written', async () => {
    const id = await open();
    await legacy(id);
    await h.call(SECRETARY, 'roster', 'createMember', {
      orgId: BRANCH,
      name: '欧阳明',
      phone: PHONE,
      partyStatus: 'full',
      joinedAt: '2010-01-01',
      fullAt: '2011-01-01',
    });
    const before = await snapshot(h.store);
    const error = await expectError(
      h,
      SECRETARY,
      'develop',
      'recordStep',
      { id, step: 'talk', at: DATES.talk },
      'CONFLICT',
    );
    expect(error.message).toBe('该手机号已登记在党员欧阳明（第一党支部）名下，请先核对花名册');
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('may be closed: there is no entry to deactivate', async () => {
    const id = await open();
    await legacy(id);
    await h.call(SECRETARY, 'develop', 'close', { id, reason: '本人撤回入党申请' });
    expect((await fileOf(id)).closed).toEqual({ at: '2026-11-23', reason: '本人撤回入党申请' });
  });
});

describe('培养联系人 and 入党介绍人', () => {
  it('are recorded with their steps, kept on the roster entry and shown in the file', async () => {
    const id = await open();
    await recordUntil(id, 'assignContact');
    const before = await fileOf(id);
    expect(before.nextPeople).toEqual({ mark: 'contacts', label: '培养联系人', min: 1, max: 2, scope: 'branch' });
    // The branch's 正式党员 to pick from: no 预备党员, no one of another branch.
    const eligible = before.eligible.map((p) => p.memberId);
    expect(eligible).toEqual(expect.arrayContaining([WANG, WU]));
    expect(eligible).not.toContain(SUN_PROBATIONARY);
    expect(eligible).not.toContain(LIN_BRANCH_2);

    await h.call(SECRETARY, 'develop', 'recordStep', {
      id,
      step: 'assignContact',
      at: DATES.assignContact,
      contacts: [{ memberId: WANG }, { name: '张卫东' }],
    });
    const contacts = [
      { memberId: WANG, name: '王志强' },
      { memberId: null, name: '张卫东' },
    ];
    expect(await entryOf(id)).toMatchObject({ contacts, partyStatus: 'activist' });
    expect((await entryOf(id)).history.at(-1)?.note).toBe('发展党员：培养联系人为王志强、张卫东');
    const file = await fileOf(id);
    expect(file).toMatchObject({ contacts, sponsors: [], nextPeople: null, eligible: [] });
    expect(file.steps.find((s) => s.step === 'assignContact')?.people).toEqual(contacts);

    await recordUntil(id, 'assignIntroducers');
    expect((await fileOf(id)).nextPeople?.mark).toBe('sponsors');
    // 入党介绍人 may be 正式党员 of another branch of the committee.
    await h.call(SECRETARY, 'develop', 'recordStep', {
      id,
      step: '确定入党介绍人',
      at: DATES.assignIntroducers,
      sponsors: [{ memberId: WU }, { memberId: LIN_BRANCH_2 }],
    });
    expect((await fileOf(id)).sponsors).toEqual([
      { memberId: WU, name: '吴桂兰' },
      { memberId: LIN_BRANCH_2, name: '林晓燕' },
    ]);
    const audits = await h.store.query('audit', { where: { action: 'develop.step' }, limit: 100 });
    expect(audits.map((a) => a.after)).toContainEqual({
      step: 'assignIntroducers',
      at: DATES.assignIntroducers,
      sponsors: ['吴桂兰', '林晓燕'],
    });
  });

  it('the steps may still be recorded without them (the contract’s `{ id, step, at, note? }`)', async () => {
    const id = await open();
    await recordUntil(id, 'politicalReview');
    expect(await entryOf(id)).not.toHaveProperty('contacts');
    expect((await fileOf(id)).contacts).toEqual([]);
  });

  describe('refusals, each INVALID_INPUT naming the field and changing nothing', () => {
    const cases: Array<[what: string, step: string, people: Record<string, unknown>, field: string, message: RegExp]> =
      [
        [
          'a 预备党员 as 入党介绍人',
          'assignIntroducers',
          { sponsors: [{ memberId: WU }, { memberId: SUN_PROBATIONARY }] },
          'sponsors.1.memberId',
          /第 2 位入党介绍人应为正式党员：孙浩然是预备党员，转正后方可担任/,
        ],
        [
          'one 入党介绍人',
          'assignIntroducers',
          { sponsors: [{ memberId: WU }] },
          'sponsors',
          /入党介绍人应为 2 名正式党员/,
        ],
        [
          'three 入党介绍人',
          'assignIntroducers',
          { sponsors: [{ memberId: WU }, { memberId: WANG }, { name: '张卫东' }] },
          'sponsors',
          /入党介绍人应为 2 名正式党员/,
        ],
        [
          'the same 入党介绍人 twice',
          'assignIntroducers',
          { sponsors: [{ memberId: WU }, { memberId: WU }] },
          'sponsors',
          /不能重复/,
        ],
        [
          'a typed name beside the same member',
          'assignIntroducers',
          { sponsors: [{ memberId: WU }, { name: '吴桂兰' }] },
          'sponsors',
          /不能重复/,
        ],
        [
          'a 培养联系人 of another branch',
          'assignContact',
          { contacts: [{ memberId: LIN_BRANCH_2 }] },
          'contacts.0.memberId',
          /培养联系人应为第一党支部的正式党员/,
        ],
        [
          'a 预备党员 as 培养联系人',
          'assignContact',
          { contacts: [{ memberId: SUN_PROBATIONARY }] },
          'contacts.0.memberId',
          /培养联系人应为正式党员：孙浩然是预备党员/,
        ],
        ['no 培养联系人 in the list', 'assignContact', { contacts: [] }, 'contacts', /请指定 1 至 2 名培养联系人/],
        [
          'three 培养联系人',
          'assignContact',
          { contacts: [{ memberId: WANG }, { memberId: WU }, { name: '张卫东' }] },
          'contacts',
          /1 至 2 名/,
        ],
        [
          'someone not on any roster',
          'assignContact',
          { contacts: [{ memberId: 'member-999' }] },
          'contacts.0.memberId',
          /不在第一党支部花名册上/,
        ],
        [
          'both a member and a name for one person',
          'assignContact',
          { contacts: [{ memberId: WANG, name: '王志强' }] },
          'contacts.0',
          /二选一/,
        ],
        [
          '培养联系人 with another step',
          'cultivate',
          { contacts: [{ memberId: WANG }] },
          'contacts',
          /「培养教育考察」不记录培养联系人/,
        ],
        [
          '入党介绍人 with the 培养联系人 step',
          'assignContact',
          { sponsors: [{ memberId: WANG }, { memberId: WU }] },
          'sponsors',
          /不记录入党介绍人/,
        ],
      ];

    it.each(cases)('%s', async (_what, step, people, field, message) => {
      const id = await open();
      await recordUntil(id, step);
      const before = await snapshot(h.store);
      const error = await expectError(
        h,
        SECRETARY,
        'develop',
        'recordStep',
        { id, step, at: DATES[step], ...people },
        'INVALID_INPUT',
      );
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(await snapshot(h.store)).toEqual(before);
    });

    it('a 培养联系人 the roster has deactivated', async () => {
      const id = await open();
      await recordUntil(id, 'assignContact');
      await h.call(ADMIN, 'roster', 'deactivateMember', { id: WU, reason: '去世' });
      const error = await expectError(
        h,
        SECRETARY,
        'develop',
        'recordStep',
        { id, step: 'assignContact', at: DATES.assignContact, contacts: [{ memberId: WU }] },
        'INVALID_INPUT',
      );
      expect(error).toMatchObject({ field: 'contacts.0.memberId', message: '培养联系人吴桂兰已停用，请另选' });
    });
  });

  it('a committee’s list saved without the marks: the default codes name the people', async () => {
    const steps = DEFAULT_DEVELOP_STEPS.map(({ mark, ...step }) =>
      mark === 'contacts' || mark === 'sponsors' ? step : { ...step, ...(mark ? { mark } : {}) },
    );
    await h.store.set('developConfigs', {
      _id: 'org-committee',
      steps,
      rules: [...DEFAULT_DEVELOP_RULES],
      updatedBy: ADMIN,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const id = await open();
    expect((await fileOf(id)).steps.some((s) => s.step === 'assignContact')).toBe(true);
    await recordUntil(id, 'assignContact');
    expect((await fileOf(id)).nextPeople?.mark).toBe('contacts');
    await h.call(SECRETARY, 'develop', 'recordStep', {
      id,
      step: 'assignContact',
      at: DATES.assignContact,
      contacts: [{ memberId: WANG }],
    });
    expect((await entryOf(id)).contacts).toEqual([{ memberId: WANG, name: '王志强' }]);
  });

  it('a committee’s own list may mark another step; marking two is refused', async () => {
    const steps = DEFAULT_DEVELOP_STEPS.map((step) =>
      step.code === 'assignContact'
        ? {
            code: 'pairUp',
            name: '确定培养联系人',
            stage: 2 as const,
            by: 'branch' as const,
            mark: 'contacts' as const,
          }
        : step,
    );
    const rules = [...DEFAULT_DEVELOP_RULES];
    const twice = steps.map((step) => (step.code === 'cultivate' ? { ...step, mark: 'contacts' as const } : step));
    const refused = await expectError(
      h,
      ADMIN,
      'develop',
      'setSteps',
      { committeeId: 'org-committee', config: { steps: twice, rules } },
      'INVALID_INPUT',
    );
    expect(refused).toMatchObject({ field: 'config.steps', message: '步骤中最多只能有一个「指定培养联系人」' });
    await h.call(ADMIN, 'develop', 'setSteps', { committeeId: 'org-committee', config: { steps, rules } });
    const id = await open();
    await h.call(SECRETARY, 'develop', 'recordStep', { id, step: 'talk', at: DATES.talk });
    await h.call(SECRETARY, 'develop', 'recordStep', { id, step: 'recommend', at: DATES.recommend });
    await h.call(SECRETARY, 'develop', 'recordStep', { id, step: 'activistFiling', at: DATES.activistFiling });
    await h.call(SECRETARY, 'develop', 'recordStep', {
      id,
      step: 'pairUp',
      at: DATES.assignContact,
      contacts: [{ name: '张卫东' }],
    });
    expect((await entryOf(id)).contacts).toEqual([{ memberId: null, name: '张卫东' }]);
  });
});

describe('终止发展 (develop.close)', () => {
  it('deactivates the entry with the reason, frees its mobile, ends its binding, and takes the file off the board', async () => {
    const id = await open();
    await recordUntil(id, 'confirmCandidate');
    const memberId = (await fileOf(id)).memberId ?? '';
    // Bound to a WeChat user, as after an approved 亮身份.
    await h.store.update('members', memberId, { $set: { openid: 'wx-lin' } });
    await h.store.create('bindings', { _id: 'wx-lin', memberId, at: '2026-01-01T00:00:00.000Z' });

    expect(await h.call(SECRETARY, 'develop', 'close', { id, reason: '本人撤回入党申请' })).toEqual({ id });
    expect(await h.store.get('members', memberId)).toMatchObject({
      status: 'inactive',
      inactiveReason: '终止发展：本人撤回入党申请',
      openid: null,
      partyStatus: 'activist',
    });
    expect((await h.store.get('members', memberId))?.history.at(-1)).toMatchObject({
      action: 'deactivated',
      note: '终止发展：本人撤回入党申请',
    });
    expect(await h.store.get('phoneKeys', phoneKeyId('org-committee', PHONE))).toBeNull();
    expect(await h.store.get('bindings', 'wx-lin')).toBeNull();
    expect((await h.call(SECRETARY, 'develop', 'board', { orgId: BRANCH })).items.map((i) => i.id)).not.toContain(id);
    const file = await fileOf(id);
    expect(file).toMatchObject({
      closed: { at: '2026-11-23', reason: '本人撤回入党申请' },
      canRecord: false,
      nextStep: null,
      overdue: false,
    });
    expect(file.steps.filter((s) => s.status === 'next' || s.status === 'overdue')).toEqual([]);
    expect((await h.store.query('audit', { where: { action: 'develop.close' }, limit: 1 }))[0]).toMatchObject({
      actor: SECRETARY,
      target: `candidates/${id}`,
      after: { reason: '本人撤回入党申请' },
    });

    // Closed stays closed; the number may be given to someone else.
    await expectError(
      h,
      SECRETARY,
      'develop',
      'recordStep',
      { id, step: 'confirmCandidate', at: DATES.confirmCandidate },
      'CONFLICT',
    );
    await expectError(h, SECRETARY, 'develop', 'close', { id, reason: '再次关闭' }, 'CONFLICT');
    await open();
  });

  it('is refused on a 预备党员 (the roster’s business), and changes nothing', async () => {
    const id = await open();
    await recordUntil(id, 'upperFiling');
    const before = await snapshot(h.store);
    const error = await expectError(h, SECRETARY, 'develop', 'close', { id, reason: '不再发展' }, 'CONFLICT');
    expect(error.message).toBe('林晓东已是预备党员，不能终止发展；如需停用，请在花名册中办理');
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('takes develop.manage over the file: an officer, a member and another branch’s secretary are refused', async () => {
    const id = await open();
    const other = await open('13912345679', 'org-branch-2', ADMIN);
    await expectError(h, OFFICER, 'develop', 'close', { id, reason: '不再发展' }, 'FORBIDDEN');
    await expectError(h, MEMBER, 'develop', 'close', { id, reason: '不再发展' }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'develop', 'close', { id: other, reason: '不再发展' }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'develop', 'close', { id: 'no-such-file', reason: '不再发展' }, 'NOT_FOUND');
    const error = await expectError(h, SECRETARY, 'develop', 'close', { id, reason: '否' }, 'INVALID_INPUT');
    expect(error.field).toBe('reason');
    await h.call(ADMIN, 'develop', 'close', { id: other, reason: '不再发展' });
  });

  it('twice at once: one closes, the other is refused', async () => {
    const id = await open();
    const results = await Promise.allSettled([
      h.call(SECRETARY, 'develop', 'close', { id, reason: '本人撤回入党申请' }),
      h.call(SECRETARY, 'develop', 'close', { id, reason: '不再发展' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await h.store.count('audit', { action: 'develop.close' })).toBe(1);
  });
});

describe('someone on the way who has bound their WeChat (亮身份)', () => {
  const VISITOR = 'demo-visitor';

  async function openAndBind() {
    const id = await open();
    const { id: declaration } = await h.call(VISITOR, 'identity', 'declare', {
      name: '林晓东',
      phone: PHONE,
      partyStatus: 'applicant',
      orgId: BRANCH,
      consent: true,
    });
    await h.call(SECRETARY, 'identity', 'review', { id: declaration, decision: 'approve' });
    return id;
  }

  it('has no card while on the way; `me` follows the file; from 预备党员 on the card is theirs', async () => {
    const id = await openAndBind();
    const memberId = (await fileOf(id)).memberId;
    expect((await h.call(VISITOR, 'identity', 'me')).member).toMatchObject({
      id: memberId,
      partyStatus: 'applicant',
      cardNote: '您是入党申请人，成为预备党员后可领取党员身份卡',
    });
    await recordUntil(id, 'activistFiling');
    expect((await h.call(VISITOR, 'identity', 'me')).member?.cardNote).toBe(
      '您是入党积极分子，成为预备党员后可领取党员身份卡',
    );
    await expectError(h, VISITOR, 'identity', 'card', undefined, 'NOT_FOUND');
    await recordUntil(id, 'upperFiling');
    expect((await h.call(VISITOR, 'identity', 'me')).member).toMatchObject({
      id: memberId,
      partyStatus: 'probationary',
      cardNote: null,
    });
    expect(await h.call(VISITOR, 'identity', 'card')).toMatchObject({
      memberId,
      badge: '预备党员',
      joinedAt: '2025-06-10',
      partyYears: null,
    });
  });

  it('closing the file ends the binding', async () => {
    const id = await openAndBind();
    await h.call(SECRETARY, 'develop', 'close', { id, reason: '本人撤回入党申请' });
    expect((await h.call(VISITOR, 'identity', 'me')).member).toBeNull();
  });
});
