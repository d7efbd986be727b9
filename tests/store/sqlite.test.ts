import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Doc } from '../../core/store/port';
import { SqliteStore } from '../../core/store/sqlite';
import { checkpointPolicy } from '../../core/store/sqlite-checkpoint-policy';
import { describeStoreContract } from './contract';

describeStoreContract('SqliteStore (:memory:)', async () => {
  const store = new SqliteStore({ file: ':memory:' });
  return { store, close: async () => store.close() };
});

// On a file the store writes through one connection and reads through another: the whole contract again.
describeStoreContract('SqliteStore (file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-store-contract-'));
  const store = new SqliteStore({ file: join(dir, 'store.db') });
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

type Counter = Doc & { n: number };

/** Frames in a file's write-ahead log: the pages its commits wrote since the log last restarted. */
const walFrames = (file: string): number => {
  const size = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
  return size === 0 ? 0 : (size - 32) / (4096 + 24);
};

/** Runs each task from its own callback of one turn of the event loop, as requests arriving together are. */
const sameTurn = <T>(tasks: Array<() => Promise<T>>): Promise<T[]> =>
  Promise.all(
    tasks.map((task) => new Promise<T>((resolve, reject) => setImmediate(() => task().then(resolve, reject)))),
  );

describe('SqliteStore on a file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhibu-store-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps committed documents across close and reopen', async () => {
    const file = join(dir, 'nested', 'store.db');
    const first = new SqliteStore({ file });
    await first.create('members', { _id: 'm1', name: '张三', tags: ['党员'] });
    await first.transaction(async (tx) => {
      await tx.create('items', { _id: 'i1', n: 1 });
      await tx.update('members', 'm1', { $inc: { visits: 1 } });
    });
    await first.close();

    const second = new SqliteStore({ file });
    expect(await second.get('members', 'm1')).toEqual({ _id: 'm1', name: '张三', tags: ['党员'], visits: 1 });
    expect(await second.get('items', 'i1')).toEqual({ _id: 'i1', n: 1 });
    expect(await second.count('members')).toBe(1);
    await second.close();
  });

  describe('group commit', () => {
    let store: SqliteStore;

    beforeEach(() => {
      store = new SqliteStore({ file: join(dir, 'store.db'), backgroundCheckpoints: false });
    });

    afterEach(() => store.close());

    it('a write resolves only once committed, and plain reads see only committed data', async () => {
      const written = store.set('items', { _id: 'a', n: 1 });
      // The write is applied to this turn's batch, which is not committed yet.
      expect(await store.get('items', 'a')).toBeNull();
      expect(await store.count('items')).toBe(0);
      expect(await store.query('items')).toEqual([]);
      await written;
      expect(await store.get('items', 'a')).toEqual({ _id: 'a', n: 1 });
    });

    it('the writes of one turn share one commit; a write of the next turn commits on its own', async () => {
      const file = join(dir, 'store.db');
      await store.set('items', { _id: 'warm', n: 0 });
      const before = walFrames(file);
      await sameTurn(
        Array.from(
          { length: 40 },
          (_, i) => () =>
            store.transaction(async (tx) => {
              await tx.set('items', { _id: `doc-${i}`, n: i });
            }),
        ),
      );
      const batched = walFrames(file) - before;
      const beforeSingle = walFrames(file);
      await store.set('items', { _id: 'alone', n: 0 });
      const single = walFrames(file) - beforeSingle;
      // Each commit writes the pages it changed (here the table's and its id index's last pages):
      // 40 commits one by one would write at least 80 pages.
      expect(single).toBeGreaterThanOrEqual(2);
      expect(batched).toBeLessThanOrEqual(3 * single);
      expect(await store.count('items')).toBe(42);
    });

    it('transactions of one turn see the earlier commits of that turn, so none conflicts', async () => {
      await store.set<Counter>('counters', { _id: 'c', n: 0 });
      let runs = 0;
      await sameTurn(
        Array.from(
          { length: 30 },
          () => () =>
            store.transaction(async (tx) => {
              runs++;
              const counter = await tx.get<Counter>('counters', 'c');
              await tx.set<Counter>('counters', { _id: 'c', n: (counter?.n ?? 0) + 1 });
            }),
        ),
      );
      expect(await store.get('counters', 'c')).toEqual({ _id: 'c', n: 30 });
      expect(runs).toBe(30);
    });

    it('a transaction that fails validation in a batch leaves the batch’s other commits intact', async () => {
      await store.set<Counter>('counters', { _id: 'c', n: 0 });
      let release!: () => void;
      const paused = new Promise<void>((resolve) => (release = resolve));
      let runs = 0;
      // Reads the counter, waits past another commit, then writes: its first run must be re-run.
      const slow = store.transaction(async (tx) => {
        runs++;
        const counter = await tx.get<Counter>('counters', 'c');
        if (runs === 1) await paused;
        await tx.set<Counter>('counters', { _id: 'c', n: (counter?.n ?? 0) + 10 });
      });
      await store.transaction(async (tx) => {
        const counter = await tx.get<Counter>('counters', 'c');
        await tx.set<Counter>('counters', { _id: 'c', n: (counter?.n ?? 0) + 1 });
        await tx.set('items', { _id: 'beside', n: 1 });
      });
      release();
      await slow;
      expect(runs).toBe(2);
      expect(await store.get('counters', 'c')).toEqual({ _id: 'c', n: 11 });
      expect(await store.get('items', 'beside')).toEqual({ _id: 'beside', n: 1 });
    });

    it('close commits a pending batch', async () => {
      const file = join(dir, 'closing.db');
      const closing = new SqliteStore({ file, backgroundCheckpoints: false });
      const written = closing.set('items', { _id: 'late', n: 1 });
      closing.close();
      await written;
      const reopened = new SqliteStore({ file, backgroundCheckpoints: false });
      expect(await reopened.get('items', 'late')).toEqual({ _id: 'late', n: 1 });
      reopened.close();
    });
  });
});

