import type { RuleItem } from '@contracts';
import {
  averageText,
  capText,
  changeCount,
  describeChanges,
  differenceText,
  draftFromRules,
  errorKeyLabel,
  fieldMessage,
  groupRules,
  hasChanges,
  isAdmin,
  participationBar,
  percentText,
  ruleErrorKey,
  rulesPayload,
  serverErrorKey,
  signedValue,
  validateRulesDraft,
  verifySummary,
  type RuleSet,
  type RulesDraft,
} from './rules-editor';

const rule = (code: string, name: string, value: number, auto: boolean, extra: Partial<RuleItem> = {}): RuleItem => ({
  code,
  name,
  kind: value > 0 ? 'bonus' : 'deduction',
  value,
  auto,
  active: true,
  candidates: code !== 'declaration',
  ...extra,
});

const SET: RuleSet = {
  items: [
    rule('org_life', '参加组织生活', 2, true),
    rule('volunteer', '参加志愿服务', 3, false),
    rule('lecture', '学习微党课', 1, true, { cap: 8, capPeriod: 'month' }),
    rule('declaration', '亮身份', 5, true),
    rule('pioneer', '先锋表彰', 5, false),
    rule('absence', '无故缺席组织生活', -2, true),
    rule('shirk', '推诿任务', -3, false),
    rule('discipline', '违纪违法', -10, false),
  ],
  settings: {
    baseScore: 60,
    floor: 0,
    starBands: [{ min: 0, stars: 0, label: '不合格' }],
    rankingVisibility: 'self',
    objectionDays: 7,
  },
};

/** The loaded draft with some rules changed. */
function edit(change: (d: RulesDraft) => void): RulesDraft {
  const d = draftFromRules(SET);
  change(d);
  return d;
}
const ruleOf = (d: RulesDraft, code: string) => {
  const r = d.rules.find((x) => x.code === code);
  if (!r) throw new Error(code);
  return r;
};

describe('the rules form', () => {
  it('holds deductions as positive magnitudes and caps as text', () => {
    const d = draftFromRules(SET);
    expect(ruleOf(d, 'shirk')).toEqual({
      code: 'shirk',
      amount: '3',
      cap: '',
      capPeriod: 'month',
      active: true,
      candidates: true,
    });
    expect(ruleOf(d, 'declaration').candidates).toBe(false);
    expect(ruleOf(d, 'lecture')).toMatchObject({ amount: '1', cap: '8', capPeriod: 'month' });
    // A rule set saved before 党课频次 existed has the default, quarterly.
    expect(d.settings).toEqual({
      baseScore: '60',
      rankingVisibility: 'self',
      objectionDays: '7',
      lectureCadence: 'quarter',
    });
  });

  it('党课频次: a change is sent and described; the loaded one again is no change', () => {
    const payload = rulesPayload(
      SET,
      edit((x) => {
        x.settings.lectureCadence = 'month';
      }),
    );
    expect(payload).toEqual({ settings: { lectureCadence: 'month' } });
    expect(describeChanges(SET, payload)).toEqual(['党课频次：每季度 → 每月']);
    const monthly = { ...SET, settings: { ...SET.settings, lectureCadence: 'month' as const } };
    expect(rulesPayload(monthly, draftFromRules(monthly))).toEqual({});
    expect(serverErrorKey('settings.lectureCadence', payload)).toBe('settings.lectureCadence');
  });

  it.each(['top10', 'full'])('reads a legacy %s setting as 仅本人名次 (self), and saving sends it', (legacy) => {
    const set = { ...SET, settings: { ...SET.settings, rankingVisibility: legacy as 'self' } };
    const d = draftFromRules(set);
    expect(d.settings.rankingVisibility).toBe('self');
    expect(rulesPayload(set, d)).toEqual({ settings: { rankingVisibility: 'self' } });
  });

  it('groups bonus and deduction items in the server order', () => {
    const { bonus, deduction } = groupRules(SET.items);
    expect(bonus.map((r) => r.code)).toEqual(['org_life', 'volunteer', 'lecture', 'declaration', 'pioneer']);
    expect(deduction.map((r) => r.code)).toEqual(['absence', 'shirk', 'discipline']);
  });

  it('reads a typed magnitude as the signed value of the rule’s kind', () => {
    expect(signedValue('3', 'deduction')).toBe(-3);
    expect(signedValue('-3', 'deduction')).toBe(-3);
    expect(signedValue('−3', 'deduction')).toBe(-3);
    expect(signedValue(' 4 ', 'bonus')).toBe(4);
    expect(signedValue('-4', 'bonus')).toBeNaN();
    expect(signedValue('2.5', 'bonus')).toBeNaN();
    expect(signedValue('', 'bonus')).toBeNaN();
  });

  it('describes caps', () => {
    expect(capText(8, 'month')).toBe('8 分/月');
    expect(capText(20, 'quarter')).toBe('20 分/季度');
    expect(capText(10, undefined)).toBe('10 分/月');
    expect(capText(undefined, 'month')).toBe('不设上限');
    expect(capText(null, 'year')).toBe('不设上限');
  });
});

