import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Query, find, update as applyOperator } from 'mingo';

/**
 * The in-memory database behind the CloudBase test double: named collections (which, as on
 * CloudBase, must be created before use) of documents keyed by a string `_id`, with filters,
 * sorts and update operators evaluated by mingo under MongoDB semantics.
 *
 * Every document keeps a short history of versions stamped with a global sequence number, which
 * gives transactions snapshot isolation as MongoDB (under CloudBase) does: a transaction reads the
 * state as of its start plus its own buffered writes; its first write to a document locks that
 * document, and fails with a write conflict when another live transaction holds the lock or the
 * document changed after the snapshot. Commit re-checks (writes made outside any transaction do
 * not wait for locks here, so they can still invalidate it) and applies every write at one
 * sequence number. A failed write aborts the transaction, as in MongoDB.
 */

export type Document = Record<string, unknown> & { _id: string };
type Version = { seq: number; doc: Document | null };
type Key = string;
type UpdateExpression = Parameters<typeof applyOperator>[1];

/** An error the server answers with: `code` as CloudBase spells it, `message` as its text. */
export class DatabaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (message: string) => new DatabaseError('INVALID_PARAM', message);
const missingCollection = (collection: string) =>
  new DatabaseError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${collection}`);

interface Transaction {
  id: string;
  snapshot: number;
  writes: Map<Key, { collection: string; id: string; doc: Document | null }>;
  aborted: boolean;
}

export interface Selection {
  collection: string;
  criteria: Record<string, unknown>;
  /** Whether the request may touch more than one document. */
  multi: boolean;
  transactionId?: string;
}

export interface FindOptions {
  order?: Record<string, unknown>;
  offset?: number;
  limit: number;
  projection?: Record<string, unknown>;
}

const keyOf = (collection: string, id: string): Key => `${collection}\u0000${id}`;
const newId = (): string => randomBytes(16).toString('hex');
const isOperatorDocument = (data: Record<string, unknown>) => Object.keys(data).every((key) => key.startsWith('$'));

export class DoubleDatabase {
  private readonly collections = new Map<string, Map<string, Version[]>>();
  private readonly transactions = new Map<string, Transaction>();
  private readonly locks = new Map<Key, string>();
  private seq = 0;

  constructor(private readonly env: string) {}

  reset(): void {
    this.collections.clear();
    this.transactions.clear();
    this.locks.clear();
  }

  /** The collections that exist, by name. */
  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  addCollection(name: string): void {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw invalid(`invalid collection name: ${name}`);
    if (this.collections.has(name))
      throw new DatabaseError('DATABASE_COLLECTION_ALREADY_EXIST', '[ResourceInUse] Table exist.');
    this.collections.set(name, new Map());
  }

  // --- transactions ---------------------------------------------------------------------------

  startTransaction(): string {
    const tx: Transaction = { id: newId(), snapshot: this.seq, writes: new Map(), aborted: false };
    this.transactions.set(tx.id, tx);
    return tx.id;
  }

  commitTransaction(id: string): void {
    const tx = this.liveTransaction(id);
    for (const [key, write] of tx.writes)
      if (this.lastSeq(key) > tx.snapshot) this.conflict(tx, write.collection, write.id);
    const seq = ++this.seq;
    for (const write of tx.writes.values()) this.append(write.collection, write.id, seq, write.doc);
    this.end(tx);
  }

  abortTransaction(id: string): void {
    const tx = this.transactions.get(id);
    if (!tx) throw invalid(`transaction ${id} does not exist`);
    this.end(tx);
  }

  private liveTransaction(id: string): Transaction {
    const tx = this.transactions.get(id);
    if (!tx) throw invalid(`transaction ${id} does not exist`);
    if (tx.aborted)
      throw new DatabaseError(
        'DATABASE_TRANSACTION_CONFLICT',
        `[FailedOperation.TransactionConflict] transaction ${id} was aborted by an earlier failed write`,
      );
    return tx;
  }

  private release(tx: Transaction): void {
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key);
  }

  private end(tx: Transaction): void {
    this.release(tx);
    this.transactions.delete(tx.id);
  }

  /** A failed write aborts the transaction (its locks go; commit will fail), as in MongoDB. */
  private fail(tx: Transaction | undefined): void {
    if (!tx) return;
    tx.aborted = true;
    this.release(tx);
  }

  private conflict(tx: Transaction, collection: string, id: string): never {
    this.fail(tx);
    throw new DatabaseError(
      'DATABASE_TRANSACTION_CONFLICT',
      `[FailedOperation.TransactionConflict] Transaction is conflict, maybe resource ${collection}/${id} is being used by other transaction`,
    );
  }

  // --- versions -------------------------------------------------------------------------------

  private history(collection: string): Map<string, Version[]> {
    const docs = this.collections.get(collection);
    if (!docs) throw missingCollection(collection);
    return docs;
  }

  private lastSeq(key: Key): number {
    const [collection, id] = key.split('\u0000');
    const versions = this.collections.get(collection)?.get(id);
    return versions?.[versions.length - 1].seq ?? 0;
  }

  private latest(collection: string, id: string): Document | null {
    const versions = this.history(collection).get(id);
    return versions?.[versions.length - 1].doc ?? null;
  }

  private at(collection: string, id: string, snapshot: number): Document | null {
    const versions = this.history(collection).get(id) ?? [];
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= snapshot) return versions[i].doc;
    return null;
  }

  private append(collection: string, id: string, seq: number, doc: Document | null): void {
    const docs = this.history(collection);
    const versions = [...(docs.get(id) ?? []), { seq, doc }];
    // Drop versions no live transaction can still see.
    const floor = Math.min(this.seq, ...[...this.transactions.values()].map((tx) => tx.snapshot));
    while (versions.length > 1 && versions[1].seq <= floor) versions.shift();
    if (versions.length === 1 && versions[0].doc === null && versions[0].seq <= floor) docs.delete(id);
    else docs.set(id, versions);
  }

  /** A write outside any transaction: applied at once, at its own sequence number. */
  private writeNow(collection: string, id: string, doc: Document | null): void {
    this.append(collection, id, ++this.seq, doc);
  }

  /** A write inside a transaction: buffered, and the document locked for it. */
  private writeInTransaction(tx: Transaction, collection: string, id: string, doc: Document | null): void {
    this.history(collection);
    const key = keyOf(collection, id);
    const owner = this.locks.get(key);
    if ((owner !== undefined && owner !== tx.id) || this.lastSeq(key) > tx.snapshot) this.conflict(tx, collection, id);
    this.locks.set(key, tx.id);
    tx.writes.set(key, { collection, id, doc });
  }

  private readInTransaction(tx: Transaction, collection: string, id: string): Document | null {
    this.history(collection);
    const pending = tx.writes.get(keyOf(collection, id));
    return pending ? pending.doc : this.at(collection, id, tx.snapshot);
  }

  // --- operations -----------------------------------------------------------------------------

  /** Transactions address documents by `_id` only, as on CloudBase. */
  private idOnly(criteria: Record<string, unknown>): string {
    const keys = Object.keys(criteria);
    if (keys.length !== 1 || typeof criteria._id !== 'string')
      throw invalid('only single documents addressed by _id can be used in a transaction');
    return criteria._id;
  }

  /** The documents a selection targets, with the transaction to write them in, if any. */
  private select(selection: Selection): { tx?: Transaction; docs: Document[] } {
    if (selection.transactionId !== undefined) {
      const tx = this.liveTransaction(selection.transactionId);
      const doc = this.readInTransaction(tx, selection.collection, this.idOnly(selection.criteria));
      return { tx, docs: doc ? [doc] : [] };
    }
    const query = new Query(selection.criteria);
    const docs: Document[] = [];
    for (const id of this.history(selection.collection).keys()) {
      const doc = this.latest(selection.collection, id);
      if (doc && query.test(doc)) docs.push(doc);
      if (docs.length && !selection.multi) break;
    }
    return { docs };
  }

  private write(tx: Transaction | undefined, collection: string, id: string, doc: Document | null): void {
    if (tx) this.writeInTransaction(tx, collection, id, doc);
    else this.writeNow(collection, id, doc);
  }

  find(selection: Selection, options: FindOptions): Document[] {
    const { docs } = this.select({ ...selection, multi: true });
    if (options.limit > 1000) throw invalid('limit must not exceed 1000');
    let cursor = find(docs, {}, options.projection);
    if (options.order) cursor = cursor.sort(options.order);
    return cursor
      .skip(options.offset ?? 0)
      .limit(options.limit)
      .all()
      .map((doc) => structuredClone(doc) as Document);
  }

  count(selection: Selection): number {
    if (selection.transactionId !== undefined) throw invalid('count is not supported in a transaction');
    return this.select({ ...selection, multi: true }).docs.length;
  }

  insert(collection: string, docs: Record<string, unknown>[], transactionId?: string): string[] {
    const tx = transactionId === undefined ? undefined : this.liveTransaction(transactionId);
    return docs.map((data) => {
      const id = data._id ?? newId();
      if (typeof id !== 'string') throw invalid('_id must be a string');
      const existing = tx ? this.readInTransaction(tx, collection, id) : this.latest(collection, id);
      if (existing) {
        this.fail(tx);
        throw new DatabaseError(
          'DATABASE_REQUEST_FAILED',
          `[FailedOperation] multiple write errors: [{write errors: [{E11000 duplicate key error collection: ${this.env}.${collection} index: _id_ dup key: { _id: "${id}" }}]}, {<nil>}]`,
        );
      }
      this.write(tx, collection, id, { ...structuredClone(data), _id: id });
      return id;
    });
  }

  /**
   * `merge` updates apply operators (`$set`, `$inc`, ...); otherwise `data` replaces the
   * document. `updated` counts documents actually changed, as MongoDB's `nModified` does.
   */
  modify(
    selection: Selection,
    data: Record<string, unknown>,
    flags: { merge: boolean; upsert: boolean },
  ): { updated: number; matched: number; upsertedId?: string } {
    if ('_id' in data || Object.entries(data).some(([key, fields]) => key.startsWith('$') && hasIdPath(fields)))
      throw invalid('不能更新_id的值');
    if (flags.merge !== (Object.keys(data).length > 0 && isOperatorDocument(data)))
      throw invalid(flags.merge ? 'a merge update takes update operators only' : 'a replacement takes no operators');
    const { tx, docs } = this.select(selection);
    let updated = 0;
    for (const doc of docs) {
      const next = flags.merge ? applyOperators(doc, data) : { ...structuredClone(data), _id: doc._id };
      if (!isDeepStrictEqual(next, doc)) {
        this.write(tx, selection.collection, doc._id, next);
        updated++;
      }
    }
    if (docs.length || !flags.upsert) return { updated, matched: docs.length };
    const id = typeof selection.criteria._id === 'string' ? selection.criteria._id : newId();
    const created = flags.merge ? applyOperators({ _id: id }, data) : { ...structuredClone(data), _id: id };
    this.write(tx, selection.collection, id, created);
    return { updated: 0, matched: 0, upsertedId: id };
  }

  remove(selection: Selection): number {
    const { tx, docs } = this.select(selection);
    for (const doc of docs) this.write(tx, selection.collection, doc._id, null);
    return docs.length;
  }
}

function hasIdPath(fields: unknown): boolean {
  return (
    typeof fields === 'object' && fields !== null && Object.keys(fields).some((path) => path.split('.')[0] === '_id')
  );
}

function applyOperators(doc: Document, data: Record<string, unknown>): Document {
  const next = structuredClone(doc);
  for (const [operator, fields] of Object.entries(data)) {
    try {
      applyOperator(next, { [operator]: fields } as UpdateExpression);
    } catch (error) {
      throw invalid(`cannot apply ${operator}: ${(error as Error).message}`);
    }
  }
  return next;
}
