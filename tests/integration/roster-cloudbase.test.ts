import type * as WxServerSdk from 'wx-server-sdk';
import type { ApiResult } from '../../contracts';
import { functions } from '../../core/functions';
import type { MemberDoc } from '../../core/roster/documents';
import type { HandlerContext } from '../../core/runtime/context';
import { newId } from '../../core/runtime/ids';
import { CloudbaseStore } from '../../core/store/cloudbase';
import { seedDemo } from '../../host/demo/seed';
import { MemoryFiles } from '../support/harness';
import { startCloudbaseDouble, type CloudbaseDouble } from '../cloudbase-double/server';

/**
 * Phone keys on the CloudBase adapter (the real wx-server-sdk against the local double): the same
 * uniqueness guarantee as on SQLite, and the backfill of a database from before the keys.
 */

let double: CloudbaseDouble;
let db: ReturnType<typeof WxServerSdk.database>;
/** A new adapter per test, as a new function instance would have (the backfill runs once per instance). */
let store: CloudbaseStore;
const now = new Date('2026-11-23T02:00:00.000Z');
const files = new MemoryFiles();

beforeAll(async () => {
  double = await startCloudbaseDouble();
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: double.url }),
    TCB_ENV: 'test-env',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
  });
  process.env.TENCENTCLOUD_SECRETID ||= 'test-secret-id';
  process.env.TENCENTCLOUD_SECRETKEY ||= 'test-secret-key';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof WxServerSdk;
  cloud.init({ env: 'test-env', keepalive: false } as Parameters<typeof cloud.init>[0]);
  db = cloud.database();
});

beforeEach(async () => {
  double.reset();
  store = new CloudbaseStore(db);
  await seedDemo(store, now);
}, 60000);

afterAll(async () => {
  await double?.close();
});

const call = (openid: string, fn: 'roster', action: string, data: unknown): Promise<ApiResult<unknown>> => {
  const ctx: HandlerContext = {
    openid,
    store,
    clock: () => now,
    files: files.gatewayFor(openid),
    newId: () => newId(now.getTime()),
  };
  return functions[fn]({ action, data }, ctx);
};

const holdersOf = async (phone: string) =>
  (await store.query('members', { where: { phone, status: 'active' }, limit: 1000 })).length;

const newcomer = (phone: string, orgId = 'org-branch-1') => ({
  orgId,
  name: '欧阳明',
  phone,
  partyStatus: 'probationary',
  joinedAt: '2026-01-01',
});

it('20 concurrent createMember with one number: one member, the others CONFLICT', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, () => call('demo-secretary', 'roster', 'createMember', newcomer('13600008888'))),
  );
  expect(await holdersOf('13600008888')).toBe(1);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(new Set(results.flatMap((r) => (r.ok ? [] : [r.error.code])))).toEqual(new Set(['CONFLICT']));
}, 60000);

it('a database from before the keys is backfilled on first use', async () => {
  for (const key of await store.query('phoneKeys', { limit: 1000 })) await store.remove('phoneKeys', key._id);
  const held = (await store.get('members', 'member-019')) as MemberDoc & { phone: string };
  const result = await call('demo-admin', 'roster', 'createMember', newcomer(held.phone, 'org-branch-2'));
  expect(result.ok ? 'created' : result.error.code).toBe('CONFLICT');
  expect(await holdersOf(held.phone)).toBe(1);
  expect(await store.get('phoneKeys', 'backfill:v1')).toMatchObject({ unkeyed: 0 });
}, 60000);
