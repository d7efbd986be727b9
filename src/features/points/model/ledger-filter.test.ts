import type { RuleItem } from '@contracts';
import {
  ALL_RULES,
  EMPTY_LEDGER_FILTER,
  isFiltered,
  ledgerEmpty,
  ledgerFilterError,
  ledgerQuery,
  ruleFilterOptions,
} from './ledger-filter';
import { offersReversal } from './reversal';

const rule = (code: string, name: string, value: number, active = true): RuleItem => ({
  code,
  name,
  kind: value > 0 ? 'bonus' : 'deduction',
  value,
  auto: false,
  active,
  candidates: true,
});

describe('积分明细 filters', () => {
  it('ask only for what is set, the name trimmed', () => {
    expect(ledgerQuery(EMPTY_LEDGER_FILTER)).toEqual({});
    expect(isFiltered(EMPTY_LEDGER_FILTER)).toBe(false);
    expect(ledgerQuery({ memberName: '  刘 ', rule: 'shirk', from: '2026-11-01', to: '2026-11-30' })).toEqual({
      memberName: '刘',
      rule: 'shirk',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(ledgerQuery({ ...EMPTY_LEDGER_FILTER, memberName: '   ', rule: ALL_RULES })).toEqual({});
    expect(ledgerQuery({ ...EMPTY_LEDGER_FILTER, memberName: '长'.repeat(30) }).memberName).toHaveLength(20);
    expect(isFiltered({ ...EMPTY_LEDGER_FILTER, to: '2026-11-30' })).toBe(true);
  });

  it('an end before the start is refused before asking; the same day is fine', () => {
    expect(ledgerFilterError({ ...EMPTY_LEDGER_FILTER, from: '2026-11-30', to: '2026-11-01' })).toBe(
      '结束日期不能早于开始日期',
    );
    expect(ledgerFilterError({ ...EMPTY_LEDGER_FILTER, from: '2026-11-30', to: '2026-11-30' })).toBeNull();
    expect(ledgerFilterError({ ...EMPTY_LEDGER_FILTER, from: '2026-11-30' })).toBeNull();
  });

  it('offers 全部项目 first, then bonuses and deductions, switched-off items marked', () => {
    const options = ruleFilterOptions([
      rule('shirk', '推诿任务', -3),
      rule('pioneer', '先锋表彰', 5),
      rule('old', '旧项目', 1, false),
    ]);
    expect(options).toEqual([
      { value: ALL_RULES, label: '全部项目' },
      { value: 'pioneer', label: '先锋表彰' },
      { value: 'old', label: '旧项目（已停用）' },
      { value: 'shirk', label: '推诿任务' },
    ]);
  });

  it('a filtered empty list says how to widen it', () => {
    const plain = { title: '还没有积分记录', description: '…' };
    expect(ledgerEmpty(EMPTY_LEDGER_FILTER, plain)).toBe(plain);
    expect(ledgerEmpty({ ...EMPTY_LEDGER_FILTER, memberName: '刘' }, plain).title).toBe('没有符合条件的记录');
  });
});

describe('冲正 is offered only where it applies', () => {
  it('not on a reversal, not on a reversed entry, not where the server says the caller may not', () => {
    expect(offersReversal({ reverses: null, reversible: true }, false)).toBe(true);
    expect(offersReversal({ reverses: 'e1', reversible: true }, false)).toBe(false);
    expect(offersReversal({ reverses: null, reversible: true }, true)).toBe(false);
    expect(offersReversal({ reverses: null, reversible: false }, false)).toBe(false);
    // Rows without the server's word (none today) fall back to the entry's own state.
    expect(offersReversal({ reverses: null }, false)).toBe(true);
  });
});
