import type { Periods } from './periods';

export interface Sums {
  bonus: number;
  /** Points deducted, as a positive number. */
  deduction: number;
  net: number;
  count: number;
}

/**
 * Running totals of one member (or one branch) for one China-time year, kept in step with the
 * ledger in the same transaction as each entry: the year, each month and quarter, and how much of
 * each rule has been used per period (for caps).
 */
export interface TotalsDoc {
  _id: string;
  kind: 'member' | 'branch';
  ownerId: string;
  branchId: string;
  committeeId: string;
  year: number;
  total: Sums;
  months: Record<string, Sums>;
  quarters: Record<string, Sums>;
  /** `${rule}:${periodKey}` → points used in the rule's direction (a reversal gives them back). */
  ruleUse: Record<string, number>;
}

export const memberTotalsId = (memberId: string, year: number) => `m:${memberId}:${year}`;
export const branchTotalsId = (branchId: string, year: number) => `b:${branchId}:${year}`;

export const zeroSums = (): Sums => ({ bonus: 0, deduction: 0, net: 0, count: 0 });

export function emptyTotals(
  kind: TotalsDoc['kind'],
  ownerId: string,
  branchId: string,
  committeeId: string,
  year: number,
): TotalsDoc {
  const id = kind === 'member' ? memberTotalsId(ownerId, year) : branchTotalsId(ownerId, year);
  return {
    _id: id,
    kind,
    ownerId,
    branchId,
    committeeId,
    year,
    total: zeroSums(),
    months: {},
    quarters: {},
    ruleUse: {},
  };
}

function add(sums: Sums | undefined, kind: 'bonus' | 'deduction', value: number): Sums {
  const next = { ...(sums ?? zeroSums()) };
  if (kind === 'bonus') next.bonus += value;
  else next.deduction -= value;
  next.net += value;
  next.count += 1;
  return next;
}

export interface PostedEntry {
  rule: string;
  kind: 'bonus' | 'deduction';
  value: number;
}

/** The totals after one more entry. A deduction entry (or the reversal of one) moves `deduction`. */
export function applyEntry(doc: TotalsDoc, entry: PostedEntry, periods: Periods): TotalsDoc {
  const used = entry.kind === 'bonus' ? entry.value : -entry.value;
  const ruleUse = { ...doc.ruleUse };
  for (const key of [periods.monthKey, periods.quarterKey, periods.yearKey])
    ruleUse[`${entry.rule}:${key}`] = (ruleUse[`${entry.rule}:${key}`] ?? 0) + used;
  return {
    ...doc,
    total: add(doc.total, entry.kind, entry.value),
    months: { ...doc.months, [periods.month]: add(doc.months[periods.month], entry.kind, entry.value) },
    quarters: { ...doc.quarters, [periods.quarter]: add(doc.quarters[periods.quarter], entry.kind, entry.value) },
    ruleUse,
  };
}

export function sumsFor(doc: TotalsDoc | null, period: 'month' | 'quarter' | 'year', periods: Periods): Sums {
  if (!doc) return zeroSums();
  if (period === 'year') return doc.total;
  return (period === 'month' ? doc.months[periods.month] : doc.quarters[periods.quarter]) ?? zeroSums();
}
