import type * as WxServerSdk from 'wx-server-sdk';
import { CloudbaseStore, type CloudbaseDatabase } from '../../core/store/cloudbase';
import { asInACloudFunction, startCloudbaseDouble, type CloudbaseDouble } from '../cloudbase-double/server';
import { describeStoreContract } from './contract';

/**
 * The contract suite against the real wx-server-sdk, talking to a local test double of the
 * CloudBase database (WeChat's cloud cannot be reached from here).
 */

let double: CloudbaseDouble;
let db: CloudbaseDatabase;
let restoreAgents: () => void;

beforeAll(async () => {
  // A connection kept alive past the double's idle timeout fails the next request (ECONNRESET).
  restoreAgents = asInACloudFunction();
  double = await startCloudbaseDouble();
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: double.url });
  process.env.TCB_ENV = 'test-env';
  // @cloudbase/node-sdk checks credentials in a promise it never awaits: without these every
  // request leaves an unhandled rejection behind, which fails whichever test is running (or,
  // outside a test, kills the jest worker). The double ignores the signature they produce.
  process.env.TENCENTCLOUD_SECRETID ||= 'test-secret-id';
  process.env.TENCENTCLOUD_SECRETKEY ||= 'test-secret-key';
  // Skips the SDK's probe of Tencent Cloud's metadata service (an HTTP request before every call
  // when not on Tencent Cloud) and its "slow request" timers.
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof WxServerSdk;
  // As in a cloud function (where the SDK turns keep-alive off): with keep-alive on, the SDK adds
  // a 'connect' listener to a reused socket on every request, and Node warns of a leak.
  cloud.init({ env: 'test-env', keepalive: false } as Parameters<typeof cloud.init>[0]);
  db = cloud.database();
});

afterAll(async () => {
  await double?.close();
  restoreAgents();
});

describeStoreContract('CloudbaseStore (wx-server-sdk against the local CloudBase double)', async () => {
  double.reset();
  return { store: new CloudbaseStore(db), close: async () => {} };
});

describe('CloudbaseStore specifics', () => {
  beforeEach(() => double.reset());

  it('reads a missing document as null also when the database does not throw on not-found', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk') as typeof WxServerSdk;
    // Documented and honoured at run time, but missing from the SDK's typings.
    const options = { throwOnNotFound: false } as Parameters<typeof cloud.database>[0];
    const store = new CloudbaseStore(cloud.database(options));
    expect(await store.get('items', 'missing')).toBeNull();
    await store.create('items', { _id: 'here' });
    expect(await store.get('items', 'missing')).toBeNull();
    expect(await store.transaction((tx) => tx.get('items', 'missing'))).toBeNull();
  });

  it('stores a document holding only _id with set, inside and outside transactions', async () => {
    const store = new CloudbaseStore(db);
    await store.set('items', { _id: 'bare' });
    expect(await store.get('items', 'bare')).toEqual({ _id: 'bare' });
    await store.set('items', { _id: 'full', a: 1 });
    await store.set('items', { _id: 'full' });
    expect(await store.get('items', 'full')).toEqual({ _id: 'full' });
    await store.set('items', { _id: 'in-tx', a: 1 });
    await store.transaction(async (tx) => {
      await tx.set('items', { _id: 'in-tx' });
      await tx.set('items', { _id: 'new-in-tx' });
      expect(await tx.get('items', 'in-tx')).toEqual({ _id: 'in-tx' });
    });
    expect(await store.query('items', { where: { _id: { $in: ['in-tx', 'new-in-tx'] } } })).toHaveLength(2);
    expect(await store.get('items', 'in-tx')).toEqual({ _id: 'in-tx' });
  });

  it('leaves out the _openid CloudBase adds to documents', async () => {
    const store = new CloudbaseStore(db);
    await store.create('items', { _id: 'o', _openid: 'oABC', name: 'x' });
    expect(await store.get('items', 'o')).toEqual({ _id: 'o', name: 'x' });
    expect(await store.query('items')).toEqual([{ _id: 'o', name: 'x' }]);
  });
});
