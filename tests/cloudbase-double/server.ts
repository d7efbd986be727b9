/**
 * A TEST DOUBLE for the WeChat cloud (CloudBase) database, which cannot be reached from here.
 * It is not CloudBase: it answers, over HTTP on localhost, the database requests that the real
 * wx-server-sdk (through @cloudbase/node-sdk and @cloudbase/database) sends, following CloudBase's
 * documented semantics as far as they are known, so that the CloudBase adapter can be tested
 * against the real SDK. Where CloudBase's exact behaviour is unknown it is marked below.
 *
 * Pointing the SDK at it: @cloudbase/node-sdk posts every call to the `URL` found in the JSON of
 * the `TCB_CONTEXT_CNFG` environment variable (read on each request), with `?env=..&seqId=..`
 * appended, a signed `Authorization` header and a JSON body
 * `{ action: 'database.<name>', collectionName, query, data, transactionId, ... }` in which
 * queries and documents are canonical Extended JSON strings. The answer is
 * `{ requestId, data: {...} }`, or `{ requestId, code, message }` for an error; wx-server-sdk
 * maps `code` to an `errCode` (DATABASE_REQUEST_FAILED → -502001,
 * DATABASE_COLLECTION_NOT_EXIST → -502005, codes it does not know → -501001).
 */
import { randomBytes } from 'node:crypto';
import http, { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { DatabaseError, DoubleDatabase, type Selection } from './database';
import { EjsonError, parseEjson, stringifyEjson } from './ejson';

export interface CloudbaseDouble {
  /** The URL to put in `TCB_CONTEXT_CNFG`. */
  url: string;
  close(): Promise<void>;
  /** Drops every collection, document and transaction. */
  reset(): void;
  /** The collections that exist, by name. */
  collections(): string[];
  /** Connections accepted and requests answered so far. */
  traffic(): { connections: number; requests: number };
}

type Body = Record<string, unknown>;
type Answer = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(body: Body, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw new DatabaseError('INVALID_PARAM', `${key} is required`);
  return value;
}

function optionalText(body: Body, key: string): string | undefined {
  return body[key] === undefined ? undefined : text(body, key);
}

function optionalInteger(body: Body, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < 0)
    throw new DatabaseError('INVALID_PARAM', `${key} must be a non-negative integer`);
  return value as number;
}

function ejsonObject(body: Body, key: string): Record<string, unknown> | undefined {
  if (body[key] === undefined) return undefined;
  const value = parseEjson(body[key]);
  if (!isRecord(value)) throw new DatabaseError('INVALID_PARAM', `${key} must be an object`);
  return value;
}

function selection(body: Body): Selection {
  return {
    collection: text(body, 'collectionName'),
    criteria: ejsonObject(body, 'query') ?? {},
    multi: body.multi !== false,
    transactionId: optionalText(body, 'transactionId'),
  };
}

function handle(db: DoubleDatabase, body: Body): Answer {
  switch (body.action) {
    case 'database.addCollection':
      db.addCollection(text(body, 'collectionName'));
      return {};
    case 'database.startTransaction':
      return { transactionId: db.startTransaction() };
    case 'database.commitTransaction':
      db.commitTransaction(text(body, 'transactionId'));
      return {};
    case 'database.abortTransaction':
      db.abortTransaction(text(body, 'transactionId'));
      return {};
    case 'database.insertDocument': {
      const items = body.data;
      if (!Array.isArray(items) || items.length === 0)
        throw new DatabaseError('INVALID_PARAM', 'data must be a non-empty array');
      const docs = items.map((item) => {
        const doc = parseEjson(item);
        if (!isRecord(doc)) throw new DatabaseError('INVALID_PARAM', 'a document must be an object');
        return doc;
      });
      const ids = db.insert(text(body, 'collectionName'), docs, optionalText(body, 'transactionId'));
      return { data: { insertedIds: ids } };
    }
    case 'database.getDocument': {
      const limit = optionalInteger(body, 'limit') ?? 100;
      const offset = optionalInteger(body, 'offset') ?? 0;
      const docs = db.find(selection(body), {
        order: ejsonObject(body, 'order'),
        projection: ejsonObject(body, 'projection'),
        offset,
        limit,
      });
      return { data: { list: docs.map(stringifyEjson) }, limit, offset };
    }
    case 'database.calculateDocument':
      return { data: { total: db.count(selection(body)) } };
    case 'database.modifyDocument': {
      const data = ejsonObject(body, 'data');
      if (!data) throw new DatabaseError('INVALID_PARAM', 'data is required');
      const result = db.modify(selection(body), data, { merge: body.merge === true, upsert: body.upsert === true });
      return { data: { updated: result.updated, matched: result.matched, upsert_id: result.upsertedId } };
    }
    case 'database.removeDocument':
      return { data: { deleted: db.remove(selection(body)) } };
    default:
      throw new DatabaseError('INVALID_PARAM', `unsupported action: ${String(body.action)}`);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(db: DoubleDatabase, request: IncomingMessage, raw: string): Answer {
  const requestId = randomBytes(8).toString('hex');
  try {
    if (request.method !== 'POST') throw new DatabaseError('INVALID_PARAM', 'expected a POST');
    if (!request.headers.authorization) throw new DatabaseError('PERMISSION_DENIED', 'missing Authorization header');
    const body: unknown = JSON.parse(raw);
    if (!isRecord(body)) throw new DatabaseError('INVALID_PARAM', 'expected a JSON object');
    return { requestId, ...handle(db, body) };
  } catch (error) {
    if (error instanceof DatabaseError) return { requestId, code: error.code, message: error.message };
    if (error instanceof EjsonError || error instanceof SyntaxError)
      return { requestId, code: 'INVALID_PARAM', message: error.message };
    return { requestId, code: 'SYS_ERR', message: `test double failure: ${(error as Error).stack ?? String(error)}` };
  }
}

export async function startCloudbaseDouble(): Promise<CloudbaseDouble> {
  const db = new DoubleDatabase('test-env');
  const traffic = { connections: 0, requests: 0 };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    traffic.requests++;
    readBody(request).then(
      (raw) => {
        const json = JSON.stringify(answer(db, request, raw));
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(json);
      },
      () => response.destroy(),
    );
  });
  server.on('connection', () => traffic.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/admin`,
    reset: () => db.reset(),
    collections: () => db.collectionNames(),
    traffic: () => ({ ...traffic }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Saves Node's global HTTP agents; returns what puts them back (for the next test file of the same worker). */
export function savedGlobalAgents(): () => void {
  const saved = { http: http.globalAgent, https: https.globalAgent };
  return () => {
    http.globalAgent = saved.http;
    https.globalAgent = saved.https;
  };
}

/**
 * Node's global HTTP agents as a cloud function runs them (cloudfunctions/_shared/cloud-main.ts,
 * which loading a bundled function runs): no connection kept alive between requests. Returns what
 * puts the previous agents back.
 */
export function asInACloudFunction(): () => void {
  const restore = savedGlobalAgents();
  http.globalAgent = new http.Agent({ keepAlive: false });
  https.globalAgent = new https.Agent({ keepAlive: false });
  return restore;
}
