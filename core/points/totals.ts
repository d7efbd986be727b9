import type { Periods } from './periods';

export interface Sums {
  bonus: number;
  /** Points deducted, as a positive number. */
  deduction: number;
  net: number;
  count: number;
  /** Branch totals only: members who earned a bonus posted to this branch in the period (参与人数). */
  participants: number;
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
  /** Member totals only: `${branchId}:${periodKey}` for each period in which they earned a bonus there. */
  joined: Record<string, 1>;
}

export const memberTotalsId = (memberId: string, year: number) => `m:${memberId}:${year}`;
export const branchTotalsId = (branchId: string, year: number) => `b:${branchId}:${year}`;

export const zeroSums = (): Sums => ({ bonus: 0, deduction: 0, net: 0, count: 0, participants: 0 });

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
    joined: {},
  };
}

function add(sums: Sums | undefined, kind: 'bonus' | 'deduction', value: number, joins = false): Sums {
  const next = { ...(sums ?? zeroSums()) };
  if (joins) next.participants += 1;
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
  branchId: string;
}

type PeriodFlags = { year: boolean; quarter: boolean; month: boolean };
const NO_FLAGS: PeriodFlags = { year: false, quarter: false, month: false };

/** The `joined` keys a bonus entry earns its member: one per period, in the entry's branch. */
export function joinKeys(entry: PostedEntry, periods: Periods): Record<keyof PeriodFlags, string> | null {
  if (entry.kind !== 'bonus' || entry.value <= 0) return null;
  return {
    year: `${entry.branchId}:${periods.yearKey}`,
    quarter: `${entry.branchId}:${periods.quarterKey}`,
    month: `${entry.branchId}:${periods.monthKey}`,
  };
}

/** For a member's totals before an entry: the periods in which the entry makes them a new participant. */
export function newlyJoined(member: TotalsDoc, entry: PostedEntry, periods: Periods): PeriodFlags {
  const keys = joinKeys(entry, periods);
  if (!keys) return NO_FLAGS;
  return { year: !member.joined[keys.year], quarter: !member.joined[keys.quarter], month: !member.joined[keys.month] };
}

/**
 * The totals after one more entry. A deduction entry (or the reversal of one) moves `deduction`.
 * A member's totals remember where they earned bonuses (`joined`); a branch's totals count the
 * members who thereby newly joined (`joins`, from {@link newlyJoined} on the member's totals).
 */
export function applyEntry(
  doc: TotalsDoc,
  entry: PostedEntry,
  periods: Periods,
  joins: PeriodFlags = NO_FLAGS,
): TotalsDoc {
  const used = entry.kind === 'bonus' ? entry.value : -entry.value;
  const ruleUse = { ...doc.ruleUse };
  for (const key of [periods.monthKey, periods.quarterKey, periods.yearKey])
    ruleUse[`${entry.rule}:${key}`] = (ruleUse[`${entry.rule}:${key}`] ?? 0) + used;
  const keys = doc.kind === 'member' ? joinKeys(entry, periods) : null;
  return {
    ...doc,
    total: add(doc.total, entry.kind, entry.value, joins.year),
    months: { ...doc.months, [periods.month]: add(doc.months[periods.month], entry.kind, entry.value, joins.month) },
    quarters: {
      ...doc.quarters,
      [periods.quarter]: add(doc.quarters[periods.quarter], entry.kind, entry.value, joins.quarter),
    },
    ruleUse,
    joined: keys ? { ...doc.joined, [keys.year]: 1, [keys.quarter]: 1, [keys.month]: 1 } : doc.joined,
  };
}

export function sumsFor(doc: TotalsDoc | null, period: 'month' | 'quarter' | 'year', periods: Periods): Sums {
  if (!doc) return zeroSums();
  if (period === 'year') return doc.total;
  return (period === 'month' ? doc.months[periods.month] : doc.quarters[periods.quarter]) ?? zeroSums();
}
