import type { PointsOutputs } from '../../contracts/points';
import type { DocStore } from '../store/port';
import type { LedgerDoc } from './ledger';
import type { Periods } from './periods';
import { applyEntry, branchTotalsId, emptyTotals, memberTotalsId, type Sums, type TotalsDoc } from './totals';

const PAGE = 1000;
const MAX_DIFFERENCES = 100;

/** Reads a whole collection of a committee in `_id` order, a page at a time (keyset, not skip). */
async function* scan<T extends { _id: string }>(store: DocStore, collection: string, committeeId: string) {
  let after = '';
  for (;;) {
    const page = await store.query<T>(collection, {
      where: { committeeId, _id: { $gt: after } },
      orderBy: [['_id', 'asc']],
      limit: PAGE,
    });
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]._id;
  }
}

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

/** The totals the ledger implies, for every member and branch of the committee. */
export async function totalsFromLedger(
  store: DocStore,
  committeeId: string,
): Promise<{ entries: number; totals: Map<string, TotalsDoc> }> {
  const totals = new Map<string, TotalsDoc>();
  let entries = 0;
  for await (const entry of scan<LedgerDoc>(store, 'ledger', committeeId)) {
    entries++;
    const periods = periodsOfEntry(entry);
    const memberId = memberTotalsId(entry.memberId, entry.year);
    const branchId = branchTotalsId(entry.branchId, entry.year);
    const member =
      totals.get(memberId) ?? emptyTotals('member', entry.memberId, entry.branchId, committeeId, entry.year);
    const branch =
      totals.get(branchId) ?? emptyTotals('branch', entry.branchId, entry.branchId, committeeId, entry.year);
    totals.set(memberId, applyEntry(member, entry, periods));
    totals.set(branchId, applyEntry(branch, entry, periods));
  }
  return { entries, totals };
}

function flatten(doc: TotalsDoc | undefined): Map<string, number> {
  const fields = new Map<string, number>();
  if (!doc) return fields;
  const put = (prefix: string, sums: Sums) => {
    for (const key of ['bonus', 'deduction', 'net', 'count'] as const) fields.set(`${prefix}.${key}`, sums[key]);
  };
  put('total', doc.total);
  for (const [month, sums] of Object.entries(doc.months)) put(`months.${month}`, sums);
  for (const [quarter, sums] of Object.entries(doc.quarters)) put(`quarters.${quarter}`, sums);
  for (const [key, used] of Object.entries(doc.ruleUse)) fields.set(`ruleUse.${key}`, used);
  return fields;
}

/** Recomputes every total from the ledger and reports each stored figure that differs. */
export async function verifyTotals(store: DocStore, committeeId: string): Promise<PointsOutputs['verify']> {
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
  for await (const stored of scan<TotalsDoc>(store, 'pointTotals', committeeId)) {
    seen.add(stored._id);
    compare(stored._id, totals.get(stored._id), stored);
  }
  for (const [id, expected] of totals) if (!seen.has(id)) compare(id, expected, undefined);
  return { consistent, entries, differences };
}

/** Replaces every total of the committee with what the ledger implies. */
export async function rebuildTotals(store: DocStore, committeeId: string): Promise<PointsOutputs['rebuild']> {
  const { entries, totals } = await totalsFromLedger(store, committeeId);
  const stale: string[] = [];
  for await (const stored of scan<TotalsDoc>(store, 'pointTotals', committeeId))
    if (!totals.has(stored._id)) stale.push(stored._id);
  for (const id of stale) await store.remove('pointTotals', id);
  for (const doc of totals.values()) await store.set('pointTotals', doc);
  return { entries, totals: totals.size };
}
