import type * as WxServerSdk from 'wx-server-sdk';
import type { ApiResult } from '../../contracts';
import { CloudbaseStore } from '../../core/store/cloudbase';
import { COLLECTIONS } from '../../core/store/schema';
import { actAsWeChatUser, bundleCloudFunction, sdkEnvironmentFor } from '../support/cloud-bundle';
import { savedGlobalAgents, startCloudbaseDouble, type CloudbaseDouble } from '../cloudbase-double/server';

/**
 * 初始化 as it happens in a new WeChat cloud environment: no collection exists, the functions are
 * bundled as deployed and run with the real wx-server-sdk over the CloudBase test double, the
 * setup code comes from the function's environment (ZHIBU_SETUP_CODE).
 */

type Main = (event: unknown) => Promise<ApiResult<Record<string, unknown>>>;
const FUNCTIONS = ['roster', 'identity', 'points'] as const;
const CODE = 'cloud-setup-code-91';

let double: CloudbaseDouble;
let restoreAgents: () => void;
const mains: Partial<Record<(typeof FUNCTIONS)[number], Main>> = {};

const bundle = (name: string): string => bundleCloudFunction(name, 'dist/.test-setup-functions');

function callAs(openid: string, fn: (typeof FUNCTIONS)[number], action: string, data?: unknown) {
  actAsWeChatUser(openid);
  const main = mains[fn];
  if (!main) throw new Error(`${fn} is not bundled`);
  return main({ action, data });
}

beforeAll(async () => {
  const bundles = FUNCTIONS.map((name) => [name, bundle(name)] as const);
  restoreAgents = savedGlobalAgents();
  double = await startCloudbaseDouble();
  Object.assign(process.env, sdkEnvironmentFor(double.url));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const [name, file] of bundles) mains[name] = (require(file) as { main: Main }).main;
}, 60000);

afterAll(async () => {
  delete process.env.WX_CONTEXT_KEYS;
  delete process.env.WX_OPENID;
  delete process.env.ZHIBU_SETUP_CODE;
  await double?.close();
  restoreAgents();
});

const SETUP = { code: CODE, committeeName: '城东街道党工委', name: '周建国', phone: '13912345678' };

it('starts from an empty database: status, a refused code, the setup, then CONFLICT forever', async () => {
  expect(double.collections()).toEqual([]);
  expect(await callAs('wx-first', 'roster', 'setupStatus')).toEqual({ ok: true, data: { needed: true } });
  expect(await callAs('wx-first', 'identity', 'me')).toMatchObject({ ok: true, data: { setupNeeded: true } });

  // Without ZHIBU_SETUP_CODE in the function's environment, no one can set up.
  delete process.env.ZHIBU_SETUP_CODE;
  const unset = await callAs('wx-first', 'roster', 'setup', SETUP);
  expect(unset).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(!unset.ok && unset.error.message).toContain('ZHIBU_SETUP_CODE');

  process.env.ZHIBU_SETUP_CODE = CODE;
  expect(await callAs('wx-first', 'roster', 'setup', { ...SETUP, code: 'wrong-code-123' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: '初始化码不正确，还可尝试 4 次' },
  });

  const made = await callAs('wx-first', 'roster', 'setup', SETUP);
  expect(made).toEqual({
    ok: true,
    data: { committeeId: expect.any(String), branchId: expect.any(String), memberId: expect.any(String) },
  });
  // Every collection of the schema exists now, whether written to or not.
  expect(double.collections()).toEqual(Object.keys(COLLECTIONS).sort());

  const me = await callAs('wx-first', 'identity', 'me');
  expect(me).toMatchObject({
    ok: true,
    data: { member: { name: '周建国', orgName: '机关党支部' }, roles: [{ role: 'admin' }], setupNeeded: false },
  });
  // The admin works at once, in a function that never saw the setup: the points rules of the committee.
  expect(await callAs('wx-first', 'points', 'rules')).toMatchObject({ ok: true });

  for (const [who, code] of [
    ['wx-first', CODE],
    ['wx-other', CODE],
    ['wx-other', 'wrong-code-123'],
  ])
    expect(await callAs(who, 'roster', 'setup', { ...SETUP, code })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  expect(await callAs('wx-other', 'roster', 'setupStatus')).toEqual({ ok: true, data: { needed: false } });
}, 30000);

it('is idempotent about collections: a second preparation finds them all and creates none', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof WxServerSdk;
  cloud.init({ env: 'test-env', keepalive: false } as Parameters<typeof cloud.init>[0]);
  const store = new CloudbaseStore(cloud.database());
  const names = Object.keys(COLLECTIONS);
  expect(await store.prepare(names)).toEqual({ created: [] });
  expect(double.collections()).toEqual([...names].sort());
});
