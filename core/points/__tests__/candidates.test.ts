import type { ActivityOutputs, ApiResult, PartyStatus, RuleItem } from '../../../contracts';
import { isPartyMember } from '../../../contracts/labels/common';
import type { MemberDoc } from '../../roster';
import { postEntry } from '../ledger';
import { DEFAULT_RULES } from '../rules';
import { forgetMembers, forgetRules } from '../../shared/snapshots';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { expectError, snapshot } from '../../../tests/integration/support';
import { ADMIN, APPLICANT, MEMBER, MEMBER_3, SECRETARY } from '../../../tests/support/demo';

/**
 * Issue 15: 入党申请人, 入党积极分子 and 发展对象 take part in points under the same ledger, and the
 * committee decides which rules apply to them (`RuleItem.candidates`). Every path that posts an
 * entry for a person honours it: the automatic ones post nothing, recording by hand is refused and
 * changes nothing, and no other path (a batch, a retry, the ledger itself) gets round it.
 */
const STATUSES: PartyStatus[] = ['full', 'probationary', 'candidate', 'activist', 'applicant'];
const NOW_ACT = 'act-demo-now';
const SEED_AT = Date.parse('2026-11-23T02:00:00.000Z');
const MIN = 60_000;
const END = SEED_AT + 100 * MIN;

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const defaultRule = (code: string) => DEFAULT_RULES.find((r) => r.code === code) as RuleItem;

/** The committee admin applies (or not) one rule to the people on the way, as the rules editor does. */
const applyToCandidates = (code: string, candidates: boolean) =>
  h.call(ADMIN, 'points', 'updateRules', { items: [{ code, value: defaultRule(code).value, candidates }] });

async function setStatus(memberId: string, partyStatus: PartyStatus): Promise<void> {
  await h.store.update('members', memberId, { $set: { partyStatus } });
  forgetMembers(h.store);
}

const entry = (id: string) => h.store.get('ledger', id);
const code = async (as = SECRETARY) => (await h.call(as, 'activity', 'code', { id: NOW_ACT })).token;
const checkin = async (openid: string) => {
  const result = (await h.raw(openid, 'activity', { action: 'checkin', data: { token: await code() } })) as ApiResult<
    ActivityOutputs['checkin']
  >;
  expect(result).toMatchObject({ ok: true });
  return result;
};
const close = async () => {
  h.now.value = new Date(END);
  await h.call(SECRETARY, 'activity', 'close', { id: NOW_ACT });
};

/** Plays a new 5-second lecture through as demo-member-2 (member-003). */
async function watchLecture(): Promise<string> {
  const { id } = await h.call(SECRETARY, 'lecture', 'create', {
    title: '五秒钟的测试课程',
    speaker: '测试主讲人',
    kind: 'micro_lecture',
    durationS: 5,
    video: h.files.upload(SECRETARY, Buffer.from('x')),
    summary: '用于测试的短课程。',
    tags: ['测试'],
    orgIds: ['org-branch-1'],
  } as never);
  const beat = (position: number) =>
    h.call(MEMBER, 'lecture', 'heartbeat', { id, position, playing: true, session: 'tab-one-0001' });
  await beat(0);
  h.now.value = new Date(h.now.value.getTime() + 5000);
  await beat(5);
  return id;
}

interface PostingPath {
  name: string;
  /** The rule the path posts. */
  rule: string;
  /** Whose entry it is. */
  subject: string;
  /** Runs the path; answers the id of the subject's entry it posts when the rule applies. */
  run: () => Promise<string>;
}

