/**
 * Whether a ledger row offers 冲正: not a reversal itself, not reversed already, and (when the
 * server says) the caller may reverse it (`reversible`, the server's own rule). Pure: no Taro.
 */
export function offersReversal(entry: { reverses: string | null; reversible?: boolean }, reversed: boolean): boolean {
  return !entry.reverses && !reversed && entry.reversible !== false;
}
