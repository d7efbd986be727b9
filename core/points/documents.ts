import type { ObjectionStatus } from '../../contracts/points';

/** Points documents besides the ledger (`ledger.ts`), the totals (`totals.ts`) and the rule sets (`rules.ts`). */

/** `objection:<entryId>`: at most one objection per entry. */
export interface ObjectionDoc {
  _id: string;
  entryId: string;
  memberId: string;
  memberName: string;
  branchId: string;
  committeeId: string;
  ruleName: string;
  value: number;
  entryReason: string;
  entryAt: string;
  reason: string;
  status: ObjectionStatus;
  resolution: string | null;
  resolvedBy: string | null;
  at: string;
}

/**
 * `pointRequests/<requestId>`: what a client-chosen request id was first used for. A retry of the
 * same request answers the entries it posted; the id reused for anything else is refused, so that
 * a stale or forged id can neither pass for a new record nor hide one.
 */
export interface PointRequestDoc {
  _id: string;
  recordedBy: string;
  rule: string;
  reason: string;
  /** Sorted. */
  memberIds: string[];
  at: string;
}

/** An entry's objection: one per entry, so its id derives from the entry's. */
export const objectionId = (entryId: string) => `objection:${entryId}`;
