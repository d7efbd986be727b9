import type { PartyStatus } from '../../contracts/common';
import type { RuleItem } from '../../contracts/points';
import { conflict, invalidInput } from '../runtime/errors';
import { notApplicableMessage, ruleApplies } from './rules';
import { periodsOf, type Periods } from './periods';
import { applyEntry, branchTotalsId, emptyTotals, memberTotalsId, newlyJoined, type TotalsDoc } from './totals';
import type { Tx } from '../shared/collections';

/**
 * What caused an entry: 亮身份 approved (`declaration`), a secretary's hand (`hand`), a sign-in or an
 * activity's close (`activity`), a watched lecture (`lecture`), an upheld objection (`objection`), or
 * the reversal of another entry (`reversal`); the demo data's history is `seed`.
 */
export type LedgerSource = 'declaration' | 'hand' | 'activity' | 'lecture' | 'objection' | 'reversal' | 'seed';

/**
 * A ledger entry. The ledger is append-only: an entry is never changed or removed; a correction
 * is a reversing entry (`reversal:<id>`) that names the original. The `_id` is the idempotency
 * key derived from the entry's cause (`declaration:<member>`, `hand:<request>:<member>`, …), so a
 * retried or duplicated request finds the entry already there and awards nothing twice.
 */
export interface LedgerDoc {
  _id: string;
  memberId: string;
  memberName: string;
  branchId: string;
  committeeId: string;
  rule: string;
  ruleName: string;
  kind: 'bonus' | 'deduction';
  value: number;
  reason: string;
  source: LedgerSource;
  recordedBy: string | null;
  at: string;
  year: number;
  monthKey: string;
  quarterKey: string;
  reverses: string | null;
}

export interface LedgerMember {
  _id: string;
  name: string;
  branchId: string;
  committeeId: string;
}

export interface PostRequest {
  id: string;
  /** With their 党员身份: a rule the committee has not applied to people on the way is refused for them. */
  member: LedgerMember & { partyStatus: PartyStatus };
  rule: Pick<RuleItem, 'code' | 'name' | 'kind' | 'value' | 'cap' | 'capPeriod' | 'candidates'>;
  /** Defaults to the rule's value. */
  value?: number;
  reason: string;
  source: LedgerSource;
  recordedBy: string | null;
  at: Date;
  reverses?: string | null;
  /**
   * The moment whose China-time periods the entry counts in; defaults to `at`. A reversal counts
   * in its original's periods, so that a correction restores the right month, quarter and year.
   */
  countsAt?: Date;
  /**
   * The caller guarantees that no entry has this id yet, because a document created in the same
   * transaction guards it (a sign-in's attendance record): the lookup is skipped, saving a read.
   */
  fresh?: boolean;
}

export const reversalId = (entryId: string) => `reversal:${entryId}`;

const CAP_PERIOD_LABEL = { month: '本月', quarter: '本季度', year: '本年度' } as const;

/** The value after the rule's cap for the period, and the note explaining a cut. */
function capped(request: EntryRequest, totals: TotalsDoc, periods: Periods): { value: number; note: string | null } {
  const value = request.value ?? request.rule.value;
  const { cap, capPeriod = 'month' } = request.rule;
  if (cap === undefined || request.reverses) return { value, note: null };
  const key = { month: periods.monthKey, quarter: periods.quarterKey, year: periods.yearKey }[capPeriod];
  const used = totals.ruleUse[`${request.rule.code}:${key}`] ?? 0;
  const room = Math.max(0, cap - used);
  if (Math.abs(value) <= room) return { value, note: null };
  const limited = Math.sign(value) * room;
  const label = CAP_PERIOD_LABEL[capPeriod];
  return { value: limited, note: `已达${label}上限 ${cap} 分，${room === 0 ? '本次不计分' : `本次计 ${room} 分`}` };
}