describe('validateRulesDraft', () => {
  it('accepts the loaded rules', () => {
    expect(validateRulesDraft(SET, draftFromRules(SET))).toEqual({});
  });

  it('mirrors the schema: values 1–100 and not 0, caps 1–1000 or empty, settings in range', () => {
    const d = edit((x) => {
      ruleOf(x, 'org_life').amount = '';
      ruleOf(x, 'volunteer').amount = '0';
      ruleOf(x, 'pioneer').amount = '101';
      ruleOf(x, 'declaration').amount = '-5';
      ruleOf(x, 'shirk').amount = '2.5';
      ruleOf(x, 'lecture').cap = '0';
      ruleOf(x, 'discipline').cap = '1001';
      ruleOf(x, 'absence').cap = '';
      x.settings.baseScore = '101';
      x.settings.objectionDays = '91';
    });
    expect(validateRulesDraft(SET, d)).toEqual({
      'rules.org_life.amount': '请填写分值',
      'rules.volunteer.amount': '分值不能为 0',
      'rules.pioneer.amount': '分值最多 100 分',
      'rules.declaration.amount': '加分项的分值应为正数',
      'rules.shirk.amount': '分值应为 1–100 的整数',
      'rules.lecture.cap': '上限应为 1–1000 的整数，不设上限请留空',
      'rules.discipline.cap': '上限应为 1–1000 的整数，不设上限请留空',
      'settings.baseScore': '基础分应为 0–100 的整数',
      'settings.objectionDays': '异议期应为 0–90 天',
    });
  });

  it('accepts the edges: 0 base score, 0 objection days, 100 points, a deduction typed with its sign', () => {
    const d = edit((x) => {
      ruleOf(x, 'pioneer').amount = '100';
      ruleOf(x, 'discipline').amount = '-100';
      ruleOf(x, 'shirk').cap = '1000';
      x.settings.baseScore = '0';
      x.settings.objectionDays = '0';
    });
    expect(validateRulesDraft(SET, d)).toEqual({});
  });
});

describe('rulesPayload: the minimal updateRules input', () => {
  it('is empty when nothing changed', () => {
    const payload = rulesPayload(SET, draftFromRules(SET));
    expect(payload).toEqual({});
    expect(hasChanges(payload)).toBe(false);
    expect(changeCount(payload)).toBe(0);
  });

  it('sends only the changed rules, each with its signed value and only the changed fields', () => {
    const d = edit((x) => {
      ruleOf(x, 'shirk').amount = '4';
      ruleOf(x, 'org_life').active = false;
    });
    const payload = rulesPayload(SET, d);
    expect(payload).toEqual({
      items: [
        { code: 'org_life', value: 2, active: false },
        { code: 'shirk', value: -4 },
      ],
    });
    expect(hasChanges(payload)).toBe(true);
    expect(changeCount(payload)).toBe(2);
  });

  it('changes, moves and removes caps (null removes)', () => {
    const raised = rulesPayload(
      SET,
      edit((x) => {
        ruleOf(x, 'lecture').cap = '10';
        ruleOf(x, 'lecture').capPeriod = 'quarter';
      }),
    );
    expect(raised).toEqual({ items: [{ code: 'lecture', value: 1, cap: 10, capPeriod: 'quarter' }] });

    const periodOnly = rulesPayload(
      SET,
      edit((x) => {
        ruleOf(x, 'lecture').capPeriod = 'year';
      }),
    );
    expect(periodOnly).toEqual({ items: [{ code: 'lecture', value: 1, capPeriod: 'year' }] });

    const removed = rulesPayload(
      SET,
      edit((x) => {
        ruleOf(x, 'lecture').cap = ' ';
        ruleOf(x, 'lecture').capPeriod = 'year';
      }),
    );
    expect(removed).toEqual({ items: [{ code: 'lecture', value: 1, cap: null }] });

    const added = rulesPayload(
      SET,
      edit((x) => {
        ruleOf(x, 'volunteer').cap = '12';
      }),
    );
    expect(added).toEqual({ items: [{ code: 'volunteer', value: 3, cap: 12, capPeriod: 'month' }] });
  });

  it('sends only the changed settings', () => {
    const payload = rulesPayload(
      SET,
      edit((x) => {
        x.settings.rankingVisibility = 'off';
        x.settings.objectionDays = '10';
      }),
    );
    expect(payload).toEqual({ settings: { rankingVisibility: 'off', objectionDays: 10 } });
    expect(changeCount(payload)).toBe(2);
  });

  it('a value typed back to the loaded one is no change', () => {
    expect(
      rulesPayload(
        SET,
        edit((x) => (ruleOf(x, 'shirk').amount = ' -3 ')),
      ),
    ).toEqual({});
  });
});