/**
 * When the checkpoint thread checkpoints, tick by tick with the clock given: the thread only runs
 * this policy every `checkpointWhenQuietForMs`, so its timing is tested here rather than by a
 * thread racing a busy machine.
 */
describe('the checkpoint policy', () => {
  // One tick: the commit count and the time the thread sees, whether it checkpoints, and whether
  // that checkpoint succeeds (default) or finds the database busy.
  type Tick = [commits: number, now: number, checkpoints: boolean, busy?: 'busy'];
  it.each<[string, Tick[]]>([
    [
      'a log left by an earlier run is checkpointed at the first quiet tick, then nothing until commits',
      [
        [0, 0, false],
        [0, 250, true],
        [0, 500, false],
        [0, 750, false],
      ],
    ],
    [
      'commits that pause are checkpointed at the first tick without a new commit',
      [
        [0, 0, false],
        [0, 250, true],
        [3, 500, false],
        [9, 750, false],
        [9, 1000, true],
        [9, 1250, false],
      ],
    ],
    [
      'commits that never pause are checkpointed once they have waited the longest allowed, and again after as long',
      [
        [0, 0, false],
        [0, 250, true],
        [1, 500, false],
        [2, 750, false],
        [3, 1000, false],
        [4, 1250, false],
        [5, 1500, true],
        [6, 1750, false],
        [7, 2000, false],
        [8, 2250, false],
        [9, 2500, false],
        [10, 2750, true],
      ],
    ],
    [
      'a checkpoint that finds the database busy is tried again at the next tick',
      [
        [0, 0, false],
        [0, 250, true, 'busy'],
        [0, 500, true],
        [0, 750, false],
      ],
    ],
  ])('%s', (_, ticks) => {
    const policy = checkpointPolicy(1000);
    const seen = ticks.map(([commits, now, , busy]) => {
      const due = policy.due(commits, now);
      if (due && !busy) policy.done(commits);
      return due;
    });
    expect(seen).toEqual(ticks.map(([, , checkpoints]) => checkpoints));
  });
});

