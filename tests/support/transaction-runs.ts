import type { Store, Tx } from '../../core/shared/collections';

/**
 * Counts the store's transactions and the runs of their work from now on. More runs than
 * transactions proves that concurrent transactions really overlapped (a conflicting one is run
 * again), so a concurrency test cannot pass vacuously.
 */
export function countTransactionRuns(store: Store): { transactions: number; runs: number } {
  const original = store.transaction.bind(store);
  const counts = { transactions: 0, runs: 0 };
  store.transaction = <R>(work: (tx: Tx) => Promise<R>) => {
    counts.transactions++;
    return original((tx) => {
      counts.runs++;
      return work(tx);
    });
  };
  return counts;
}
