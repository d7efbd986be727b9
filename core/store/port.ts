/**
 * The document-store port. Its shape follows what CloudBase's database can do, so that the
 * SQLite adapter (local host) and the CloudBase adapter (WeChat cloud) both implement it natively:
 *
 * - documents addressed by a string `_id`; `create` fails on an existing id (the uniqueness and
 *   idempotency mechanism on both backends);
 * - updates with `$set` and atomic `$inc` (dotted paths allowed);
 * - indexed queries with a conjunction of field conditions, order, limit and skip; count;
 * - transactions over documents addressed by id only: CloudBase allows no queries inside one.
 */

export type Scalar = string | number | boolean | null;

export interface Doc {
  _id: string;
}

/** A condition on one field. A bare scalar means equality. */
export type Condition =
  | Scalar
  | {
      $eq?: Scalar;
      $ne?: Scalar;
      $in?: Scalar[];
      $gt?: string | number;
      $gte?: string | number;
      $lt?: string | number;
      $lte?: string | number;
      /** Case-insensitive substring match on a string field. */
      $contains?: string;
    };

/** All conditions must hold. Keys are field names, dotted for nested fields. */
export type Filter = Record<string, Condition>;

export interface Update {
  $set?: Record<string, unknown>;
  $inc?: Record<string, number>;
}

export type SortDirection = 'asc' | 'desc';

export interface QueryOptions {
  where?: Filter;
  orderBy?: Array<[field: string, direction: SortDirection]>;
  /** At most {@link MAX_QUERY_LIMIT}; CloudBase's server SDK caps a page at 1000. */
  limit?: number;
  skip?: number;
}

export const MAX_QUERY_LIMIT = 1000;
export const DEFAULT_QUERY_LIMIT = 100;

/** Operations allowed inside a transaction: by id only. */
export interface TxStore {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  /** Throws {@link DuplicateIdError} when a document with this id exists. */
  create<T extends Doc>(collection: string, doc: T): Promise<void>;
  /** Creates or replaces the whole document. */
  set<T extends Doc>(collection: string, doc: T): Promise<void>;
  /** Returns false when the document does not exist (nothing is written). */
  update(collection: string, id: string, update: Update): Promise<boolean>;
  /** Returns false when the document did not exist. */
  remove(collection: string, id: string): Promise<boolean>;
}

export interface DocStore extends TxStore {
  query<T extends Doc>(collection: string, options?: QueryOptions): Promise<T[]>;
  count(collection: string, where?: Filter): Promise<number>;
  /**
   * Runs `work` atomically: its writes become visible to others only when it returns, and all
   * or none of them apply. `work` may be run again when a concurrent writer got there first, so
   * it must not have side effects outside the transaction.
   */
  transaction<R>(work: (tx: TxStore) => Promise<R>): Promise<R>;
  /**
   * Creates those of `collections` that do not exist yet and names them; idempotent. Only stores
   * whose collections must be created before use (CloudBase) have it.
   */
  prepare?(collections: readonly string[]): Promise<{ created: string[] }>;
  close?(): Promise<void> | void;
}

/**
 * A store seen through a map of collection names to document types (core's is `Collections`, in
 * `core/shared/collections.ts`): a misspelt collection or a document of the wrong shape fails to
 * compile. The adapters implement the plain {@link DocStore}, which any such view accepts.
 */
export interface TypedTxStore<C extends DocumentMap<C>> {
  get<K extends keyof C & string>(collection: K, id: string): Promise<C[K] | null>;
  /** Throws {@link DuplicateIdError} when a document with this id exists. */
  create<K extends keyof C & string>(collection: K, doc: C[K]): Promise<void>;
  /** Creates or replaces the whole document. */
  set<K extends keyof C & string>(collection: K, doc: C[K]): Promise<void>;
  /** Returns false when the document does not exist (nothing is written). */
  update<K extends keyof C & string>(collection: K, id: string, update: Update): Promise<boolean>;
  /** Returns false when the document did not exist. */
  remove<K extends keyof C & string>(collection: K, id: string): Promise<boolean>;
}

export interface TypedDocStore<C extends DocumentMap<C>> extends TypedTxStore<C> {
  query<K extends keyof C & string>(collection: K, options?: QueryOptions): Promise<Array<C[K]>>;
  count<K extends keyof C & string>(collection: K, where?: Filter): Promise<number>;
  /** As {@link DocStore.transaction}. */
  transaction<R>(work: (tx: TypedTxStore<C>) => Promise<R>): Promise<R>;
  /** As {@link DocStore.prepare}. */
  prepare?(collections: ReadonlyArray<keyof C & string>): Promise<{ created: string[] }>;
  close?(): Promise<void> | void;
}

/** Collection names mapped to the type of their documents. */
export type DocumentMap<C> = { [K in keyof C]: Doc };

export class DuplicateIdError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`document ${collection}/${id} already exists`);
    this.name = 'DuplicateIdError';
  }
}

export class TransactionConflictError extends Error {
  constructor(message = 'transaction kept conflicting with concurrent writes') {
    super(message);
    this.name = 'TransactionConflictError';
  }
}

export class InvalidQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidQueryError';
  }
}
