import type { AuditDoc } from './documents';
import type { HandlerContext } from '../runtime/context';
import type { Tx } from './collections';

export interface AuditInput {
  /** A fixed id, for an entry that may exist only once (the 初始化); a new id otherwise. */
  id?: string;
  action: string;
  target: string;
  committeeId: string | null;
  before?: unknown;
  after?: unknown;
}

const MOBILE = /(1[3-9]\d)\d{4}(\d{4})/g;

/** Audit entries keep no full phone number, wherever one appears (a field, a typed reason). */
function withoutPhones(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value).replace(MOBILE, '$1****$2'));
}

/** Records an admin or secretary mutation, in the same transaction as the mutation itself. */
export async function writeAudit(tx: Tx, ctx: HandlerContext, actor: string, input: AuditInput): Promise<void> {
  const doc: AuditDoc = {
    _id: input.id ?? ctx.newId(),
    at: ctx.clock().toISOString(),
    actor,
    committeeId: input.committeeId,
    action: input.action,
    target: input.target,
    before: withoutPhones(input.before),
    after: withoutPhones(input.after),
  };
  await tx.create('audit', doc);
}
