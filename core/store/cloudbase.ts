import {
  DEFAULT_QUERY_LIMIT,
  DuplicateIdError,
  InvalidQueryError,
  MAX_QUERY_LIMIT,
  TransactionConflictError,
  type Condition,
  type Doc,
  type DocStore,
  type Filter,
  type QueryOptions,
  type TxStore,
  type Update,
} from './port';

/**
 * The CloudBase adapter: the document store on WeChat cloud development's database, through the
 * database object of wx-server-sdk (`cloud.database()`), which the caller passes in so that this
 * module never loads the SDK itself.
 *
 * How the SDK behaves, and what the adapter does about it:
 * - `doc(id).get()` throws "document with _id … does not exist" for a missing document unless the
 *   database was made with `{ throwOnNotFound: false }`; both are read as null.
 * - `update({ data: { a: { b: 1 } } })` flattens nested objects into dotted paths, i.e. merges;
 *   every `$set` value is therefore wrapped in `command.set()`, which replaces.
 * - `stats.updated` counts documents actually changed (MongoDB's nModified), so an update that
 *   changes nothing reports 0: the adapter then reads the document to tell "unchanged" from "missing".
 * - `set` refuses data holding `_id` or no field at all; a document with only `_id` is stored as a
 *   remove then add inside a transaction.
 * - A duplicate `_id` surfaces as errCode -502001 (DATABASE_REQUEST_FAILED), the code of every
 *   database failure; it is reported as DuplicateIdError only when the document does exist.
 * - Collections must exist before use (-502005): reads of a missing collection find nothing,
 *   and the first write creates the collection and retries.
 * - Queries cap `limit` at 1000 silently; the adapter rejects more with InvalidQueryError.
 * - Transactions (`startTransaction`) run on MongoDB snapshot isolation: a write to a document
 *   that another transaction wrote first fails with a transaction conflict, and a failed write
 *   aborts the transaction. The adapter rolls back and runs the work again, as SqliteStore does.
 */

/** What the adapter uses of wx-server-sdk's database; the SDK's own typings return `Promise<T> | void | string`. */
export interface CloudbaseDatabase {
  readonly command: CloudbaseCommand;
  RegExp(options: { regexp: string; options?: string }): unknown;
  collection(name: string): CloudbaseCollection;
  createCollection(name: string): unknown;
  startTransaction(): unknown;
}

export interface CloudbaseCommand {
  eq(value: unknown): unknown;
  neq(value: unknown): unknown;
  in(values: unknown[]): unknown;
  gt(value: unknown): unknown;
  gte(value: unknown): unknown;
  lt(value: unknown): unknown;
  lte(value: unknown): unknown;
  and(...conditions: unknown[]): unknown;
  set(value: unknown): unknown;
  inc(by: number): unknown;
}

export interface CloudbaseQuery {
  where(condition: unknown): CloudbaseQuery;
  orderBy(field: string, direction: string): CloudbaseQuery;
  skip(offset: number): CloudbaseQuery;
  limit(max: number): CloudbaseQuery;
  get(): unknown;
  count(): unknown;
}

export interface CloudbaseCollection extends CloudbaseQuery {
  doc(id: string): CloudbaseDocument;
  add(options: { data: Record<string, unknown> }): unknown;
}

export interface CloudbaseDocument {
  get(): unknown;
  set(options: { data: Record<string, unknown> }): unknown;
  update(options: { data: Record<string, unknown> }): unknown;
  remove(): unknown;
}

interface CloudbaseTransaction {
  collection(name: string): CloudbaseCollection;
  commit(): unknown;
  rollback(): unknown;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const MAX_ATTEMPTS = 20;
/** Fields CloudBase adds to documents written from a mini-program; not part of the stored shape. */
const SYSTEM_FIELDS = ['_openid'];

/** A random pause, its range doubling from 20 ms up to 1 s, so that conflicting transactions stop retrying in step. */
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 10 * 2 ** attempt)));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// --- errors ---------------------------------------------------------------------------------

function errorOf(error: unknown): { errCode?: number; code?: string; message: string } {
  if (!isRecord(error)) return { message: String(error) };
  const message = [error.errMsg, error.message].find((m): m is string => typeof m === 'string') ?? '';
  return {
    errCode: typeof error.errCode === 'number' ? error.errCode : undefined,
    code: typeof error.code === 'string' ? error.code : undefined,
    message,
  };
}