describe('describeChanges', () => {
  it('says what changes, rule by rule, then the settings', () => {
    const d = edit((x) => {
      ruleOf(x, 'lecture').amount = '2';
      ruleOf(x, 'lecture').cap = '10';
      ruleOf(x, 'lecture').capPeriod = 'quarter';
      ruleOf(x, 'shirk').amount = '5';
      ruleOf(x, 'shirk').active = false;
      ruleOf(x, 'volunteer').cap = '12';
      x.settings.baseScore = '70';
      x.settings.rankingVisibility = 'off';
      x.settings.objectionDays = '10';
    });
    expect(describeChanges(SET, rulesPayload(SET, d))).toEqual([
      '参加志愿服务：上限 不设上限 → 12 分/月',
      '学习微党课：分值 +1 → +2，上限 8 分/月 → 10 分/季度',
      '推诿任务：分值 −3 → −5，停用',
      '基础分：60 → 70',
      '成员可见的排名：仅本人名次 → 关闭排名',
      '异议期：7 天 → 10 天',
    ]);
  });

  it('适用于入党申请人、积极分子和发展对象: a switch sent alone, with the value the schema requires, and described', () => {
    const d = edit((x) => {
      ruleOf(x, 'declaration').candidates = true;
      ruleOf(x, 'shirk').candidates = false;
    });
    const payload = rulesPayload(SET, d);
    expect(payload).toEqual({
      items: [
        { code: 'declaration', value: 5, candidates: true },
        { code: 'shirk', value: -3, candidates: false },
      ],
    });
    expect(describeChanges(SET, payload)).toEqual([
      '亮身份：改为也适用于入党申请人、积极分子和发展对象',
      '推诿任务：改为不适用于入党申请人、积极分子和发展对象',
    ]);
    // Switched back: no change.
    const back = edit((x) => {
      ruleOf(x, 'shirk').candidates = false;
      ruleOf(x, 'shirk').candidates = true;
    });
    expect(rulesPayload(SET, back)).toEqual({});
  });

  it('says when a cap is removed and a rule switched back on', () => {
    const set: RuleSet = { ...SET, items: SET.items.map((r) => (r.code === 'pioneer' ? { ...r, active: false } : r)) };
    const d = draftFromRules(set);
    ruleOf(d, 'lecture').cap = '';
    ruleOf(d, 'pioneer').active = true;
    expect(describeChanges(set, rulesPayload(set, d))).toEqual([
      '学习微党课：上限 8 分/月 → 不设上限',
      '先锋表彰：启用',
    ]);
  });
});

