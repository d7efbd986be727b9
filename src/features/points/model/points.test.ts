import type { PointsOutputs, RankingItem, RuleItem } from '@contracts';
import {
  barPercent,
  filterByName,
  manualRules,
  maxAbsNet,
  memberRankingRows,
  newRequestId,
  parsePeriod,
  periodAnchor,
  periodLabel,
  periodName,
  rankText,
  recordSummary,
  reversalNote,
  reverseReasonError,
  signed,
  staffRankingRows,
  starParts,
  validateRecord,
  valueTone,
  rankDisplay,
  trendBars,
  rankingHasPoints,
  LONGER_PERIOD,
} from './points';

const rule = (code: string, name: string, value: number, auto: boolean, active = true): RuleItem => ({
  code,
  name,
  kind: value > 0 ? 'bonus' : 'deduction',
  value,
  auto,
  active,
  candidates: code !== 'declaration',
});

const DEFAULT_RULES: RuleItem[] = [
  rule('org_life', '参加组织生活', 2, true),
  rule('volunteer', '参加志愿服务', 3, true),
  rule('lecture', '学习微党课', 1, true),
  rule('declaration', '亮身份', 5, true),
  rule('pioneer', '先锋表彰', 5, false),
  rule('absence', '无故缺席组织生活', -2, true),
  rule('shirk', '推诿任务', -3, false),
  rule('discipline', '违纪违法', -10, false),
];

const item = (memberId: string, rank: number, net: number): RankingItem => ({
  memberId,
  name: memberId,
  bonus: Math.max(net, 0),
  deduction: Math.min(net, 0),
  net,
  rank,
  tied: 1,
});

describe('signs and stars', () => {
  it('always shows the sign, with a real minus for deductions', () => {
    expect(signed(3)).toBe('+3');
    expect(signed(-10)).toBe('\u221210');
    expect(signed(0)).toBe('0');
    expect([valueTone(2), valueTone(-2), valueTone(0)]).toEqual(['bonus', 'deduction', 'zero']);
  });

  it('draws filled and empty stars out of five', () => {
    expect(starParts(3)).toEqual({ filled: '★★★', empty: '☆☆' });
    expect(starParts(0)).toEqual({ filled: '', empty: '☆☆☆☆☆' });
    expect(starParts(9)).toEqual({ filled: '★★★★★', empty: '' });
  });

  it('reads the rank, or says rankings are off', () => {
    expect(rankText(3, 18)).toBe('第 3 名 / 18 人');
    expect(rankText(null, 0)).toBe('不显示排名');
  });
});

describe('periods in China time', () => {
  it('steps back by months across the new year', () => {
    expect(periodAnchor('month', '2026-01-15', 0)).toBe('2026-01-01');
    expect(periodAnchor('month', '2026-01-15', -1)).toBe('2025-12-01');
    expect(periodAnchor('month', '2026-11-23', -13)).toBe('2025-10-01');
  });

  it('steps by quarters and years from the period start', () => {
    expect(periodAnchor('quarter', '2026-11-23', 0)).toBe('2026-10-01');
    expect(periodAnchor('quarter', '2026-02-28', -1)).toBe('2025-10-01');
    expect(periodAnchor('year', '2026-11-23', -2)).toBe('2024-01-01');
  });

  it('reads a period from a query string', () => {
    expect([parsePeriod('year'), parsePeriod('week'), parsePeriod(undefined)]).toEqual(['year', undefined, undefined]);
  });

  it('names periods in Chinese', () => {
    expect(periodLabel('month', '2026-11-01')).toBe('2026年11月');
    expect(periodLabel('quarter', '2026-10-01')).toBe('2026年第四季度');
    expect(periodLabel('quarter', '2026-02-14')).toBe('2026年第一季度');
    expect(periodLabel('year', '2026-01-01')).toBe('2026年');
    expect([periodName('month', 0), periodName('quarter', -1), periodName('year', -3)]).toEqual(['本月', '上季度', '']);
  });
});

describe('rankings', () => {
  const items = Array.from({ length: 14 }, (_, i) => item(`m${i + 1}`, i + 1, 30 - i));
  const base: PointsOutputs['ranking'] = { period: '2026-11', visibility: 'full', items, me: items[12] };

  it.each(['full', 'self'] as const)('shows a member only their own line (answer %s), never others', (visibility) => {
    const rows = memberRankingRows({ ...base, visibility });
    expect(rows.map((r) => r.memberId)).toEqual(['m13']);
    expect(rows[0]).toMatchObject({ self: true, gapBefore: false, rank: 13 });
  });

  it('shows a member nothing when rankings are off or they are not ranked', () => {
    expect(memberRankingRows({ ...base, visibility: 'off', items: [], me: null })).toEqual([]);
    expect(memberRankingRows({ ...base, visibility: 'self', me: null })).toEqual([]);
  });

  it('gives secretaries every row', () => {
    expect(staffRankingRows({ ...base, visibility: 'self', me: null })).toHaveLength(14);
  });

  it('sizes bars against the largest magnitude, with a visible minimum', () => {
    const rows = [{ net: 20 }, { net: -5 }, { net: 0 }, { net: 0.1 }];
    expect(maxAbsNet(rows)).toBe(20);
    expect(rows.map((r) => barPercent(r.net, 20))).toEqual([100, 25, 0, 3]);
    expect(barPercent(4, 0)).toBe(0);
  });
});