/** wx-server-sdk has no errCode for a conflict (it becomes -501001): recognise the server's code or text. */
function isConflict(error: unknown): boolean {
  const { code, message } = errorOf(error);
  return (
    code === 'DATABASE_TRANSACTION_CONFLICT' ||
    /TransactionConflict|transaction conflict|TransactionBusy|WriteConflict|NoSuchTransaction/i.test(message)
  );
}

function isMissingCollection(error: unknown): boolean {
  const { errCode, code } = errorOf(error);
  return errCode === -502005 || code === 'DATABASE_COLLECTION_NOT_EXIST';
}

function isRequestFailure(error: unknown): boolean {
  const { errCode, code } = errorOf(error);
  return errCode === -502001 || code === 'DATABASE_REQUEST_FAILED';
}

const isNotFound = (error: unknown): boolean => /document with _id .* does not exist/.test(errorOf(error).message);

// --- answers --------------------------------------------------------------------------------

function field(answer: unknown, key: string): unknown {
  if (!isRecord(answer)) throw new Error(`unexpected answer from CloudBase: ${String(answer)}`);
  return answer[key];
}

function stat(answer: unknown, key: string): number {
  const value = field(field(answer, 'stats'), key);
  return typeof value === 'number' ? value : 0;
}

function toDoc(value: unknown): Doc | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value) || typeof value._id !== 'string') throw new Error('unexpected document from CloudBase');
  const doc: Record<string, unknown> = { ...value };
  for (const name of SYSTEM_FIELDS) delete doc[name];
  return doc as unknown as Doc;
}

