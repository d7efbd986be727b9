import type { Doc, DocStore, Filter, QueryOptions, TxStore, Update } from './port';

/**
 * A {@link DocStore} that delegates to a real one and counts the document operations it is asked
 * for: outside transactions, and inside each transaction attempt (a conflicting transaction runs
 * its work again; each run is an attempt). Tests use it to hold a handler to its budget of
 * database round trips; the bench reuses it to report operations per request.
 */

export const OPERATIONS = ['get', 'create', 'set', 'update', 'remove', 'query', 'count'] as const;
export type Operation = (typeof OPERATIONS)[number];

export type OperationCounts = Record<Operation, number> & { total: number };

export const zeroCounts = (): OperationCounts => ({
  get: 0,
  create: 0,
  set: 0,
  update: 0,
  remove: 0,
  query: 0,
  count: 0,
  total: 0,
});

function add(into: OperationCounts, from: OperationCounts): OperationCounts {
  for (const op of OPERATIONS) into[op] += from[op];
  into.total += from.total;
  return into;
}

function bump(counts: OperationCounts, op: Operation): void {
  counts[op] += 1;
  counts.total += 1;
}

/** One call of `transaction`: the operations of each run of its work, and how it ended. */
export interface TransactionRecord {
  attempts: OperationCounts[];
  outcome: 'running' | 'committed' | 'failed';
}

export class CountingStore implements DocStore {
  /** Operations issued outside any transaction. */
  outside = zeroCounts();
  /** Every transaction since the last {@link reset}, in the order they started. */
  transactions: TransactionRecord[] = [];

  constructor(readonly inner: DocStore) {}

  /** Forgets everything counted so far (the wrapped store is untouched). */
  reset(): void {
    this.outside = zeroCounts();
    this.transactions = [];
  }

  /** Operations inside transactions, summed over every attempt of every transaction. */
  get inside(): OperationCounts {
    return this.transactions.reduce((sum, t) => t.attempts.reduce((s, attempt) => add(s, attempt), sum), zeroCounts());
  }

  /** Every operation, inside and outside transactions. */
  get all(): OperationCounts {
    return add(add(zeroCounts(), this.outside), this.inside);
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    bump(this.outside, 'get');
    return this.inner.get<T>(collection, id);
  }

  async create<T extends Doc>(collection: string, doc: T): Promise<void> {
    bump(this.outside, 'create');
    return this.inner.create(collection, doc);
  }

  async set<T extends Doc>(collection: string, doc: T): Promise<void> {
    bump(this.outside, 'set');
    return this.inner.set(collection, doc);
  }

  async update(collection: string, id: string, update: Update): Promise<boolean> {
    bump(this.outside, 'update');
    return this.inner.update(collection, id, update);
  }

  async remove(collection: string, id: string): Promise<boolean> {
    bump(this.outside, 'remove');
    return this.inner.remove(collection, id);
  }

  async query<T extends Doc>(collection: string, options?: QueryOptions): Promise<T[]> {
    bump(this.outside, 'query');
    return this.inner.query<T>(collection, options);
  }

  async count(collection: string, where?: Filter): Promise<number> {
    bump(this.outside, 'count');
    return this.inner.count(collection, where);
  }

  async transaction<R>(work: (tx: TxStore) => Promise<R>): Promise<R> {
    const record: TransactionRecord = { attempts: [], outcome: 'running' };
    this.transactions.push(record);
    try {
      const result = await this.inner.transaction((tx) => {
        const counts = zeroCounts();
        record.attempts.push(counts);
        return work(countingTx(tx, counts));
      });
      record.outcome = 'committed';
      return result;
    } catch (error) {
      record.outcome = 'failed';
      throw error;
    }
  }

  async prepare(collections: readonly string[]): Promise<{ created: string[] }> {
    return this.inner.prepare ? this.inner.prepare(collections) : { created: [] };
  }

  close(): Promise<void> | void {
    return this.inner.close?.();
  }
}

function countingTx(tx: TxStore, counts: OperationCounts): TxStore {
  return {
    get: <T extends Doc>(collection: string, id: string) => {
      bump(counts, 'get');
      return tx.get<T>(collection, id);
    },
    create: <T extends Doc>(collection: string, doc: T) => {
      bump(counts, 'create');
      return tx.create(collection, doc);
    },
    set: <T extends Doc>(collection: string, doc: T) => {
      bump(counts, 'set');
      return tx.set(collection, doc);
    },
    update: (collection: string, id: string, update: Update) => {
      bump(counts, 'update');
      return tx.update(collection, id, update);
    },
    remove: (collection: string, id: string) => {
      bump(counts, 'remove');
      return tx.remove(collection, id);
    },
  };
}