/**
 * Posts one entry and moves the member's and the branch's totals, inside the caller's
 * transaction (three documents, all addressed by id). An entry already posted under this id is
 * returned as it is: nothing is awarded twice.
 *
 * Every award goes through here, so here a rule that does not apply to the member (one the
 * committee has not applied to 入党申请人, 入党积极分子 or 发展对象) is refused, whichever path asks:
 * the automatic ones look first ({@link ruleFor}) and post nothing; recording by hand checks every
 * member before posting anyone's. Reversals restore the ledger, whoever holds the entry.
 */
export async function postEntry(tx: Tx, request: PostRequest): Promise<{ entry: LedgerDoc; created: boolean }> {
  if (!ruleApplies(request.rule, request.member.partyStatus))
    throw invalidInput('rule', notApplicableMessage(request.rule, request.member.partyStatus));
  return writeEntry(tx, request);
}

type EntryRequest = Omit<PostRequest, 'member' | 'rule'> & {
  member: LedgerMember;
  rule: Pick<RuleItem, 'code' | 'name' | 'kind' | 'value' | 'cap' | 'capPeriod'>;
};

async function writeEntry(tx: Tx, request: EntryRequest): Promise<{ entry: LedgerDoc; created: boolean }> {
  const existing = request.fresh ? null : await tx.get('ledger', request.id);
  if (existing) return { entry: existing, created: false };
  const { member } = request;
  const periods = periodsOf(request.countsAt ?? request.at);
  const memberTotals =
    (await tx.get('pointTotals', memberTotalsId(member._id, periods.year))) ??
    emptyTotals('member', member._id, member.branchId, member.committeeId, periods.year);
  const { value, note } = capped(request, memberTotals, periods);
  const entry: LedgerDoc = {
    _id: request.id,
    memberId: member._id,
    memberName: member.name,
    branchId: member.branchId,
    committeeId: member.committeeId,
    rule: request.rule.code,
    ruleName: request.rule.name,
    kind: request.rule.kind,
    value,
    reason: note ? `${request.reason}（${note}）` : request.reason,
    source: request.source,
    recordedBy: request.recordedBy,
    at: request.at.toISOString(),
    year: periods.year,
    monthKey: periods.monthKey,
    quarterKey: periods.quarterKey,
    reverses: request.reverses ?? null,
  };
  const branchTotals =
    (await tx.get('pointTotals', branchTotalsId(member.branchId, periods.year))) ??
    emptyTotals('branch', member.branchId, member.branchId, member.committeeId, periods.year);
  await tx.create('ledger', entry);
  await tx.set('pointTotals', applyEntry(memberTotals, entry, periods));
  await tx.set('pointTotals', applyEntry(branchTotals, entry, periods, newlyJoined(memberTotals, entry, periods)));
  return { entry, created: true };
}

export const REVERSAL_IS_FINAL = '冲正记录不能再冲正；如有误，请按原因新增一条记录';

/**
 * Posts the reversal of `original` (`reversal:<id>`, at most one per entry). It counts in the
 * original's periods, so that the correction restores the right month, quarter and year.
 * A reversal is final: reversing one would silently undo a decision (an upheld objection, a
 * secretary's correction), so a mistaken reversal is corrected by a new entry with its reason.
 */
export function reverseEntry(
  tx: Tx,
  original: LedgerDoc,
  request: { reason: string; source: LedgerSource; recordedBy: string | null; at: Date },
): Promise<{ entry: LedgerDoc; created: boolean }> {
  if (original.reverses) return Promise.reject(conflict(REVERSAL_IS_FINAL));
  return writeEntry(tx, {
    id: reversalId(original._id),
    member: {
      _id: original.memberId,
      name: original.memberName,
      branchId: original.branchId,
      committeeId: original.committeeId,
    },
    rule: { code: original.rule, name: original.ruleName, kind: original.kind, value: original.value },
    value: -original.value,
    ...request,
    reverses: original._id,
    countsAt: new Date(original.at),
  });
}
