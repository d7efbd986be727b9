import { CountingStore, zeroCounts } from './counting-store';
import { SqliteStore } from './sqlite';

type Counter = { _id: string; n: number };

describe('CountingStore', () => {
  let inner: SqliteStore;
  let store: CountingStore;

  beforeEach(() => {
    inner = new SqliteStore({ file: ':memory:' });
    store = new CountingStore(inner);
  });

  afterEach(() => store.close());

  it('counts operations outside transactions by kind, and passes them through', async () => {
    await store.create('items', { _id: 'a', n: 1 });
    await store.set('items', { _id: 'b', n: 2 });
    await store.update('items', 'a', { $inc: { n: 1 } });
    expect(await store.get('items', 'a')).toEqual({ _id: 'a', n: 2 });
    expect(await store.query('items', { orderBy: [['n', 'asc']] })).toHaveLength(2);
    expect(await store.count('items')).toBe(2);
    expect(await store.remove('items', 'b')).toBe(true);
    expect(store.outside).toEqual({ get: 1, create: 1, set: 1, update: 1, remove: 1, query: 1, count: 1, total: 7 });
    expect(store.inside).toEqual(zeroCounts());
    expect(await inner.get('items', 'b')).toBeNull();
  });

  it('counts each run of a transaction’s work as an attempt, and how the transaction ended', async () => {
    await store.set<Counter>('counters', { _id: 'c', n: 0 });
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    // Reads, waits past a concurrent commit, then writes: its first run conflicts and runs again.
    const slow = store.transaction(async (tx) => {
      runs++;
      const counter = await tx.get<Counter>('counters', 'c');
      if (runs === 1) await paused;
      await tx.set<Counter>('counters', { _id: 'c', n: (counter?.n ?? 0) + 10 });
    });
    await inner.set<Counter>('counters', { _id: 'c', n: 1 });
    release();
    await slow;
    await expect(
      store.transaction(async (tx) => {
        await tx.create('counters', { _id: 'c', n: 0 });
      }),
    ).rejects.toThrow('already exists');

    expect(store.transactions.map((t) => [t.outcome, t.attempts.map((a) => a.total)])).toEqual([
      ['committed', [2, 2]],
      ['failed', [1]],
    ]);
    expect(store.inside).toEqual({ ...zeroCounts(), get: 2, set: 2, create: 1, total: 5 });
    expect(store.all.total).toBe(store.outside.total + 5);
    expect(await inner.get('counters', 'c')).toEqual({ _id: 'c', n: 11 });

    store.reset();
    expect(store.transactions).toEqual([]);
    expect(store.all).toEqual(zeroCounts());
  });
});