describe('SqliteStore background checkpoints', () => {
  let dir: string;
  const stores: SqliteStore[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhibu-checkpoint-'));
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (name: string, quietMs: number, atLeastEveryMs: number) => {
    const file = join(dir, name);
    const store = new SqliteStore({
      file,
      checkpointWhenQuietForMs: quietMs,
      checkpointAtLeastEveryMs: atLeastEveryMs,
    });
    stores.push(store);
    // Pages reach the database file itself only through a checkpoint; until then they are in the log.
    return { store, size: () => statSync(file).size };
  };

  it('checkpoints once commits pause', async () => {
    const { store, size } = open('quiet.db', 50, 60_000);
    const initial = size();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => store.set('items', { _id: `d-${i}`, text: '支部'.repeat(300) })),
    );
    for (let waited = 0; size() === initial && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(size()).toBeGreaterThan(initial + 100 * 1024);
  }, 20_000);

  it('a script whose last work is awaiting close() runs to its end (the thread keeps the process alive while it stops)', () => {
    // The thread is unref'd while it runs (an open store must not keep a process alive); a script
    // with nothing else to do used to end inside the await, silently and with exit code 0.
    const script = join(dir, 'close.ts');
    writeFileSync(
      script,
      [
        `import { SqliteStore } from ${JSON.stringify(resolve(__dirname, '../../core/store/sqlite'))};`,
        `const store = new SqliteStore({ file: ${JSON.stringify(join(dir, 'script.db'))} });`,
        `store.set('items', { _id: 'a' }).then(() => store.close()).then(() => console.log('closed'));`,
      ].join('\n'),
    );
    const run = spawnSync(resolve(__dirname, '../../node_modules/.bin/tsx'), [script], { encoding: 'utf8' });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: 'closed\n',
      stderr: '',
    });
  }, 30_000);

  it('close settles once no thread holds the database open, so its folder can be removed at once', async () => {
    const { store } = open('closing.db', 50, 60_000);
    stores.splice(0);
    await store.set('items', { _id: 'a', n: 1 });
    // Let the checkpoint thread open its connection and checkpoint once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await store.close();
    // A connection still open in the checkpoint thread could create the log files again after
    // the folder's files were removed, and the folder's removal would then fail.
    const openFiles = readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        return [readlinkSync(join('/proc/self/fd', fd))];
      } catch {
        return [];
      }
    });
    expect(openFiles.filter((path) => path.startsWith(dir))).toEqual([]);
  });
});

/** Runs a TypeScript script through tsx, as the local host runs from source. */
const runTsx = (script: string) =>
  spawnSync(resolve(__dirname, '../../node_modules/.bin/tsx'), [script], { encoding: 'utf8' });

/**
 * Bundles a script with the store's checkpoint thread beside it, as `scripts/start.mjs` bundles the
 * local host, and runs the bundle with plain node (packages stay outside the bundle).
 */