/** Every automatic path that posts a ledger entry for a person (grep postEntry). */
const AUTOMATIC: PostingPath[] = [
  {
    name: 'a sign-in (参加组织生活)',
    rule: 'org_life',
    subject: 'member-003',
    run: async () => {
      await checkin(MEMBER);
      return `activity:${NOW_ACT}:member-003`;
    },
  },
  {
    name: 'a 补签 by the secretary (参加组织生活)',
    rule: 'org_life',
    subject: 'member-004',
    run: async () => {
      await h.call(SECRETARY, 'activity', 'manualCheckin', { id: NOW_ACT, memberId: 'member-004', reason: '现场签到' });
      return `activity:${NOW_ACT}:member-004`;
    },
  },
  {
    name: 'the close: the organiser’s award (参加组织生活)',
    rule: 'org_life',
    subject: 'member-001',
    run: async () => {
      await checkin(MEMBER);
      await close();
      return `activity:${NOW_ACT}:member-001`;
    },
  },
  {
    name: 'the close: an absence (无故缺席组织生活)',
    rule: 'absence',
    subject: 'member-004',
    run: async () => {
      await close();
      return `absence:${NOW_ACT}:member-004`;
    },
  },
  {
    name: '撤销签到 after the close (无故缺席组织生活)',
    rule: 'absence',
    subject: 'member-004',
    run: async () => {
      await checkin(MEMBER_3);
      await close();
      await h.call(SECRETARY, 'activity', 'undoCheckin', { id: NOW_ACT, memberId: 'member-004', reason: '未实际参加' });
      return `absence:${NOW_ACT}:member-004`;
    },
  },
  {
    name: 'a lecture finished (学习微党课)',
    rule: 'lecture',
    subject: 'member-003',
    run: async () => `lecture:${await watchLecture()}:member-003`,
  },
];

const matrix = AUTOMATIC.flatMap((path) =>
  STATUSES.flatMap((status) => [true, false].map((candidates) => [path.name, status, candidates, path] as const)),
);

describe('automatic awards and deductions follow the rule’s reach', () => {
  it.each(matrix)(
    '%s for a %s member, the rule applying to candidates: %s',
    async (_name, status, candidates, path) => {
      await applyToCandidates(path.rule, candidates);
      await setStatus(path.subject, status);
      const id = await path.run();
      const applies = isPartyMember(status) || candidates;
      const posted = await entry(id);
      if (applies) expect(posted).toMatchObject({ memberId: path.subject, rule: path.rule });
      else expect(posted).toBeNull();
      // Nothing at all under that rule for them, and the totals agree with the ledger.
      const theirs = await h.store.query('ledger', { where: { memberId: path.subject, rule: path.rule }, limit: 100 });
      if (!applies) expect(theirs.filter((e) => e.at >= new Date(SEED_AT).toISOString())).toEqual([]);
      expect(await h.call(ADMIN, 'points', 'verify')).toMatchObject({ consistent: true });
    },
  );

  // decl-demo-1 (declared 正式党员) matches 吴桂兰's unbound roster entry.
  it.each(STATUSES.flatMap((status) => [true, false].map((candidates) => [status, candidates] as const)))(
    '亮身份 approved for a %s roster entry, 亮身份 applying to candidates: %s',
    async (status, candidates) => {
      await applyToCandidates('declaration', candidates);
      await setStatus('member-008', status);
      const review = { id: 'decl-demo-1', decision: 'approve' };
      if (isPartyMember(status)) {
        await h.call(SECRETARY, 'identity', 'review', review as never);
        expect(await entry('declaration:member-008')).toMatchObject({ memberId: 'member-008', value: 5 });
        return;
      }
      // Someone on the way declaring 党员 is refused by 亮身份 itself (they hold no card); the ledger
      // would refuse their entry anyway unless the committee applied 亮身份 to them.
      await expectError(h, SECRETARY, 'identity', 'review', review, 'CONFLICT');
      expect(await entry('declaration:member-008')).toBeNull();
    },
  );

  it('the sign-in itself stands (present, 0 points) and the lecture counts as finished', async () => {
    await applyToCandidates('org_life', false);
    await applyToCandidates('lecture', false);
    await setStatus('member-003', 'activist');
    const result = await checkin(MEMBER);
    expect(result).toMatchObject({ ok: true, data: { status: 'present', points: 0, pointsPending: false } });
    expect(await h.store.get('attendance', `${NOW_ACT}:member-003`)).toMatchObject({
      status: 'present',
      entryId: null,
      points: 0,
    });
    const lecture = await watchLecture();
    expect(await h.store.get('lectureProgress', `${lecture}:member-003`)).toMatchObject({
      points: 0,
      doneAt: expect.any(String),
    });
    // What the lecture promises them is nothing, too.
    expect((await h.call(MEMBER, 'lecture', 'get', { id: lecture })).points).toBe(0);
  });

  it('an absent candidate is recorded absent, without a deduction', async () => {
    await applyToCandidates('absence', false);
    await setStatus('member-004', 'candidate');
    await close();
    expect(await h.store.get('attendance', `${NOW_ACT}:member-004`)).toMatchObject({
      status: 'absent',
      entryId: null,
      points: 0,
    });
  });
});

