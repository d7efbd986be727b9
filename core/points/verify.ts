import { ledgerPagesOfCommittee, totalsPagesOfCommittee } from './queries';
import type { PointsOutputs } from '../../contracts/points';
import type { LedgerDoc } from './ledger';
import type { Periods } from './periods';
import {
  applyEntry,
  branchTotalsId,
  emptyTotals,
  joinKeys,
  memberTotalsId,
  zeroSums,
  type Sums,
  type TotalsDoc,
} from './totals';
import type { Store } from '../shared/collections';

const MAX_DIFFERENCES = 100;

function periodsOfEntry(entry: LedgerDoc): Periods {
  return {
    year: entry.year,
    month: entry.monthKey.slice(5),
    quarter: entry.quarterKey.slice(6),
    monthKey: entry.monthKey,
    quarterKey: entry.quarterKey,
    yearKey: String(entry.year),
  };
}

/** What one entry adds to a totals doc: `applyEntry` on an empty doc, as lists of figures to add. */
interface Delta {
  total: Sums;
  months: Array<[string, Sums]>;
  quarters: Array<[string, Sums]>;
  ruleUse: Array<[string, number]>;
}

function deltaOf(entry: LedgerDoc, committeeId: string): Delta {
  const doc = applyEntry(emptyTotals('member', '', '', committeeId, entry.year), entry, periodsOfEntry(entry));
  return {
    total: doc.total,
    months: Object.entries(doc.months),
    quarters: Object.entries(doc.quarters),
    ruleUse: Object.entries(doc.ruleUse),
  };
}

/** Adds the sums of one entry; `participants` is counted afterwards from the members' `joined`. */
function addSums(into: Sums, sums: Sums): void {
  into.bonus += sums.bonus;
  into.deduction += sums.deduction;
  into.net += sums.net;
  into.count += sums.count;
}

/** Branch participants: how many members joined each of the branch's periods (order does not matter). */
function countParticipants(totals: Map<string, TotalsDoc>): void {
  for (const member of [...totals.values()]) {
    if (member.kind !== 'member') continue;
    for (const key of Object.keys(member.joined)) {
      const [branchId, period] = [key.slice(0, key.lastIndexOf(':')), key.slice(key.lastIndexOf(':') + 1)];
      const branch = totals.get(branchTotalsId(branchId, member.year));
      if (!branch) continue;
      const sums = period.includes('-Q')
        ? (branch.quarters[period.slice(6)] ??= zeroSums())
        : period.includes('-')
          ? (branch.months[period.slice(5)] ??= zeroSums())
          : branch.total;
      sums.participants += 1;
    }
  }
}

/** Adds `delta` into `doc`, in place: totals are sums, so this is the same as applying the entry. */
function addDelta(doc: TotalsDoc, delta: Delta): void {
  addSums(doc.total, delta.total);
  for (const [month, sums] of delta.months) addSums((doc.months[month] ??= zeroSums()), sums);
  for (const [quarter, sums] of delta.quarters) addSums((doc.quarters[quarter] ??= zeroSums()), sums);
  for (const [key, used] of delta.ruleUse) doc.ruleUse[key] = (doc.ruleUse[key] ?? 0) + used;
}

/**
 * The totals the ledger implies, for every member and branch of the committee. What an entry adds
 * is `applyEntry` on an empty doc, computed once per distinct (rule, kind, value, month) and added
 * to the running docs in place: `applyEntry` on the running docs would copy each of them for every
 * entry, and a committee's ledger runs to millions of entries.
 */
export async function totalsFromLedger(
  store: Store,
  committeeId: string,
): Promise<{ entries: number; totals: Map<string, TotalsDoc> }> {
  const totals = new Map<string, TotalsDoc>();
  const deltas = new Map<string, Delta>();
  let entries = 0;
  for await (const page of ledgerPagesOfCommittee(store, committeeId))
    for (const entry of page) {
      entries++;
      const key = `${entry.rule}\u0000${entry.kind}\u0000${entry.value}\u0000${entry.monthKey}`;
      let delta = deltas.get(key);
      if (!delta) deltas.set(key, (delta = deltaOf(entry, committeeId)));
      const { memberId, branchId, year } = entry;
      const memberKey = memberTotalsId(memberId, year);
      let member = totals.get(memberKey);
      if (!member) totals.set(memberKey, (member = emptyTotals('member', memberId, branchId, committeeId, year)));
      addDelta(member, delta);
      const joins = joinKeys(entry, periodsOfEntry(entry));
      if (joins) for (const key of Object.values(joins)) member.joined[key] = 1;
      const branchKey = branchTotalsId(branchId, year);
      let branch = totals.get(branchKey);
      if (!branch) totals.set(branchKey, (branch = emptyTotals('branch', branchId, branchId, committeeId, year)));
      addDelta(branch, delta);
    }
  countParticipants(totals);
  return { entries, totals };
}

function flatten(doc: TotalsDoc | undefined): Map<string, number> {
  const fields = new Map<string, number>();
  if (!doc) return fields;
  const put = (prefix: string, sums: Sums) => {
    for (const key of ['bonus', 'deduction', 'net', 'count', 'participants'] as const)
      fields.set(`${prefix}.${key}`, sums[key] ?? 0);
  };
  put('total', doc.total);
  for (const [month, sums] of Object.entries(doc.months)) put(`months.${month}`, sums);
  for (const [quarter, sums] of Object.entries(doc.quarters)) put(`quarters.${quarter}`, sums);
  for (const [key, used] of Object.entries(doc.ruleUse)) fields.set(`ruleUse.${key}`, used);
  for (const key of Object.keys(doc.joined ?? {})) fields.set(`joined.${key}`, 1);
  return fields;
}

/** Recomputes every total from the ledger and reports each stored figure that differs. */
export async function verifyTotals(store: Store, committeeId: string): Promise<PointsOutputs['verify']> {
  const { entries, totals } = await totalsFromLedger(store, committeeId);
  const differences: PointsOutputs['verify']['differences'] = [];
  let consistent = true;
  const compare = (id: string, expected: TotalsDoc | undefined, actual: TotalsDoc | undefined) => {
    const want = flatten(expected);
    const have = flatten(actual);
    for (const field of new Set([...want.keys(), ...have.keys()])) {
      const e = want.get(field) ?? 0;
      const a = have.get(field) ?? 0;
      if (e === a) continue;
      consistent = false;
      if (differences.length < MAX_DIFFERENCES) differences.push({ totals: id, field, expected: e, actual: a });
    }
  };
  const seen = new Set<string>();
  for await (const page of totalsPagesOfCommittee(store, committeeId))
    for (const stored of page) {
      seen.add(stored._id);
      compare(stored._id, totals.get(stored._id), stored);
    }
  for (const [id, expected] of totals) if (!seen.has(id)) compare(id, expected, undefined);
  return { consistent, entries, differences };
}

/** Replaces every total of the committee with what the ledger implies. */
export async function rebuildTotals(store: Store, committeeId: string): Promise<PointsOutputs['rebuild']> {
  const { entries, totals } = await totalsFromLedger(store, committeeId);
  const stale: string[] = [];
  for await (const page of totalsPagesOfCommittee(store, committeeId))
    for (const stored of page) if (!totals.has(stored._id)) stale.push(stored._id);
  for (const id of stale) await store.remove('pointTotals', id);
  for (const doc of totals.values()) await store.set('pointTotals', doc);
  return { entries, totals: totals.size };
}