const runBundled = (script: string) => {
  const outdir = join(dirname(script), 'bundle');
  buildSync({
    entryPoints: {
      [basename(script, '.ts')]: script,
      'sqlite-checkpoint-worker': resolve(__dirname, '../../core/store/sqlite-checkpoint-worker.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  const bundled = join(outdir, `${basename(script, '.ts')}.js`);
  const env = { ...process.env, NODE_PATH: resolve(__dirname, '../../node_modules') };
  return spawnSync(process.execPath, [bundled], { encoding: 'utf8', env });
};

describe('the checkpoint thread runs wherever the store does', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhibu-runtime-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  // Under jest the thread runs from source: 'checkpoints once commits pause' above.
  it.each([
    ['from source under tsx', runTsx],
    ['bundled, with the worker bundled beside it', runBundled],
  ])(
    '%s',
    (_, run) => {
      const script = join(dir, 'checkpoints.ts');
      const file = join(dir, 'store.db');
      // Only a checkpoint grows the database file: without the thread, commits stay in the log.
      writeFileSync(
        script,
        [
          `import { statSync } from 'node:fs';`,
          `import { SqliteStore } from ${JSON.stringify(resolve(__dirname, '../../core/store/sqlite'))};`,
          `const store = new SqliteStore({ file: ${JSON.stringify(file)}, checkpointWhenQuietForMs: 50, checkpointAtLeastEveryMs: 60_000 });`,
          `const docs = Array.from({ length: 200 }, (_, i) => ({ _id: 'd-' + i, text: '支部'.repeat(300) }));`,
          `async function main() {`,
          `  const initial = statSync(${JSON.stringify(file)}).size;`,
          `  await Promise.all(docs.map((doc) => store.set('items', doc)));`,
          `  for (let waited = 0; statSync(${JSON.stringify(file)}).size === initial && waited < 10_000; waited += 50)`,
          `    await new Promise((resolve) => setTimeout(resolve, 50));`,
          `  const grown = statSync(${JSON.stringify(file)}).size - initial;`,
          `  await store.close();`,
          `  console.log(grown > 100 * 1024 ? 'checkpointed' : 'not checkpointed');`,
          `}`,
          `void main();`,
        ].join('\n'),
      );
      const result = run(script);
      expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
        status: 0,
        stdout: 'checkpointed\n',
        stderr: '',
      });
    },
    30_000,
  );
});

describe('SqliteStore operations hooks', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhibu-hooks-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** The indexes of a table, read from the file by a connection of the test's own. */
  const indexesOf = (file: string, table: string): string[] => {
    const db = new Database(file, { readonly: true });
    try {
      const rows = db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ? ORDER BY name`,
        )
        .all(table) as Array<{ name: string }>;
      return rows.map((row) => row.name);
    } finally {
      db.close();
    }
  };

  it('fileSizes reports the database, log and shared-memory files; checkpoint(TRUNCATE) empties the log into the database', async () => {
    const file = join(dir, 'store.db');
    const store = new SqliteStore({ file, backgroundCheckpoints: false });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.set('items', { _id: `d-${i}`, text: '支部'.repeat(300) })),
    );
    const before = store.fileSizes();
    expect(before).toEqual({
      db: statSync(file).size,
      wal: statSync(`${file}-wal`).size,
      shm: statSync(`${file}-shm`).size,
    });
    expect(before.wal).toBeGreaterThan(50 * 1024);
    store.checkpoint('TRUNCATE');
    const after = store.fileSizes();
    expect(after.wal).toBe(0);
    expect(after.db).toBeGreaterThan(before.db + 50 * 1024);
    expect(await store.count('items')).toBe(50);
    await store.close();
  });

  it('an in-memory store has no files', async () => {
    const store = new SqliteStore({ file: ':memory:' });
    await store.set('items', { _id: 'a' });
    expect(store.fileSizes()).toEqual({ db: 0, wal: 0, shm: 0 });
    await store.close();
  });

  it('bulkLoad writes documents with the indexes dropped; the next open creates them again', async () => {
    const file = join(dir, 'store.db');
    await new SqliteStore({ file }).close();
    const declared = indexesOf(file, 'ledger');
    expect(declared.length).toBeGreaterThan(0);

    const loading = new SqliteStore({ file });
    const loader = loading.bulkLoad(['ledger']);
    for (let from = 0; from < 300; from += 100)
      loader.batch(() => {
        for (let i = from; i < from + 100; i++)
          loader.insert('ledger', { _id: `e-${i}`, memberId: `m-${i % 3}`, at: String(i).padStart(3, '0') }, i + 1);
      });
    await loading.close();
    expect(indexesOf(file, 'ledger')).toEqual([]);

    const reopened = new SqliteStore({ file });
    expect(indexesOf(file, 'ledger')).toEqual(declared);
    expect(await reopened.count('ledger')).toBe(300);
    expect(await reopened.get('ledger', 'e-7')).toEqual({ _id: 'e-7', memberId: 'm-1', at: '007' });
    expect(await reopened.query('ledger', { where: { memberId: 'm-2' }, orderBy: [['at', 'desc']], limit: 2 })).toEqual(
      [
        { _id: 'e-299', memberId: 'm-2', at: '299' },
        { _id: 'e-296', memberId: 'm-2', at: '296' },
      ],
    );
    await reopened.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT v FROM ledger WHERE _id = 'e-7'`).get()).toEqual({ v: 8 });
    db.close();
  });
});
