import { DEFAULT_DEVELOP_RULES, DEFAULT_DEVELOP_STEPS } from '@contracts/labels/develop';
import {
  DEFAULT_CONFIG,
  defaultDraft,
  describeChanges,
  describeRule,
  errorKeyLabel,
  fieldMessage,
  intervalsText,
  lockReason,
  removeStep,
  renameStep,
  ruleErrorKey,
  rulesRemovedWith,
  sameConfig,
  serverErrorKey,
  setInterval,
  setRuleText,
  stagesOf,
  stepErrorKey,
  summaryText,
  toConfig,
  toDraft,
  validateDraft,
  type StepsDraft,
} from './steps-editor';

const ruleAt = (draft: StepsDraft, step: string) => draft.rules.findIndex((r) => r.step === step);
const names = (draft: StepsDraft) => new Map(draft.steps.map((s) => [s.code, s.name]));

describe('the step list as a form', () => {
  it('turns the default list into a draft and back, unchanged', () => {
    const draft = defaultDraft();
    expect(draft.steps).toHaveLength(25);
    expect(toConfig(draft).config).toEqual({ steps: DEFAULT_DEVELOP_STEPS, rules: DEFAULT_DEVELOP_RULES });
    expect(sameConfig(toConfig(draft).config, DEFAULT_CONFIG)).toBe(true);
    expect(validateDraft(draft)).toEqual({});
    expect(describeChanges(DEFAULT_CONFIG, toConfig(draft).config)).toEqual([]);
    expect(summaryText(draft)).toBe('共 25 个步骤、6 条时间规则');
  });

  it('shows the 5 stages with their steps numbered and each rule under its step in plain Chinese', () => {
    const stages = stagesOf(defaultDraft());
    expect(stages.map((s) => [s.title, s.steps.length])).toEqual([
      ['① 入党申请', 2],
      ['② 入党积极分子的确定和培养教育', 4],
      ['③ 发展对象的确定和考察', 5],
      ['④ 预备党员的接收', 7],
      ['⑤ 预备党员的教育考察和转正', 7],
    ]);
    const talk = stages[0].steps[1];
    expect(talk).toMatchObject({ number: 2, lock: null });
    expect(talk.rules.map((r) => r.description)).toEqual(['自「递交入党申请书」起：1 个月内完成']);
    const approval = stages[3].steps.find((s) => s.step.code === 'admissionApproval');
    expect(approval?.rules[0].description).toBe('自「支部大会讨论接收预备党员」起：3 个月内完成，最长不超过 6 个月');
    const probation = stages[4].steps.find((s) => s.step.code === 'probation');
    expect(probation?.rules[0].description).toBe(
      '自「支部大会讨论接收预备党员」起：至少 12 个月（预备期，可延长一次）',
    );
  });

  it.each([
    ['apply', '建立档案时记录'],
    ['admissionVote', '其日期记为入党日期'],
    ['admissionApproval', '记录后登记为预备党员'],
    ['fullApproval', '记录后转为正式党员'],
    ['probation', '预备期规则的步骤'],
    ['talk', null],
    ['activistFiling', null],
  ])('%s: locked → %s', (code, reason) => {
    expect(lockReason(defaultDraft(), code)).toBe(reason);
  });

  it('keeps any marked step, whatever the mark', () => {
    const draft = toDraft({
      ...DEFAULT_CONFIG,
      steps: DEFAULT_DEVELOP_STEPS.map((s) => (s.code === 'oath' ? { ...s, mark: 'someNewMark' as never } : s)),
    });
    expect(lockReason(draft, 'oath')).toBe('系统据此办理');
    expect(removeStep(draft, 'oath')).toBe(draft);
  });
});

