import {
  DuplicateIdError,
  InvalidQueryError,
  type Doc,
  type DocStore,
  type Filter,
  type QueryOptions,
  type TxStore,
} from '../../core/store/port';

/**
 * The behaviour every {@link DocStore} adapter must share. Each test opens a fresh, empty store.
 * Collection names are plain identifiers valid on every backend.
 */

export interface OpenedStore {
  store: DocStore;
  close(): Promise<void>;
}

type Item = Doc & Record<string, unknown>;

interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const SLOW = 60_000;

export function describeStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`DocStore contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: DocStore;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });

    afterEach(async () => {
      await opened.close();
    });

    const ids = (docs: Doc[]): string[] => docs.map((d) => d._id);
    const queryIds = async (options: QueryOptions): Promise<string[]> => ids(await store.query('items', options));
    const where = async (filter: Filter): Promise<string[]> => (await queryIds({ where: filter, limit: 1000 })).sort();

    describe('documents', () => {
      const rich: Item = {
        _id: 'doc-1',
        name: '张三',
        title: 'Branch Secretary',
        age: 42,
        negative: -7,
        ratio: 0.125,
        big: 1234567890123,
        zero: 0,
        active: true,
        retired: false,
        nothing: null,
        empty: '',
        tags: ['党员', 'leader', 3, true, null],
        nested: { level: { deep: '深层', list: [{ a: 1 }, { b: [2, 3] }] }, emptyObject: {}, emptyList: [] },
      };

      it('round-trips a document with nested objects, arrays, booleans, null, numbers and Chinese', async () => {
        await store.create('items', rich);
        expect(await store.get('items', 'doc-1')).toEqual(rich);
      });

      it('returns null for a missing document', async () => {
        expect(await store.get('items', 'missing')).toBeNull();
        await store.create('items', { _id: 'present' });
        expect(await store.get('items', 'missing')).toBeNull();
      });

      it('keeps collections apart', async () => {
        await store.create('items', { _id: 'same', where: 'items' });
        await store.create('others', { _id: 'same', where: 'others' });
        expect(await store.get('items', 'same')).toEqual({ _id: 'same', where: 'items' });
        expect(await store.get('others', 'same')).toEqual({ _id: 'same', where: 'others' });
      });

      it('create on an existing id throws DuplicateIdError and changes nothing', async () => {
        await store.create('items', { _id: 'dup', v: 1 });
        const error = await store.create('items', { _id: 'dup', v: 2, extra: true }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateIdError);
        expect(error).toMatchObject({ collection: 'items', id: 'dup' });
        expect(await store.get('items', 'dup')).toEqual({ _id: 'dup', v: 1 });
      });

      it('set creates a missing document and replaces an existing one whole', async () => {
        await store.set('items', { _id: 's', a: 1, nested: { x: 1, y: 2 } });
        expect(await store.get('items', 's')).toEqual({ _id: 's', a: 1, nested: { x: 1, y: 2 } });
        await store.set('items', { _id: 's', b: '二', nested: { x: 3 } });
        expect(await store.get('items', 's')).toEqual({ _id: 's', b: '二', nested: { x: 3 } });
      });

      it('remove reports whether the document existed', async () => {
        await store.create('items', { _id: 'r' });
        expect(await store.remove('items', 'r')).toBe(true);
        expect(await store.get('items', 'r')).toBeNull();
        expect(await store.remove('items', 'r')).toBe(false);
        expect(await store.remove('items', 'never')).toBe(false);
      });

      it('returns copies: mutating a returned document does not change the store', async () => {
        await store.create('items', { _id: 'c', nested: { n: 1 } });
        const doc = (await store.get<Item>('items', 'c')) as Item;
        (doc.nested as Record<string, unknown>).n = 99;
        expect(await store.get('items', 'c')).toEqual({ _id: 'c', nested: { n: 1 } });
      });
    });

    describe('update', () => {
      beforeEach(async () => {
        await store.create('items', { _id: 'u', name: '李四', count: 1, profile: { city: '北京', zip: '100000' } });
      });

      it('$set replaces top-level fields and adds new ones', async () => {
        expect(await store.update('items', 'u', { $set: { name: '王五', status: 'active', flag: false } })).toBe(true);
        expect(await store.get('items', 'u')).toEqual({
          _id: 'u',
          name: '王五',
          count: 1,
          status: 'active',
          flag: false,
          profile: { city: '北京', zip: '100000' },
        });
      });

      it('$set on a dotted path changes only that nested field, creating parents as needed', async () => {
        await store.update('items', 'u', { $set: { 'profile.city': '上海', 'extra.deep.value': 5 } });
        expect(await store.get('items', 'u')).toMatchObject({
          profile: { city: '上海', zip: '100000' },
          extra: { deep: { value: 5 } },
        });
      });

      it('$set with an object value replaces the whole object (no merge)', async () => {
        await store.update('items', 'u', { $set: { profile: { city: '广州' } } });
        expect((await store.get<Item>('items', 'u'))?.profile).toEqual({ city: '广州' });
        await store.update('items', 'u', { $set: { profile: {} } });
        expect((await store.get<Item>('items', 'u'))?.profile).toEqual({});
      });

      it('$set stores arrays, null and nested objects as given', async () => {
        await store.update('items', 'u', { $set: { list: [1, { a: '甲' }, [2]], name: null, 'profile.zip': null } });
        expect(await store.get('items', 'u')).toEqual({
          _id: 'u',
          name: null,
          count: 1,
          list: [1, { a: '甲' }, [2]],
          profile: { city: '北京', zip: null },
        });
      });

      it('$inc adds to numbers; a missing field starts at 0', async () => {
        await store.update('items', 'u', { $inc: { count: 2, fresh: 5, 'stats.views': 1, negative: -3 } });
        await store.update('items', 'u', { $inc: { count: 0.5 } });
        expect(await store.get('items', 'u')).toMatchObject({
          count: 3.5,
          fresh: 5,
          stats: { views: 1 },
          negative: -3,
        });
      });

      it('applies $set and $inc together', async () => {
        await store.update('items', 'u', { $set: { name: '赵六' }, $inc: { count: 10 } });
        expect(await store.get('items', 'u')).toMatchObject({ name: '赵六', count: 11 });
      });

      it('returns true for an existing document even when nothing changes', async () => {
        expect(await store.update('items', 'u', { $set: { name: '李四' } })).toBe(true);
        expect(await store.update('items', 'u', { $inc: { count: 0 } })).toBe(true);
        expect(await store.update('items', 'u', {})).toBe(true);
      });

      it('update of a missing document returns false and creates nothing', async () => {
        expect(await store.update('items', 'ghost', { $set: { a: 1 }, $inc: { n: 1 } })).toBe(false);
        expect(await store.update('items', 'ghost', {})).toBe(false);
        expect(await store.get('items', 'ghost')).toBeNull();
        expect(await store.count('items')).toBe(1);
      });
    });

    describe('query', () => {
      const seed: Item[] = [
        { _id: 'a', name: 'Alice', city: '北京市', age: 30, score: 88, active: true, rank: 'b', info: { level: 2 } },
        { _id: 'b', name: 'bob', city: '上海市', age: 25, score: 92, active: false, rank: 'a', info: { level: 1 } },
        { _id: 'c', name: 'Carol', city: '北京', age: 35, score: 88, active: true, rank: null, info: { level: 3 } },
        { _id: 'd', name: 'dave ALICE', city: '广州', age: 25, score: 70, active: false, info: { level: 2 } },
        { _id: 'e', name: '张伟', city: '深圳', age: 40, score: 95, active: true, rank: 'c' },
        { _id: 'f', name: 'a.b(c)*', city: 'Hong Kong', age: 30, score: 60, active: true, rank: 'a' },
      ];

      beforeEach(async () => {
        for (const doc of seed) await store.create('items', doc);
      });

      it('without conditions returns every document', async () => {
        expect(await where({})).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
        expect((await store.query('items')).length).toBe(6);
      });

      it('returns whole documents', async () => {
        expect(await store.query('items', { where: { _id: 'a' } })).toEqual([seed[0]]);
      });

      it('bare scalar and $eq mean equality, on strings, numbers and _id', async () => {
        expect(await where({ city: '北京' })).toEqual(['c']);
        expect(await where({ age: 25 })).toEqual(['b', 'd']);
        expect(await where({ age: { $eq: 30 } })).toEqual(['a', 'f']);
        expect(await where({ _id: 'e' })).toEqual(['e']);
        expect(await where({ name: 'alice' })).toEqual([]);
      });

      it('equality on booleans', async () => {
        expect(await where({ active: true })).toEqual(['a', 'c', 'e', 'f']);
        expect(await where({ active: false })).toEqual(['b', 'd']);
        expect(await where({ active: { $eq: false } })).toEqual(['b', 'd']);
        expect(await where({ active: { $ne: true } })).toEqual(['b', 'd']);
      });

      it('null matches a missing field or a null value', async () => {
        expect(await where({ rank: null })).toEqual(['c', 'd']);
        expect(await where({ rank: { $eq: null } })).toEqual(['c', 'd']);
        expect(await where({ 'info.level': null })).toEqual(['e', 'f']);
      });

      it('$ne matches documents where the field is missing; $ne null means present', async () => {
        expect(await where({ rank: { $ne: 'a' } })).toEqual(['a', 'c', 'd', 'e']);
        expect(await where({ rank: { $ne: null } })).toEqual(['a', 'b', 'e', 'f']);
      });

      it('$in, including null for missing or null', async () => {
        expect(await where({ rank: { $in: ['a', 'c'] } })).toEqual(['b', 'e', 'f']);
        expect(await where({ rank: { $in: ['b', null] } })).toEqual(['a', 'c', 'd']);
        expect(await where({ age: { $in: [25, 40] } })).toEqual(['b', 'd', 'e']);
        expect(await where({ rank: { $in: [] } })).toEqual([]);
      });

      it('$gt, $gte, $lt, $lte on numbers and strings, and ranges on one field', async () => {
        expect(await where({ age: { $gt: 30 } })).toEqual(['c', 'e']);
        expect(await where({ age: { $gte: 30 } })).toEqual(['a', 'c', 'e', 'f']);
        expect(await where({ age: { $lt: 30 } })).toEqual(['b', 'd']);
        expect(await where({ age: { $lte: 25 } })).toEqual(['b', 'd']);
        expect(await where({ age: { $gte: 25, $lt: 35 } })).toEqual(['a', 'b', 'd', 'f']);
        expect(await where({ rank: { $gt: 'a' } })).toEqual(['a', 'e']);
        expect(await where({ rank: { $lte: 'b' } })).toEqual(['a', 'b', 'f']);
        expect(await where({ 'info.level': { $gte: 2 } })).toEqual(['a', 'c', 'd']);
      });

      it('$contains is a case-insensitive substring match, Chinese included, metacharacters literal', async () => {
        expect(await where({ name: { $contains: 'alice' } })).toEqual(['a', 'd']);
        expect(await where({ name: { $contains: 'ALI' } })).toEqual(['a', 'd']);
        expect(await where({ city: { $contains: '北京' } })).toEqual(['a', 'c']);
        expect(await where({ city: { $contains: '市' } })).toEqual(['a', 'b']);
        expect(await where({ name: { $contains: '伟' } })).toEqual(['e']);
        expect(await where({ name: { $contains: 'a.b(c)*' } })).toEqual(['f']);
        expect(await where({ name: { $contains: '.' } })).toEqual(['f']);
        expect(await where({ name: { $contains: 'zzz' } })).toEqual([]);
      });

      it('conditions on several fields must all hold', async () => {
        expect(await where({ active: true, age: { $gte: 30 }, score: 88 })).toEqual(['a', 'c']);
        expect(await where({ city: { $contains: '北京' }, age: { $gt: 30 } })).toEqual(['c']);
      });

      it('orders by several fields, ascending and descending', async () => {
        expect(
          await queryIds({
            orderBy: [
              ['score', 'desc'],
              ['age', 'asc'],
            ],
          }),
        ).toEqual(['e', 'b', 'a', 'c', 'd', 'f']);
        expect(
          await queryIds({
            orderBy: [
              ['age', 'asc'],
              ['name', 'desc'],
            ],
          }),
        ).toEqual(['d', 'b', 'f', 'a', 'c', 'e']);
        expect(await queryIds({ orderBy: [['name', 'asc']], where: { active: true } })).toEqual(['a', 'c', 'f', 'e']);
        expect(await queryIds({ orderBy: [['_id', 'desc']] })).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
      });

      it('missing and null values sort first ascending and last descending', async () => {
        const asc = await queryIds({
          orderBy: [
            ['rank', 'asc'],
            ['_id', 'asc'],
          ],
        });
        expect(asc.slice(0, 2).sort()).toEqual(['c', 'd']);
        expect(asc.slice(2)).toEqual(['b', 'f', 'a', 'e']);
        const desc = await queryIds({
          orderBy: [
            ['rank', 'desc'],
            ['_id', 'asc'],
          ],
        });
        expect(desc.slice(0, 4)).toEqual(['e', 'a', 'b', 'f']);
        expect(desc.slice(4).sort()).toEqual(['c', 'd']);
      });

      it('orders by a dotted field', async () => {
        expect(
          await queryIds({
            where: { 'info.level': { $ne: null } },
            orderBy: [
              ['info.level', 'desc'],
              ['_id', 'asc'],
            ],
          }),
        ).toEqual(['c', 'a', 'd', 'b']);
      });

      it('limit and skip page through ordered results', async () => {
        const orderBy: QueryOptions['orderBy'] = [['_id', 'asc']];
        expect(await queryIds({ orderBy, limit: 2 })).toEqual(['a', 'b']);
        expect(await queryIds({ orderBy, limit: 2, skip: 2 })).toEqual(['c', 'd']);
        expect(await queryIds({ orderBy, limit: 10, skip: 4 })).toEqual(['e', 'f']);
        expect(await queryIds({ orderBy, skip: 6 })).toEqual([]);
        expect(await queryIds({ orderBy, where: { active: true }, skip: 1, limit: 2 })).toEqual(['c', 'e']);
      });

      it('count counts matching documents', async () => {
        expect(await store.count('items')).toBe(6);
        expect(await store.count('items', {})).toBe(6);
        expect(await store.count('items', { active: true })).toBe(4);
        expect(await store.count('items', { rank: null, age: { $lt: 30 } })).toBe(1);
        expect(await store.count('items', { name: { $contains: 'ALICE' } })).toBe(2);
        expect(await store.count('nothing_here')).toBe(0);
      });

      it('a collection never written to is empty', async () => {
        expect(await store.query('nothing_here')).toEqual([]);
        expect(await store.get('nothing_here', 'a')).toBeNull();
      });

      it('rejects a limit above 1000, below 1, or a negative skip with InvalidQueryError', async () => {
        await expect(store.query('items', { limit: 1001 })).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(store.query('items', { limit: 0 })).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(store.query('items', { limit: 2.5 })).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(store.query('items', { skip: -1 })).rejects.toBeInstanceOf(InvalidQueryError);
        expect((await store.query('items', { limit: 1000 })).length).toBe(6);
      });

      it('rejects bad collection names, field names and operators with InvalidQueryError', async () => {
        await expect(store.query('bad name')).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(store.get('bad-name', 'a')).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(store.query('items', { where: { 'a b': 1 } })).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(store.count('items', { "x'": 1 })).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(store.query('items', { orderBy: [['age desc', 'asc']] })).rejects.toBeInstanceOf(
          InvalidQueryError,
        );
        const unsupported = { age: { $regex: 'x' } } as unknown as Filter;
        await expect(store.query('items', { where: unsupported })).rejects.toBeInstanceOf(InvalidQueryError);
      });

      it(
        'returns at most 100 documents by default and up to 1000 when asked',
        async () => {
          await Promise.all(
            Array.from({ length: 150 }, (_, i) => store.create('bulk', { _id: `n${String(i).padStart(3, '0')}`, i })),
          );
          expect((await store.query('bulk')).length).toBe(100);
          expect((await store.query('bulk', { limit: 1000 })).length).toBe(150);
          expect(await store.count('bulk')).toBe(150);
          const last = await store.query<Item>('bulk', { orderBy: [['i', 'desc']], limit: 1 });
          expect(last[0]._id).toBe('n149');
        },
        SLOW,
      );
    });

    describe('transactions', () => {
      it('commits every write and returns the result of the work', async () => {
        await store.create('items', { _id: 'keep', n: 1 });
        await store.create('items', { _id: 'drop' });
        const result = await store.transaction(async (tx) => {
          await tx.create('items', { _id: 'new', n: 0 });
          await tx.set('others', { _id: 'o', label: '其他' });
          expect(await tx.update('items', 'keep', { $inc: { n: 1 }, $set: { touched: true } })).toBe(true);
          expect(await tx.remove('items', 'drop')).toBe(true);
          return 'done';
        });
        expect(result).toBe('done');
        expect(await store.get('items', 'new')).toEqual({ _id: 'new', n: 0 });
        expect(await store.get('others', 'o')).toEqual({ _id: 'o', label: '其他' });
        expect(await store.get('items', 'keep')).toEqual({ _id: 'keep', n: 2, touched: true });
        expect(await store.get('items', 'drop')).toBeNull();
      });

      it('applies none of the writes when the work throws, and rethrows the original error', async () => {
        await store.create('items', { _id: 'keep', n: 1 });
        const failure = new Error('business rule broken');
        const error = await store
          .transaction(async (tx) => {
            await tx.create('items', { _id: 'new' });
            await tx.update('items', 'keep', { $inc: { n: 1 } });
            await tx.remove('items', 'keep');
            await tx.set('others', { _id: 'o' });
            throw failure;
          })
          .catch((e: unknown) => e);
        expect(error).toBe(failure);
        expect(await store.get('items', 'new')).toBeNull();
        expect(await store.get('items', 'keep')).toEqual({ _id: 'keep', n: 1 });
        expect(await store.get('others', 'o')).toBeNull();
      });

      it('reads inside a transaction see its own writes', async () => {
        await store.create('items', { _id: 'old', n: 1, nested: { a: 1 } });
        await store.transaction(async (tx) => {
          await tx.create('items', { _id: 'new', v: '新' });
          expect(await tx.get('items', 'new')).toEqual({ _id: 'new', v: '新' });
          await tx.update('items', 'old', { $inc: { n: 4 }, $set: { 'nested.b': 2 } });
          expect(await tx.get('items', 'old')).toEqual({ _id: 'old', n: 5, nested: { a: 1, b: 2 } });
          await tx.set('items', { _id: 'new', v: '替换' });
          expect(await tx.get('items', 'new')).toEqual({ _id: 'new', v: '替换' });
          expect(await tx.remove('items', 'old')).toBe(true);
          expect(await tx.get('items', 'old')).toBeNull();
          expect(await tx.update('items', 'old', { $inc: { n: 1 } })).toBe(false);
          expect(await tx.get('items', 'missing')).toBeNull();
        });
        expect(await store.get('items', 'old')).toBeNull();
        expect(await store.get('items', 'new')).toEqual({ _id: 'new', v: '替换' });
      });

      it('update and remove of a missing document inside a transaction return false', async () => {
        await store.transaction(async (tx) => {
          expect(await tx.update('items', 'ghost', { $set: { a: 1 } })).toBe(false);
          expect(await tx.remove('items', 'ghost')).toBe(false);
        });
        expect(await store.get('items', 'ghost')).toBeNull();
      });

      it('create inside a transaction on an existing id throws DuplicateIdError', async () => {
        await store.create('items', { _id: 'taken', v: 1 });
        const error = await store
          .transaction(async (tx) => {
            await tx.create('items', { _id: 'other' });
            await tx.create('items', { _id: 'taken', v: 2 });
          })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateIdError);
        expect(error).toMatchObject({ collection: 'items', id: 'taken' });
        expect(await store.get('items', 'taken')).toEqual({ _id: 'taken', v: 1 });
        expect(await store.get('items', 'other')).toBeNull();
      });

      it('create inside a transaction of an id it created itself throws DuplicateIdError', async () => {
        const error = await store
          .transaction(async (tx) => {
            await tx.create('items', { _id: 'twice' });
            await tx.create('items', { _id: 'twice' });
          })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateIdError);
        expect(await store.get('items', 'twice')).toBeNull();
      });

      it('a work that catches DuplicateIdError can carry on and commit', async () => {
        await store.create('items', { _id: 'taken' });
        await store.transaction(async (tx) => {
          await tx.create('items', { _id: 'taken' }).catch((e: unknown) => {
            if (!(e instanceof DuplicateIdError)) throw e;
          });
          await tx.update('items', 'taken', { $set: { seen: true } });
        });
        expect(await store.get('items', 'taken')).toEqual({ _id: 'taken', seen: true });
      });

      it('isolation: uncommitted writes are invisible outside until commit', async () => {
        await store.create('items', { _id: 'existing', n: 1 });
        const writesDone = deferred();
        const release = deferred();
        const running = store.transaction(async (tx: TxStore) => {
          await tx.create('items', { _id: 'pending', v: 'new' });
          await tx.update('items', 'existing', { $set: { n: 2 } });
          writesDone.resolve();
          await release.promise;
        });
        await writesDone.promise;

        expect(await store.get('items', 'pending')).toBeNull();
        expect(await store.get('items', 'existing')).toEqual({ _id: 'existing', n: 1 });
        expect(await where({ n: 2 })).toEqual([]);
        expect(await where({})).toEqual(['existing']);
        expect(await store.count('items')).toBe(1);
        const seenByOther = await store.transaction(async (tx) => ({
          pending: await tx.get('items', 'pending'),
          existing: await tx.get('items', 'existing'),
        }));
        expect(seenByOther).toEqual({ pending: null, existing: { _id: 'existing', n: 1 } });

        release.resolve();
        await running;
        expect(await store.get('items', 'pending')).toEqual({ _id: 'pending', v: 'new' });
        expect(await store.get('items', 'existing')).toEqual({ _id: 'existing', n: 2 });
        expect(await where({ n: 2 })).toEqual(['existing']);
      });

      it('isolation: a removal inside a suspended transaction is invisible until commit', async () => {
        await store.create('items', { _id: 'victim' });
        const removed = deferred();
        const release = deferred();
        const running = store.transaction(async (tx) => {
          await tx.remove('items', 'victim');
          removed.resolve();
          await release.promise;
        });
        await removed.promise;
        expect(await store.get('items', 'victim')).toEqual({ _id: 'victim' });
        release.resolve();
        await running;
        expect(await store.get('items', 'victim')).toBeNull();
      });

      it(
        'concurrency: 50 transactions reading then $inc-ing one counter lose no update',
        async () => {
          await store.create('counters', { _id: 'c', n: 0 });
          await Promise.all(
            Array.from({ length: 50 }, () =>
              store.transaction(async (tx) => {
                const doc = await tx.get<Item>('counters', 'c');
                if (!doc) throw new Error('counter vanished');
                await tx.update('counters', 'c', { $inc: { n: 1 } });
              }),
            ),
          );
          expect(await store.get('counters', 'c')).toEqual({ _id: 'c', n: 50 });
        },
        SLOW,
      );

      it(
        'concurrency: 50 read-modify-write transactions ($set n+1) on one document lose no update',
        async () => {
          await store.create('counters', { _id: 'c', n: 0 });
          await Promise.all(
            Array.from({ length: 50 }, () =>
              store.transaction(async (tx) => {
                const doc = await tx.get<Doc & { n: number }>('counters', 'c');
                if (!doc) throw new Error('counter vanished');
                await tx.update('counters', 'c', { $set: { n: doc.n + 1 } });
              }),
            ),
          );
          expect(await store.get('counters', 'c')).toEqual({ _id: 'c', n: 50 });
        },
        SLOW,
      );

      it(
        'concurrency: of 100 concurrent creates of one id exactly one succeeds',
        async () => {
          const results = await Promise.allSettled(
            Array.from({ length: 100 }, (_, i) => store.create('items', { _id: 'race', winner: i })),
          );
          const won = results.filter((r) => r.status === 'fulfilled');
          const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
          expect(won.length).toBe(1);
          expect(lost.length).toBe(99);
          for (const reason of lost) expect(reason).toBeInstanceOf(DuplicateIdError);
          const index = results.findIndex((r) => r.status === 'fulfilled');
          expect(await store.get('items', 'race')).toEqual({ _id: 'race', winner: index });
        },
        SLOW,
      );

      // A handler that loses a create race answers with the winner's document (a repeated sign-in
      // answers the original time): the document must be readable the moment the create fails, even
      // while the winning write waits for its commit (a SQLite file commits each turn's writes together
      // and serves plain reads from a second connection).
      type Create = (doc: Item) => Promise<unknown>;
      const plain: Create = (doc) => store.create('items', doc);
      const inTransaction: Create = (doc) => store.transaction((tx) => tx.create('items', doc));
      const afterAnotherWrite: Create = (doc) =>
        store.transaction(async (tx) => {
          await tx.set('items', { _id: `beside-${String(doc.by)}` });
          await tx.create('items', doc);
        });
      it.each<[string, Create, Create]>([
        ['plain, then plain', plain, plain],
        ['plain, then in a transaction', plain, inTransaction],
        ['in a transaction, then plain', inTransaction, plain],
        ['in a transaction, then in a transaction', inTransaction, inTransaction],
        ['plain, then in a transaction that wrote before', plain, afterAnotherWrite],
        ['in a transaction that wrote before, then in a transaction', afterAnotherWrite, inTransaction],
      ])('a failed duplicate create is followed by a get that sees the document (%s)', async (_, first, second) => {
        const outcome = (by: string, create: Create) =>
          create({ _id: 'dup', by }).then(
            () => 'created',
            async (error: unknown) => {
              if (!(error instanceof DuplicateIdError)) throw error;
              return (await store.get<Item>('items', 'dup'))?.by ?? 'nothing';
            },
          );
        // Started in one turn, as requests arriving together are.
        const outcomes = await Promise.all([outcome('first', first), outcome('second', second)]);
        const winner = outcomes.indexOf('created') === 0 ? 'first' : 'second';
        expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
        expect(outcomes.filter((o) => o !== 'created')).toEqual([winner]);
        expect(await store.get('items', 'dup')).toEqual({ _id: 'dup', by: winner });
      });

      it(
        'concurrency: of 20 concurrent transactions creating one id exactly one commits',
        async () => {
          const results = await Promise.allSettled(
            Array.from({ length: 20 }, (_, i) =>
              store.transaction(async (tx) => {
                await tx.create('items', { _id: 'race', winner: i });
                await tx.create('items', { _id: `by-${i}` });
              }),
            ),
          );
          const won = results.filter((r) => r.status === 'fulfilled');
          expect(won.length).toBe(1);
          for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateIdError);
          expect(await store.count('items')).toBe(2);
        },
        SLOW,
      );
    });
  });
}