async function readDoc(ref: CloudbaseDocument): Promise<Doc | null> {
  let answer: unknown;
  try {
    answer = await ref.get();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const data = field(answer, 'data');
  return toDoc(Array.isArray(data) ? data[0] : data);
}

function asTransaction(value: unknown): CloudbaseTransaction {
  if (!isRecord(value) || typeof value.collection !== 'function' || typeof value.commit !== 'function')
    throw new Error('startTransaction did not return a transaction');
  return value as unknown as CloudbaseTransaction;
}

// --- requests -------------------------------------------------------------------------------

function checkCollection(name: string): string {
  if (!NAME.test(name)) throw new InvalidQueryError(`invalid collection name: ${name}`);
  return name;
}

function checkField(name: string): string {
  if (name !== '_id' && !FIELD.test(name)) throw new InvalidQueryError(`invalid field name: ${name}`);
  return name;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function conditionParts(db: CloudbaseDatabase, condition: Condition): unknown[] {
  if (condition === null || typeof condition !== 'object') return [condition];
  const cmd = db.command;
  const parts: unknown[] = [];
  for (const [op, value] of Object.entries(condition)) {
    if (value === undefined) continue;
    switch (op) {
      case '$eq':
        parts.push(cmd.eq(value));
        break;
      case '$ne':
        parts.push(cmd.neq(value));
        break;
      case '$in':
        if (!Array.isArray(value)) throw new InvalidQueryError('$in takes an array');
        parts.push(cmd.in(value));
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        parts.push(cmd[op.slice(1) as 'gt' | 'gte' | 'lt' | 'lte'](value));
        break;
      case '$contains':
        // The SDK rejects an empty pattern; '^' matches every string just as '' would.
        parts.push(db.RegExp({ regexp: escapeRegExp(String(value)) || '^', options: 'i' }));
        break;
      default:
        throw new InvalidQueryError(`unsupported operator ${op}`);
    }
  }
  return parts;
}

/** Builds the `where` argument; several conditions on one field become a top-level `and`. */
function whereOf(db: CloudbaseDatabase, filter: Filter | undefined): unknown {
  const single: Record<string, unknown> = {};
  const more: Array<Record<string, unknown>> = [];
  for (const [name, condition] of Object.entries(filter ?? {})) {
    const parts = conditionParts(db, condition);
    if (parts.length === 1) single[checkField(name)] = parts[0];
    else for (const part of parts) more.push({ [checkField(name)]: part });
  }
  const hasSingle = Object.keys(single).length > 0;
  if (more.length) return db.command.and(...(hasSingle ? [single] : []), ...more);
  return hasSingle ? single : undefined;
}

/** `$set` and `$inc` as SDK update data, or null when there is nothing to change. */
function updateData(cmd: CloudbaseCommand, update: Update): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  const inc = update.$inc ?? {};
  for (const [path, value] of Object.entries(update.$set ?? {})) {
    if (path === '_id') throw new Error('_id cannot be updated');
    // Same result as applyUpdate's "set, then increment" when a path is in both.
    data[path] = cmd.set(path in inc ? (typeof value === 'number' ? value : 0) + inc[path] : value);
  }
  for (const [path, by] of Object.entries(inc)) {
    if (path === '_id') throw new Error('_id cannot be updated');
    if (!(path in data)) data[path] = cmd.inc(by);
  }
  return Object.keys(data).length ? data : null;
}

const asData = (doc: Doc): Record<string, unknown> => ({ ...(doc as Doc & Record<string, unknown>) });

function fieldsOf(doc: Doc): Record<string, unknown> {
  const { _id: _ignored, ...fields } = doc as Doc & Record<string, unknown>;
  return fields;
}

// --- the store ------------------------------------------------------------------------------

export class CloudbaseStore implements DocStore {
  constructor(private readonly db: CloudbaseDatabase) {}

  private ref(collection: string, id: string): CloudbaseDocument {
    return this.db.collection(checkCollection(collection)).doc(id);
  }

  /** Creates a collection; an error (e.g. it exists already) is left to the retried operation to report. */
  private async ensureCollection(collection: string): Promise<void> {
    try {
      await this.db.createCollection(collection);
    } catch {
      // see above
    }
  }

  /**
   * Creates every one of `collections` that does not exist (初始化). createCollection answers an
   * error for an existing collection too, so a failure counts only when the collection is still
   * missing afterwards. Indexes cannot be created through the SDK (`npm run cloud:indexes`).
   */
  async prepare(collections: readonly string[]): Promise<{ created: string[] }> {
    const created: string[] = [];
    for (const name of collections) {
      try {
        await this.db.createCollection(checkCollection(name));
        created.push(name);
      } catch (error) {
        if (!(await this.exists(name))) throw error;
      }
    }
    return { created };
  }

  private async exists(collection: string): Promise<boolean> {
    try {
      await this.db.collection(collection).count();
      return true;
    } catch (error) {
      if (isMissingCollection(error)) return false;
      throw error;
    }
  }

  private async writing<T>(collection: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isMissingCollection(error)) throw error;
      await this.ensureCollection(collection);
      return write();
    }
  }

  private async reading<T>(read: () => Promise<T>, ifMissing: T): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (isMissingCollection(error)) return ifMissing;
      throw error;
    }
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return (await this.reading(() => readDoc(this.ref(collection, id)), null)) as T | null;
  }

  async create<T extends Doc>(collection: string, doc: T): Promise<void> {
    try {
      const target = this.db.collection(checkCollection(collection));
      await this.writing(collection, async () => target.add({ data: asData(doc) }));
    } catch (error) {
      if (isRequestFailure(error) && (await this.get(collection, doc._id)))
        throw new DuplicateIdError(collection, doc._id);
      throw error;
    }
  }

  async set<T extends Doc>(collection: string, doc: T): Promise<void> {
    const data = fieldsOf(doc);
    if (!Object.keys(data).length) return this.transaction((tx) => tx.set(collection, doc));
    await this.writing(collection, async () => this.ref(collection, doc._id).set({ data }));
  }

  async update(collection: string, id: string, update: Update): Promise<boolean> {
    const data = updateData(this.db.command, update);
    if (!data) return (await this.get(collection, id)) !== null;
    const answer = await this.reading(async () => this.ref(collection, id).update({ data }), null);
    if (answer === null) return false;
    return stat(answer, 'updated') > 0 || (await this.get(collection, id)) !== null;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    const answer = await this.reading(async () => this.ref(collection, id).remove(), null);
    return answer !== null && stat(answer, 'removed') > 0;
  }

  async query<T extends Doc>(collection: string, options: QueryOptions = {}): Promise<T[]> {
    const limit = options.limit ?? DEFAULT_QUERY_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT)
      throw new InvalidQueryError(`limit must be 1..${MAX_QUERY_LIMIT}`);
    const skip = options.skip ?? 0;
    if (!Number.isInteger(skip) || skip < 0) throw new InvalidQueryError('skip must be a non-negative integer');
    let query: CloudbaseQuery = this.db.collection(checkCollection(collection));
    const where = whereOf(this.db, options.where);
    if (where) query = query.where(where);
    for (const [name, direction] of options.orderBy ?? [])
      query = query.orderBy(checkField(name), direction === 'desc' ? 'desc' : 'asc');
    if (skip) query = query.skip(skip);
    query = query.limit(limit);
    const data = await this.reading(async () => field(await query.get(), 'data'), []);
    if (!Array.isArray(data)) throw new Error('unexpected answer from CloudBase: data is not a list');
    return data.map((doc) => toDoc(doc) as T);
  }

  async count(collection: string, where?: Filter): Promise<number> {
    let query: CloudbaseQuery = this.db.collection(checkCollection(collection));
    const condition = whereOf(this.db, where);
    if (condition) query = query.where(condition);
    const total = await this.reading(async () => field(await query.count(), 'total'), 0);
    if (typeof total !== 'number') throw new Error('unexpected answer from CloudBase: total is not a number');
    return total;
  }

  async transaction<R>(work: (tx: TxStore) => Promise<R>): Promise<R> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const raw = asTransaction(await this.db.startTransaction());
      const tx = new Transaction(raw, this.db.command, (collection) => this.ensureCollection(collection));
      let result: R;
      try {
        result = await work(tx);
      } catch (error) {
        await rollback(raw);
        if (tx.broken || isConflict(error)) continue;
        throw error;
      }
      if (tx.broken) {
        await rollback(raw);
        continue;
      }
      try {
        await raw.commit();
        return result;
      } catch (error) {
        await rollback(raw);
        if (isConflict(error)) continue;
        throw error;
      }
    }
    throw new TransactionConflictError();
  }
}