describe('editing', () => {
  it('a committee using 21 steps: four 备案/谈话 steps removed, saved without them', () => {
    let draft = defaultDraft();
    for (const code of ['activistFiling', 'candidateFiling', 'committeeTalk', 'upperFiling'])
      draft = removeStep(draft, code);
    expect(validateDraft(draft)).toEqual({});
    const { config } = toConfig(draft);
    expect(config.steps).toHaveLength(21);
    expect(config.rules).toEqual(DEFAULT_DEVELOP_RULES);
    expect(summaryText(draft)).toBe('共 21 个步骤、6 条时间规则');
    expect(stagesOf(draft)[1].steps.map((s) => s.number)).toEqual([3, null, 4, 5]);
    expect(describeChanges(DEFAULT_CONFIG, config)).toEqual([
      '删除步骤「入党积极分子报上级党委备案」',
      '删除步骤「发展对象报上级党委备案」',
      '删除步骤「上级党委派人谈话」',
      '删除步骤「再上一级党委组织部门备案」',
    ]);
    // Kept again.
    expect(toConfig(removeStep(draft, 'upperFiling', false)).config.steps).toHaveLength(22);
  });

  it('a locked step is not removed', () => {
    const draft = defaultDraft();
    for (const code of ['apply', 'admissionVote', 'admissionApproval', 'fullApproval', 'probation'])
      expect(removeStep(draft, code)).toBe(draft);
  });

  it('removing a step takes the rules that name it with it, and says so first', () => {
    const draft = defaultDraft();
    expect(rulesRemovedWith(draft, 'recommend')).toEqual(['入党积极分子培养教育考察一年以上']);
    expect(rulesRemovedWith(draft, 'talk')).toEqual(['收到入党申请书后一个月内派人谈话']);
    expect(rulesRemovedWith(draft, 'oath')).toEqual([]);
    const without = removeStep(draft, 'recommend');
    const { config } = toConfig(without);
    expect(config.rules.map((r) => r.step)).not.toContain('cultivate');
    expect(stagesOf(without)[1].steps.find((s) => s.step.code === 'cultivate')?.rules[0].kept).toBe(false);
    expect(describeChanges(DEFAULT_CONFIG, config)).toEqual([
      '删除步骤「推荐和确定入党积极分子」',
      '删除规则「入党积极分子培养教育考察一年以上」',
    ]);
  });

  it('renames a step; the name is checked as the server checks it, and two steps may not share one', () => {
    const draft = renameStep(defaultDraft(), 'talk', ' 谈话 ');
    expect(toConfig(draft).config.steps[1].name).toBe('谈话');
    expect(describeChanges(DEFAULT_CONFIG, toConfig(draft).config)).toEqual(['「党组织派人谈话」改名为「谈话」']);
    expect(validateDraft(renameStep(draft, 'talk', '谈'))).toEqual({ [stepErrorKey('talk')]: '步骤名称至少 2 个字' });
    expect(validateDraft(renameStep(draft, 'talk', '话'.repeat(31)))).toEqual({
      [stepErrorKey('talk')]: '步骤名称最多 30 个字',
    });
    expect(validateDraft(renameStep(draft, 'oath', '谈话'))).toEqual({
      [stepErrorKey('oath')]: '与另一步骤同名，请改用不同的名称',
    });
    // A removed step's name is no one's.
    expect(validateDraft(renameStep(removeStep(draft, 'talk'), 'oath', '谈话'))).toEqual({});
  });

  it('edits a rule’s intervals; its words follow until the admin writes their own', () => {
    const i = ruleAt(defaultDraft(), 'talk');
    let draft = setInterval(defaultDraft(), i, 'due', 'months', '');
    draft = setInterval(draft, i, 'due', 'days', '15');
    expect(draft.rules[i].text).toBe('递交入党申请书后15天内完成');
    expect(toConfig(draft).config.rules[i]).toEqual({
      step: 'talk',
      after: 'apply',
      due: { days: 15 },
      text: '递交入党申请书后15天内完成',
    });
    expect(describeChanges(DEFAULT_CONFIG, toConfig(draft).config)).toEqual([
      '规则「递交入党申请书后15天内完成」：1 个月内完成 → 15 天内完成',
    ]);
    draft = setRuleText(draft, i, '十五日内派人谈话');
    draft = setInterval(draft, i, 'due', 'days', '14');
    expect(draft.rules[i].text).toBe('十五日内派人谈话');
    expect(describeRule(draft.rules[i], names(draft))).toBe('自「递交入党申请书」起：14 天内完成');
  });

  it('adds a longest limit to a rule, and a 预备期 of 18 months', () => {
    let draft = setInterval(defaultDraft(), ruleAt(defaultDraft(), 'talk'), 'max', 'months', '2');
    const p = ruleAt(draft, 'probation');
    draft = setInterval(draft, p, 'min', 'months', '18');
    const rules = toConfig(draft).config.rules;
    expect(rules[0]).toMatchObject({ due: { months: 1 }, max: { months: 2 } });
    expect(rules[p]).toMatchObject({ min: { months: 18 }, probation: true });
    expect(intervalsText(rules[0])).toBe('1 个月内完成，最长不超过 2 个月');
  });

  it.each<[string, (d: StepsDraft, i: number) => StepsDraft, string, string]>([
    ['letters', (d, i) => setInterval(d, i, 'due', 'months', '一'), 'due', '请填写整数（月、天），不需要请留空'],
    [
      'a negative number',
      (d, i) => setInterval(d, i, 'due', 'days', '-3'),
      'due',
      '请填写整数（月、天），不需要请留空',
    ],
    ['too many months', (d, i) => setInterval(d, i, 'due', 'months', '121'), 'due', '月数最多 120'],
    ['too many days', (d, i) => setInterval(d, i, 'max', 'days', '3651'), 'max', '天数最多 3650'],
    ['zero', (d, i) => setInterval(d, i, 'due', 'months', '0'), 'due', '期限应大于 0，不需要请留空'],
    ['due before min', (d, i) => setInterval(d, i, 'min', 'months', '2'), 'due', '应完成期限不能短于最短间隔'],
    ['max before due', (d, i) => setInterval(d, i, 'max', 'days', '10'), 'max', '最长期限不能短于最短间隔和应完成期限'],
    ['words too short', (d, i) => setRuleText(d, i, '谈'), 'text', '规则说明至少 2 个字'],
    ['words too long', (d, i) => setRuleText(d, i, '谈'.repeat(61)), 'text', '规则说明最多 60 个字'],
  ])('refuses %s on the rule’s field', (_label, change, field, message) => {
    const draft = change(defaultDraft(), 0);
    expect(validateDraft(draft)).toEqual({ [ruleErrorKey(0, field as 'due')]: message });
  });

  it('refuses a rule with no interval left, and a 预备期 without its minimum', () => {
    const empty = setInterval(defaultDraft(), 0, 'due', 'months', '');
    expect(validateDraft(empty)).toEqual({ [ruleErrorKey(0)]: '请至少填写一个期限' });
    const p = ruleAt(defaultDraft(), 'probation');
    let noMin = setInterval(defaultDraft(), p, 'min', 'months', '');
    noMin = setInterval(noMin, p, 'due', 'months', '12');
    expect(validateDraft(noMin)).toEqual({ [ruleErrorKey(p, 'min')]: '预备期规则应有最短间隔' });
  });

  it('a rule going with its removed step is not checked', () => {
    const draft = removeStep(setInterval(defaultDraft(), 0, 'due', 'months', 'x'), 'talk');
    expect(validateDraft(draft)).toEqual({});
  });

  it('restoring the default after changes shows what comes back', () => {
    const own = toConfig(removeStep(renameStep(defaultDraft(), 'oath', '宣誓'), 'upperFiling')).config;
    expect(describeChanges(own, toConfig(defaultDraft()).config)).toEqual([
      '「宣誓」改名为「入党宣誓」',
      '增加步骤「再上一级党委组织部门备案」',
    ]);
  });
});