describe('server errors on the form', () => {
  const payload = rulesPayload(
    SET,
    edit((x) => {
      ruleOf(x, 'org_life').active = false;
      ruleOf(x, 'shirk').amount = '4';
      x.settings.objectionDays = '10';
    }),
  );

  it('maps items.<i> to the rule at that place in the payload, not in the rule list', () => {
    expect(serverErrorKey('items.1.value', payload)).toBe(ruleErrorKey('shirk', 'amount'));
    expect(serverErrorKey('items.0.code', payload)).toBe('rules.org_life.amount');
    expect(serverErrorKey('items.1.cap', payload)).toBe('rules.shirk.cap');
    expect(serverErrorKey('items.1.capPeriod', payload)).toBe('rules.shirk.cap');
    expect(serverErrorKey('items.7.value', payload)).toBeUndefined();
  });

  it('maps settings fields and ignores the rest', () => {
    expect(serverErrorKey('settings.objectionDays', payload)).toBe('settings.objectionDays');
    expect(serverErrorKey('settings.floor', payload)).toBeUndefined();
    expect(serverErrorKey('data', payload)).toBeUndefined();
    expect(serverErrorKey(undefined, payload)).toBeUndefined();
  });

  it('names the rule or setting a key points at', () => {
    expect(errorKeyLabel('rules.shirk.amount', SET)).toBe('推诿任务');
    expect(errorKeyLabel('rules.lecture.cap', SET)).toBe('学习微党课');
    expect(errorKeyLabel('settings.objectionDays', SET)).toBe('异议期');
    expect(errorKeyLabel('rules.gone.amount', SET)).toBe('gone');
  });

  it('drops the path the schema puts before its message', () => {
    expect(fieldMessage('items.1.value：分值不能为 0', 'items.1.value')).toBe('分值不能为 0');
    expect(fieldMessage('扣分项的分值应为负数', 'items.1.value')).toBe('扣分项的分值应为负数');
    expect(fieldMessage('出错了', undefined)).toBe('出错了');
  });
});

describe('branch ranking figures', () => {
  it('shows participation as a percentage and a bar', () => {
    expect(percentText(0.833)).toBe('83.3%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(0.5)).toBe('50%');
    expect(participationBar(0.833)).toBe(83);
    expect(participationBar(0.01)).toBe(3);
    expect(participationBar(0)).toBe(0);
    expect(participationBar(1)).toBe(100);
  });

  it('shows the average signed, to two decimals', () => {
    expect(averageText(2.5)).toBe('+2.50');
    expect(averageText(-0.75)).toBe('−0.75');
    expect(averageText(0)).toBe('0');
    expect(averageText(1.333)).toBe('+1.33');
  });
});

describe('the verify report', () => {
  it('summarises', () => {
    expect(verifySummary({ consistent: true, entries: 42, differences: [] })).toBe('一致：已核对 42 条积分记录');
    const d = { totals: 'b:org-branch-2:2026', field: 'total.participants', expected: 1, actual: 5 };
    expect(verifySummary({ consistent: false, entries: 42, differences: [d, d] })).toBe(
      '发现 2 处不一致（已核对 42 条积分记录）',
    );
    expect(verifySummary({ consistent: false, entries: 9, differences: Array(100).fill(d) })).toMatch(/至少 100 处/);
  });

  it('words each difference, with branch names where known', () => {
    const names = new Map([['org-branch-2', '第二党支部']]);
    expect(
      differenceText({ totals: 'b:org-branch-2:2026', field: 'total.participants', expected: 1, actual: 5 }, names),
    ).toBe('第二党支部 2026年 · 全年参与人数：应为 1，实为 5');
    expect(differenceText({ totals: 'm:member-018:2026', field: 'months.11.net', expected: 3, actual: 0 })).toBe(
      '党员 member-018 2026年 · 11月净分：应为 3，实为 0',
    );
    expect(differenceText({ totals: 'b:org-x:2026', field: 'quarters.4.bonus', expected: 2, actual: 1 })).toBe(
      '支部 org-x 2026年 · 第四季度加分：应为 2，实为 1',
    );
    expect(differenceText({ totals: 'm:a:2026', field: 'ruleUse.lecture:2026-11', expected: 8, actual: 9 })).toBe(
      '党员 a 2026年 · 项目上限用量（lecture:2026-11）：应为 8，实为 9',
    );
    expect(differenceText({ totals: 'odd', field: 'x', expected: 1, actual: 2 })).toBe('odd · x：应为 1，实为 2');
  });
});

describe('isAdmin', () => {
  it('is true for an admin role only', () => {
    expect(isAdmin({ roles: [{ orgId: 'c', orgName: '示范党委', role: 'admin' }] })).toBe(true);
    expect(isAdmin({ roles: [{ orgId: 'b', orgName: '第一党支部', role: 'secretary' }] })).toBe(false);
    expect(isAdmin(null)).toBe(false);
  });
});