async function rollback(raw: CloudbaseTransaction): Promise<void> {
  try {
    await raw.rollback();
  } catch {
    // Already ended by the server (e.g. aborted by a conflict): nothing left to undo.
  }
}

class Transaction implements TxStore {
  /** Set once the server-side transaction cannot commit any more: the attempt must be run again. */
  broken = false;

  constructor(
    private readonly raw: CloudbaseTransaction,
    private readonly command: CloudbaseCommand,
    private readonly ensureCollection: (collection: string) => Promise<void>,
  ) {}

  private ref(collection: string, id: string): CloudbaseDocument {
    return this.raw.collection(checkCollection(collection)).doc(id);
  }

  /** Runs one request of the transaction; `ifMissing` answers for a collection that does not exist. */
  private async send<T>(collection: string, request: () => Promise<T>, ifMissing?: T): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (isMissingCollection(error) && ifMissing !== undefined) return ifMissing;
      if (isMissingCollection(error)) {
        await this.ensureCollection(collection);
        this.broken = true;
        throw new TransactionConflictError(`collection ${collection} was just created; the transaction runs again`);
      }
      if (isConflict(error)) {
        this.broken = true;
        throw new TransactionConflictError(errorOf(error).message);
      }
      throw error;
    }
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return (await this.send(collection, () => readDoc(this.ref(collection, id)), null)) as T | null;
  }

  async create<T extends Doc>(collection: string, doc: T): Promise<void> {
    if (await this.get(collection, doc._id)) throw new DuplicateIdError(collection, doc._id);
    try {
      const target = this.raw.collection(checkCollection(collection));
      await this.send(collection, async () => target.add({ data: asData(doc) }));
    } catch (error) {
      // Created by someone else since this transaction's snapshot; the failed write aborted it.
      if (isRequestFailure(error) && /duplicate key|E11000/i.test(errorOf(error).message)) {
        this.broken = true;
        throw new DuplicateIdError(collection, doc._id);
      }
      throw error;
    }
  }

  async set<T extends Doc>(collection: string, doc: T): Promise<void> {
    const data = fieldsOf(doc);
    if (!Object.keys(data).length) {
      await this.remove(collection, doc._id);
      return this.create(collection, doc);
    }
    await this.send(collection, async () => this.ref(collection, doc._id).set({ data }));
  }

  async update(collection: string, id: string, update: Update): Promise<boolean> {
    const data = updateData(this.command, update);
    if (!data) return (await this.get(collection, id)) !== null;
    const answer = await this.send(collection, async () => this.ref(collection, id).update({ data }), null);
    if (answer === null) return false;
    return stat(answer, 'updated') > 0 || (await this.get(collection, id)) !== null;
  }

  async remove(collection: string, id: string): Promise<boolean> {
    const answer = await this.send(collection, async () => this.ref(collection, id).remove(), null);
    return answer !== null && stat(answer, 'removed') > 0;
  }
}