describe('the server’s refusals on the form', () => {
  const draft = removeStep(defaultDraft(), 'talk');
  const saved = toConfig(draft);

  it.each([
    ['config.steps.1.name', stepErrorKey('recommend')],
    ['config.steps.3.code', stepErrorKey('assignContact')],
    // The saved rules lack 派人谈话's: the server's rule 0 is the draft's rule 1.
    ['config.rules.0.min', ruleErrorKey(1, 'min')],
    ['config.rules.0.text', ruleErrorKey(1, 'text')],
    ['config.rules.2.after', ruleErrorKey(3)],
    ['config.rules.4', ruleErrorKey(5)],
    ['config.rules.9.min', 'form'],
    ['config.steps', 'form'],
    ['committeeId', 'form'],
    [undefined, 'form'],
  ])('%s → %s', (field, key) => {
    expect(serverErrorKey(field, saved)).toBe(key);
  });

  it('names what an error is about, without the path the schema puts before its message', () => {
    expect(errorKeyLabel(stepErrorKey('oath'), draft)).toBe('步骤「入党宣誓」');
    expect(errorKeyLabel(ruleErrorKey(1, 'min'), draft)).toBe('规则「入党积极分子培养教育考察一年以上」');
    expect(errorKeyLabel('form', draft)).toBe('步骤设置');
    expect(fieldMessage('config.steps.1.name：步骤名称至少 2 个字', 'config.steps.1.name')).toBe('步骤名称至少 2 个字');
    expect(fieldMessage('步骤中应有且只有一个「转正的审批」', 'config.steps')).toBe(
      '步骤中应有且只有一个「转正的审批」',
    );
  });
});
