import type { AuditDoc } from '../model';
import type { HandlerContext } from '../runtime/context';
import type { TxStore } from '../store/port';

export interface AuditInput {
  action: string;
  target: string;
  committeeId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records an admin or secretary mutation, in the same transaction as the mutation itself. */
export async function writeAudit(tx: TxStore, ctx: HandlerContext, actor: string, input: AuditInput): Promise<void> {
  const doc: AuditDoc = {
    _id: ctx.newId(),
    at: ctx.clock().toISOString(),
    actor,
    committeeId: input.committeeId,
    action: input.action,
    target: input.target,
    before: input.before ?? null,
    after: input.after ?? null,
  };
  await tx.create('audit', doc);
}
