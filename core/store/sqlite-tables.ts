import type Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { InvalidQueryError, type Doc, type Filter, type QueryOptions, type Scalar } from './port';
import { COLLECTIONS } from './schema';
import { column, compileWhere } from './sqlite-filters';
import type { GroupCommit } from './sqlite-group-commit';

/**
 * The tables of the SQLite adapter: one per collection, each document a row `(_id, v, doc)` with
 * its JSON and a version that changes on every write, plus the expression indexes declared in
 * {@link COLLECTIONS}. Writes and the reads of writers go through the writing connection; plain
 * reads go through the read-only one.
 */

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

type Row = { v: number; doc: string };

/** A fresh random version for a written document. */
export const newVersion = (): number => randomInt(1, 2 ** 47);

/** The quoted table name of a collection, once its name is known to be safe in SQL. */
function tableName(collection: string): string {
  if (!NAME.test(collection)) throw new InvalidQueryError(`invalid collection name: ${collection}`);
  return `"${collection}"`;
}

/** The name of the index over `fields` of `collection`. */
const indexName = (collection: string, fields: ReadonlyArray<string>): string =>
  `"${collection}_${fields.join('_').replace(/\./g, '_')}"`;

/**
 * Creates the table of `collection` and its declared indexes unless they exist; returns its quoted
 * name. Outside {@link SqliteTables} for the store's start-up, before its read-only connection opens.
 */
export function createTable(db: Database.Database, collection: string): string {
  const table = tableName(collection);
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, v INTEGER NOT NULL, doc TEXT NOT NULL)`);
  const declared = (COLLECTIONS as Record<string, { indexes: ReadonlyArray<ReadonlyArray<string>> }>)[collection];
  for (const fields of declared?.indexes ?? [])
    db.exec(
      `CREATE INDEX IF NOT EXISTS ${indexName(collection, fields)} ON ${table} (${fields.map(column).join(', ')})`,
    );
  return table;
}

export class SqliteTables {
  private readonly tables: Set<string>;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly readStatements = new Map<string, Database.Statement>();

  /**
   * `writer`: the writing connection; `reader`: plain reads, which see only committed data (the
   * same connection for an in-memory store, which cannot fail to commit). `created`: the tables
   * that exist already ({@link createTable}); any other is created outside any batch of `commits`.
   */
  constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
    private readonly commits: GroupCommit,
    created: Iterable<string>,
  ) {
    this.tables = new Set(created);
  }

  /** A statement of the writing connection. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.writer.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** A statement of the read-only connection (the table must exist: see {@link table}). */
  private readStatement(sql: string): Database.Statement {
    let statement = this.readStatements.get(sql);
    if (!statement) {
      statement = this.reader.prepare(sql);
      this.readStatements.set(sql, statement);
    }
    return statement;
  }

  /** Returns the quoted table name, creating the table and its declared indexes on first use. */
  table(collection: string): string {
    const table = tableName(collection);
    if (!this.tables.has(collection)) {
      // Outside any batch, so that the read-only connection sees the new table at once.
      this.commits.commit();
      createTable(this.writer, collection);
      this.tables.add(collection);
    }
    return table;
  }

  /**
   * Reads a document with its version through the writing connection: it sees this turn's batch,
   * its writes included before they are committed (they are kept or lost with the reader's own),
   * as a transaction validating against the batch must.
   */
  readRow(collection: string, id: string): { v: number; doc: Doc } | null {
    const row = this.statement(`SELECT v, doc FROM ${this.table(collection)} WHERE _id = ?`).get(id) as Row | undefined;
    return row ? { v: row.v, doc: JSON.parse(row.doc) as Doc } : null;
  }

  /** A document's version (0: absent), without reading the document itself; through the writing connection, as {@link readRow}. */
  readVersion(collection: string, id: string): number {
    const v = this.statement(`SELECT v FROM ${this.table(collection)} WHERE _id = ?`).get(id) as
      { v: number } | undefined;
    return v?.v ?? 0;
  }

  /** Creates or replaces a document (`json`), or removes it (null). */
  writeRow(collection: string, id: string, json: string | null): void {
    const table = this.table(collection);
    if (json === null) this.statement(`DELETE FROM ${table} WHERE _id = ?`).run(id);
    else
      this.statement(
        `INSERT INTO ${table} (_id, v, doc) VALUES (?, ?, ?) ON CONFLICT(_id) DO UPDATE SET v = excluded.v, doc = excluded.doc`,
      ).run(id, newVersion(), json);
  }

  /** Inserts a document unless its id is taken; whether it did. */
  insertRow(collection: string, doc: Doc): boolean {
    const table = this.table(collection);
    const result = this.statement(
      `INSERT INTO ${table} (_id, v, doc) VALUES (?, ?, ?) ON CONFLICT(_id) DO NOTHING`,
    ).run(doc._id, newVersion(), JSON.stringify(doc));
    return result.changes > 0;
  }

  /** Deletes a document; whether it existed. */
  deleteRow(collection: string, id: string): boolean {
    return this.statement(`DELETE FROM ${this.table(collection)} WHERE _id = ?`).run(id).changes > 0;
  }

  /** A committed document. */
  committed<T extends Doc>(collection: string, id: string): T | null {
    const row = this.readStatement(`SELECT doc FROM ${this.table(collection)} WHERE _id = ?`).get(id) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  /** Committed documents matching `where`, ordered and paged (limit and skip already checked). */
  select<T extends Doc>(collection: string, options: QueryOptions & { limit: number; skip: number }): T[] {
    const params: Scalar[] = [];
    let sql = `SELECT doc FROM ${this.table(collection)}${compileWhere(options.where, params)}`;
    const order = (options.orderBy ?? []).map(([field, dir]) => `${column(field)} ${dir === 'desc' ? 'DESC' : 'ASC'}`);
    if (order.length) sql += ` ORDER BY ${order.join(', ')}`;
    sql += ` LIMIT ${options.limit} OFFSET ${options.skip}`;
    const rows = this.readStatement(sql).all(...params) as Array<{ doc: string }>;
    return rows.map((row) => JSON.parse(row.doc) as T);
  }

  /** How many committed documents match `where`. */
  count(collection: string, where: Filter | undefined): number {
    const params: Scalar[] = [];
    const sql = `SELECT count(*) AS n FROM ${this.table(collection)}${compileWhere(where, params)}`;
    return (this.readStatement(sql).get(...params) as { n: number }).n;
  }
}
