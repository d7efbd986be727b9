import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../core/store/sqlite';
import { describeStoreContract } from './contract';

describeStoreContract('SqliteStore (:memory:)', async () => {
  const store = new SqliteStore({ file: ':memory:' });
  return { store, close: async () => store.close() };
});

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
    first.close();

    const second = new SqliteStore({ file });
    expect(await second.get('members', 'm1')).toEqual({ _id: 'm1', name: '张三', tags: ['党员'], visits: 1 });
    expect(await second.get('items', 'i1')).toEqual({ _id: 'i1', n: 1 });
    expect(await second.count('members')).toBe(1);
    second.close();
  });
});