const HAND_RULES = ['volunteer', 'pioneer', 'shirk', 'discipline'];

describe('recording by hand for someone the rule does not reach is refused, and changes nothing', () => {
  it.each(
    HAND_RULES.flatMap((rule) =>
      STATUSES.flatMap((status) => [true, false].map((candidates) => [rule, status, candidates] as const)),
    ),
  )('%s for a %s member, the rule applying to candidates: %s', async (rule, status, candidates) => {
    await applyToCandidates(rule, candidates);
    await setStatus('member-004', status);
    const input = { memberIds: ['member-004'], rule, reason: '测试记录', requestId: 'hand-test-0001' };
    if (isPartyMember(status) || candidates) {
      const { entries } = await h.call(SECRETARY, 'points', 'record', input);
      expect(entries).toEqual([expect.objectContaining({ memberId: 'member-004' })]);
      return;
    }
    const before = await snapshot(h.store);
    const error = await expectError(h, SECRETARY, 'points', 'record', input, 'INVALID_INPUT');
    const labels: Record<string, string> = { candidate: '发展对象', activist: '入党积极分子', applicant: '入党申请人' };
    expect(error).toMatchObject({
      field: 'memberIds.0',
      message: `刘洋：“${defaultRule(rule).name}”不适用于${labels[status]}`,
    });
    expect(await snapshot(h.store)).toEqual(before);
  });

  it('a batch with one such person records nobody; the request id stays free for the corrected batch', async () => {
    await applyToCandidates('pioneer', false);
    await setStatus('member-005', 'activist');
    const input = {
      memberIds: ['member-003', 'member-004', 'member-005'],
      rule: 'pioneer',
      reason: '抗洪抢险表现突出',
      requestId: 'batch-test-0001',
    };
    const before = await snapshot(h.store);
    const error = await expectError(h, SECRETARY, 'points', 'record', input, 'INVALID_INPUT');
    expect(error).toMatchObject({ field: 'memberIds.2', message: '赵丽娟：“先锋表彰”不适用于入党积极分子' });
    expect(await snapshot(h.store)).toEqual(before);

    const corrected = await h.call(SECRETARY, 'points', 'record', {
      ...input,
      memberIds: ['member-003', 'member-004'],
      requestId: 'batch-test-0002',
    });
    expect(corrected.entries.map((e) => e.memberId)).toEqual(['member-003', 'member-004']);
  });

  it('a retry of a request recorded before the person’s rule changed is refused too, and posts nothing new', async () => {
    await setStatus('member-004', 'activist');
    const input = { memberIds: ['member-004'], rule: 'shirk', reason: '未按时提交材料', requestId: 'retry-test-0001' };
    await h.call(SECRETARY, 'points', 'record', input);
    await applyToCandidates('shirk', false);
    const before = await snapshot(h.store, ['ledger', 'pointTotals']);
    await expectError(h, SECRETARY, 'points', 'record', input, 'INVALID_INPUT');
    expect(await snapshot(h.store, ['ledger', 'pointTotals'])).toEqual(before);
  });

  it('the ledger itself refuses such an entry, whichever code asks (no path can forget)', async () => {
    await setStatus('member-004', 'applicant');
    const member = (await h.store.get('members', 'member-004')) as MemberDoc;
    const before = await snapshot(h.store, ['ledger', 'pointTotals']);
    await expect(
      h.store.transaction((tx) =>
        postEntry(tx, {
          id: 'declaration:member-004:test',
          member,
          rule: defaultRule('declaration'),
          reason: '亮身份审核通过',
          source: 'declaration',
          recordedBy: null,
          at: h.now.value,
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '“亮身份”不适用于入党申请人' });
    expect(await snapshot(h.store, ['ledger', 'pointTotals'])).toEqual(before);
  });

  it('corrections still reach them: a reversal and an upheld objection, after the rule stopped applying', async () => {
    await setStatus('member-004', 'activist');
    await setStatus('member-005', 'activist');
    const recorded = async (memberId: string) =>
      (
        await h.call(SECRETARY, 'points', 'record', {
          memberIds: [memberId],
          rule: 'shirk',
          reason: '未按时提交材料',
        })
      ).entries[0].id;
    const first = await recorded('member-004');
    const second = await recorded('member-005');
    await applyToCandidates('shirk', false);

    await h.call(ADMIN, 'points', 'reverse', { entryId: first, reason: '记错了人' });
    expect(await entry(`reversal:${first}`)).toMatchObject({ value: 3, memberId: 'member-004' });

    const objection = await h.call('demo-member-4', 'points', 'object', { entryId: second, reason: '我按时提交了' });
    await h.call(ADMIN, 'points', 'resolveObjection', { id: objection.id, decision: 'uphold', reason: '核实已提交' });
    expect(await entry(`reversal:${second}`)).toMatchObject({ value: 3, memberId: 'member-005' });
    expect(await h.call(ADMIN, 'points', 'verify')).toMatchObject({ consistent: true });
  });
});

describe('the rule set: `candidates`', () => {
  it('the defaults: every item but 亮身份 applies to the people on the way', async () => {
    const { items } = await h.call(MEMBER, 'points', 'rules');
    expect(Object.fromEntries(items.map((r) => [r.code, r.candidates]))).toEqual({
      org_life: true,
      volunteer: true,
      lecture: true,
      declaration: false,
      pioneer: true,
      absence: true,
      shirk: true,
      discipline: true,
    });
  });

  it.each([
    ['saved before the default caps', {}],
    ['saved with the default caps', { defaultCaps: 1 as const }],
  ])(
    'a rule set %s and before `candidates`: known codes read their default, a committee’s own item false',
    async (_label, marker) => {
      const legacy = [
        ...DEFAULT_RULES.map(({ candidates: _candidates, ...rule }) => rule),
        { code: 'study_notes', name: '学习笔记', kind: 'bonus', value: 1, auto: false, active: true },
      ];
      await h.store.set('pointRules', {
        _id: 'org-committee',
        items: legacy as RuleItem[],
        settings: (await h.call(ADMIN, 'points', 'rules')).settings,
        ...marker,
      });
      forgetRules(h.store);
      const { items } = await h.call(ADMIN, 'points', 'rules');
      expect(items.find((r) => r.code === 'declaration')?.candidates).toBe(false);
      expect(items.find((r) => r.code === 'shirk')?.candidates).toBe(true);
      expect(items.find((r) => r.code === 'study_notes')?.candidates).toBe(false);

      // And it is enforced as read: the committee's own item is refused for an activist.
      await setStatus('member-004', 'activist');
      const error = await expectError(
        h,
        SECRETARY,
        'points',
        'record',
        { memberIds: ['member-004'], rule: 'study_notes', reason: '学习笔记认真' },
        'INVALID_INPUT',
      );
      expect(error.message).toBe('刘洋：“学习笔记”不适用于入党积极分子');

      // Saving anything keeps what was read; the admin then applies it.
      await h.call(ADMIN, 'points', 'updateRules', { settings: { objectionDays: 10 } });
      const saved = await h.store.get('pointRules', 'org-committee');
      expect(saved?.items.every((r) => typeof r.candidates === 'boolean')).toBe(true);
      await h.call(ADMIN, 'points', 'updateRules', { items: [{ code: 'study_notes', value: 1, candidates: true }] });
      await h.call(SECRETARY, 'points', 'record', {
        memberIds: ['member-004'],
        rule: 'study_notes',
        reason: '学习笔记认真',
      });
    },
  );

  it('updateRules switches it, audited; only the committee admin may', async () => {
    const after = await applyToCandidates('volunteer', false);
    expect(after.items.find((r) => r.code === 'volunteer')?.candidates).toBe(false);
    const audit = await h.store.query('audit', { where: { action: 'points.rules' }, limit: 10 });
    expect(audit).toHaveLength(1);
    const rule = (set: unknown) => (set as { items: RuleItem[] }).items.find((r) => r.code === 'volunteer')?.candidates;
    expect([rule(audit[0].before), rule(audit[0].after)]).toEqual([true, false]);
    await expectError(
      h,
      SECRETARY,
      'points',
      'updateRules',
      { items: [{ code: 'volunteer', value: 3, candidates: true }] },
      'FORBIDDEN',
    );
    for (const candidates of ['yes', 1, null])
      expect(
        await expectError(
          h,
          ADMIN,
          'points',
          'updateRules',
          { items: [{ code: 'volunteer', value: 3, candidates }] },
          'INVALID_INPUT',
        ),
      ).toMatchObject({ field: 'items.0.candidates' });
  });
});

/** 第一党支部 with two 入党积极分子, a 发展对象 and an 入党申请人 among its members, each with points. */
async function mixedBranch(): Promise<void> {
  const statuses: Array<[string, PartyStatus]> = [
    ['member-009', 'activist'],
    ['member-010', 'activist'],
    ['member-011', 'candidate'],
    ['member-012', 'applicant'],
  ];
  for (const [id, status] of statuses) await setStatus(id, status);
  for (const [i, [id]] of statuses.entries())
    await h.call(SECRETARY, 'points', 'record', {
      memberIds: [id],
      rule: 'pioneer',
      reason: `表现突出第${i + 1}次`,
    });
  await h.call(SECRETARY, 'points', 'record', { memberIds: ['member-010'], rule: 'volunteer', reason: '社区志愿服务' });
}

/** The ids of 第一党支部's active roster, sorted. */
const branchRoster = async () =>
  (await h.store.query('members', { where: { branchId: 'org-branch-1', status: 'active' }, limit: 100 }))
    .map((m) => m._id)
    .sort();

const NAMES: Record<string, string> = {
  'member-009': '郑国强',
  'member-010': '冯淑珍',
  'member-011': '何俊杰',
  'member-012': '高玉兰',
};

describe('rankings and exports by category', () => {
  it.each<[label: string, statuses: PartyStatus[] | undefined, ids: string[] | 'members' | 'everyone']>([
    ['no filter: everyone, as before', undefined, 'everyone'],
    ['党员 (正式 and 预备)', ['full', 'probationary'], 'members'],
    ['发展对象', ['candidate'], ['member-011']],
    ['入党积极分子', ['activist'], ['member-010', 'member-009']],
    ['入党申请人', ['applicant'], ['member-012']],
    ['several', ['applicant', 'candidate'], ['member-011', 'member-012']],
  ])('ranking, %s', async (_label, statuses, expected) => {
    await mixedBranch();
    const all = await h.call(SECRETARY, 'points', 'ranking', { orgId: 'org-branch-1', period: 'month' });
    const ranking = await h.call(SECRETARY, 'points', 'ranking', {
      orgId: 'org-branch-1',
      period: 'month',
      ...(statuses ? { statuses } : {}),
    });
    const ids = ranking.items.map((i) => i.memberId);
    const onTheWay = Object.keys(NAMES);
    const roster = await branchRoster();
    if (expected === 'everyone') {
      expect(ids.sort()).toEqual(roster);
    } else if (expected === 'members') {
      expect(ids.sort()).toEqual(roster.filter((id) => !onTheWay.includes(id)));
      expect(ids.filter((id) => onTheWay.includes(id))).toEqual([]);
      expect(ids).toContain('member-006'); // 预备党员
    } else expect(ids.sort()).toEqual([...expected].sort());
    // Ranked among themselves: dense from 1, each with the figures of the whole ranking.
    expect(ranking.items[0]?.rank).toBe(1);
    for (const item of ranking.items)
      expect(all.items.find((i) => i.memberId === item.memberId)).toMatchObject({
        bonus: item.bonus,
        deduction: item.deduction,
        net: item.net,
      });
  });

  it('a member filtering sees their own line within their category only', async () => {
    await mixedBranch();
    const mine = (statuses: PartyStatus[]) =>
      h.call(MEMBER, 'points', 'ranking', { orgId: 'org-branch-1', period: 'month', statuses });
    expect(await mine(['full', 'probationary'])).toMatchObject({ items: [], me: { memberId: 'member-003' } });
    expect(await mine(['activist'])).toMatchObject({ items: [], me: null });
  });

  it('the export of 入党积极分子: the title and file say so; the rows and entries are theirs only', async () => {
    await mixedBranch();
    const link = await h.call(SECRETARY, 'points', 'export', {
      orgId: 'org-branch-1',
      period: 'month',
      statuses: ['activist'],
    });
    expect(link.name).toBe('第一党支部（入党积极分子）积分-2026-11.xlsx');
    const { publishedSheets } = await import('../../../tests/support/excel');
    const book = await publishedSheets(h.files, link.fileID);
    const [title, , header, ...rest] = book['积分汇总'];
    expect(title[0]).toBe('第一党支部 入党积极分子积分汇总');
    const rows = rest.slice(0, -1);
    const name = header.indexOf('姓名');
    const ranking = await h.call(SECRETARY, 'points', 'ranking', {
      orgId: 'org-branch-1',
      period: 'month',
      statuses: ['activist'],
    });
    expect(rows.map((r) => [r[name], r[header.indexOf('排名')], r[header.indexOf('净分')]])).toEqual(
      ranking.items.map((i) => [i.name, i.rank, i.net]),
    );
    expect(new Set(rows.map((r) => r[name]))).toEqual(new Set([NAMES['member-009'], NAMES['member-010']]));
    const [entriesTitle, , , ...entries] = book['积分明细'];
    expect(entriesTitle[0]).toBe('第一党支部 入党积极分子积分明细');
    expect(entries.pop()?.[0]).toBe('合计');
    expect(new Set(entries.map((r) => r[1]))).toEqual(new Set([NAMES['member-009'], NAMES['member-010']]));
    // Their month: what the seed gave them, and the three recorded above.
    const theirs = (
      await h.store.query('ledger', { where: { branchId: 'org-branch-1', monthKey: '2026-11' }, limit: 1000 })
    ).filter((e) => e.memberId === 'member-009' || e.memberId === 'member-010');
    expect(entries).toHaveLength(theirs.length);
    const audit = await h.store.query('audit', { where: { action: 'points.export' }, limit: 10 });
    expect(audit[0].after).toMatchObject({ statuses: ['activist'], entries: theirs.length });
  });

  it('the export of 党员 leaves the people on the way out; without a filter, everyone and the old title', async () => {
    await mixedBranch();
    const { publishedSheets } = await import('../../../tests/support/excel');
    const names = async (statuses?: PartyStatus[]) => {
      const link = await h.call(SECRETARY, 'points', 'export', {
        orgId: 'org-branch-1',
        period: 'month',
        ...(statuses ? { statuses } : {}),
      });
      const book = await publishedSheets(h.files, link.fileID);
      const [title, , header, ...rest] = book['积分汇总'];
      const details = book['积分明细'].slice(3, -1).map((r) => r[1]);
      return {
        name: link.name,
        title: title[0],
        rows: rest.slice(0, -1).map((r) => r[header.indexOf('姓名')]),
        details,
      };
    };
    const members = await names(['full', 'probationary']);
    expect(members.name).toBe('第一党支部（党员）积分-2026-11.xlsx');
    expect(members.title).toBe('第一党支部 党员积分汇总');
    expect(members.rows).toHaveLength((await branchRoster()).length - 4);
    for (const name of Object.values(NAMES)) {
      expect(members.rows).not.toContain(name);
      expect(members.details).not.toContain(name);
    }
    const everyone = await names();
    expect(everyone.name).toBe('第一党支部积分-2026-11.xlsx');
    expect(everyone.title).toBe('第一党支部 党员积分汇总');
    expect(everyone.rows).toHaveLength((await branchRoster()).length);
    expect(everyone.details).toEqual(expect.arrayContaining(Object.values(NAMES)));
  });

  const MALFORMED: Array<[label: string, statuses: unknown, field: string, message: RegExp]> = [
    ['an empty list', [], 'statuses', /请至少选择一种身份/],
    ['an unknown status', ['member'], 'statuses.0', /应为以下之一：full、probationary、candidate、activist、applicant/],
    ['a duplicate', ['activist', 'activist'], 'statuses', /身份不能重复/],
    ['a single string', 'activist', 'statuses', /./],
    ['null', null, 'statuses', /./],
  ];
  it.each(MALFORMED.flatMap((row) => (['ranking', 'export'] as const).map((action) => [action, ...row] as const)))(
    '%s with %s → INVALID_INPUT naming it, nothing exported',
    async (action, _label, statuses, field, message) => {
      const error = await expectError(
        h,
        SECRETARY,
        'points',
        action,
        { orgId: 'org-branch-1', period: 'month', statuses },
        'INVALID_INPUT',
      );
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(h.files.published.size).toBe(0);
    },
  );

  it('the filter does not widen anyone’s reach', async () => {
    await expectError(
      h,
      SECRETARY,
      'points',
      'export',
      { orgId: 'org-branch-2', period: 'month', statuses: ['activist'] },
      'FORBIDDEN',
    );
    await expectError(
      h,
      MEMBER,
      'points',
      'ranking',
      { orgId: 'org-branch-2', period: 'month', statuses: ['full'] },
      'FORBIDDEN',
    );
    await expectError(h, APPLICANT, 'points', 'ranking', { orgId: 'org-branch-1', period: 'month' }, 'FORBIDDEN');
  });
});