describe('recording by hand', () => {
  it('offers hand-recordable rules only (and 参加志愿服务), bonuses first', () => {
    const rules = [...DEFAULT_RULES, rule('old', '旧项目', 1, false, false)];
    expect(manualRules(rules).map((r) => r.code)).toEqual(['volunteer', 'pioneer', 'shirk', 'discipline']);
  });

  it('summarises what will be recorded', () => {
    expect(recordSummary(3, { name: '推诿任务', value: -3 })).toBe('为 3 人记录 推诿任务 \u22123 分');
  });

  it('requires members, a rule and a reason of at least two characters', () => {
    expect(validateRecord({ memberIds: [], rule: '', reason: ' 好 ' })).toEqual({
      memberIds: '请选择党员',
      rule: '请选择积分项目',
      reason: '请填写原因（至少 2 个字）',
    });
    expect(validateRecord({ memberIds: ['a'], rule: 'shirk', reason: '拒不参加' })).toEqual({});
    expect(validateRecord({ memberIds: Array(101).fill('a'), rule: 'shirk', reason: '拒不参加' }).memberIds).toBe(
      '一次最多 100 人',
    );
    expect(reverseReasonError('录错')).toBeUndefined();
    expect(reverseReasonError(' 错 ')).toBe('请填写冲正原因（至少 2 个字）');
  });

  it('makes request ids the server accepts, different each time', () => {
    const a = newRequestId();
    const b = newRequestId();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(a).not.toBe(b);
    expect(newRequestId(0, () => 0.999)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});

describe('lists', () => {
  it('says which entry a reversal cancels', () => {
    const now = new Date('2026-11-23T02:00:00Z');
    const original = { id: 'e1', ruleName: '参加志愿服务', value: 3, at: '2026-11-20T06:30:00Z', reverses: null };
    const reversal = { id: 'e2', ruleName: '参加志愿服务', value: -3, at: '2026-11-21T01:00:00Z', reverses: 'e1' };
    expect(reversalNote(reversal, [reversal, original], now)).toBe('冲正 11月20日 14:30「参加志愿服务 +3」');
    expect(reversalNote(reversal, [reversal], now)).toBe('冲正此前的一条记录');
    expect(reversalNote(original, [original], now)).toBe('');
  });

  it('filters members by name or phone', () => {
    const people = [
      { name: '王志强', phone: '13900000001' },
      { name: '陈秀英', phone: '13900000002' },
    ];
    expect(filterByName(people, '秀').map((p) => p.name)).toEqual(['陈秀英']);
    expect(filterByName(people, '0001').map((p) => p.name)).toEqual(['王志强']);
    expect(filterByName(people, ' ')).toHaveLength(2);
  });
});

describe('how ranks are shown', () => {
  const row = (rank: number, net: number, tied = 1) => ({
    rank,
    tied,
    net,
    bonus: Math.max(net, 0),
    deduction: Math.min(net, 0),
  });

  it('gives 1, 2 and 3 gold, silver and bronze, and says 并列 where members share a rank', () => {
    expect(rankDisplay(row(1, 12))).toEqual({ text: '1', medal: 'gold', tied: false });
    expect(rankDisplay(row(2, 8, 2))).toEqual({ text: '2', medal: 'silver', tied: true });
    expect(rankDisplay(row(3, 5))).toEqual({ text: '3', medal: 'bronze', tied: false });
    expect(rankDisplay(row(4, 2))).toEqual({ text: '4', medal: null, tied: false });
    expect(rankDisplay(row(2, -3))).toEqual({ text: '2', medal: null, tied: false });
  });

  it('shows no rank for a member with no points in the period, not "1" for all 18 early in a month', () => {
    expect(rankDisplay(row(1, 0, 18))).toEqual({ text: '—', medal: null, tied: false });
  });

  it('tells whether a period has points, to open on a longer one when not', () => {
    const ranking = (items: RankingItem[], me: RankingItem | null = null) => ({
      period: '2026年12月',
      visibility: 'full' as const,
      items,
      me,
    });
    expect(rankingHasPoints(ranking([item('a', 1, 0), item('b', 1, 0)]))).toBe(false);
    expect(rankingHasPoints(ranking([item('a', 1, 2), item('b', 2, 0)]))).toBe(true);
    expect(rankingHasPoints(ranking([], item('me', 1, -1)))).toBe(true);
    expect(LONGER_PERIOD).toEqual({ month: 'quarter', quarter: 'year' });
  });
});

describe('the year by month', () => {
  it('scales each month against the largest, keeps a sliver for small non-zero months', () => {
    expect(
      trendBars([
        { month: 1, net: 0 },
        { month: 2, net: 20 },
        { month: 3, net: -5 },
        { month: 4, net: 0.5 },
      ]),
    ).toEqual([
      { month: 1, label: '1月', net: 0, height: 0 },
      { month: 2, label: '2月', net: 20, height: 100 },
      { month: 3, label: '3月', net: -5, height: 25 },
      { month: 4, label: '4月', net: 0.5, height: 4 },
    ]);
    expect(trendBars([{ month: 1, net: 0 }])).toEqual([{ month: 1, label: '1月', net: 0, height: 0 }]);
  });
});
