import { buildSync } from 'esbuild';
import { join } from 'node:path';
import type * as WxServerSdk from 'wx-server-sdk';
import type { ApiResult } from '../../contracts';
import { CloudbaseStore } from '../../core/store/cloudbase';
import { seedDemo } from '../../host/demo/seed';
import { startCloudbaseDouble, type CloudbaseDouble } from '../cloudbase-double/server';

/**
 * The cloud functions as WeChat runs them: each bundled alone by esbuild (as `npm run build:cloud`
 * does), loaded with the real wx-server-sdk, the caller given the way WeChat gives it (environment
 * variables read by `cloud.getWXContext()`), the database being the CloudBase test double.
 */

const root = join(__dirname, '..', '..');
const outDir = join(root, 'dist/.test-cloudfunctions');
type Main = (event: unknown) => Promise<ApiResult<Record<string, unknown>>>;

let double: CloudbaseDouble;
const mains: Record<string, Main> = {};

function bundle(name: string): string {
  const outfile = join(outDir, name, 'index.js');
  buildSync({
    entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    logLevel: 'warning',
  });
  return outfile;
}

/** Calls a bundled function as the WeChat user `openid`. */
function callAs(openid: string, fn: string, event: unknown) {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  process.env.WX_OPENID = openid;
  process.env.WX_APPID = 'wx-test-app';
  return mains[fn](event);
}

beforeAll(async () => {
  double = await startCloudbaseDouble();
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: double.url }),
    TCB_ENV: 'test-env',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof WxServerSdk;
  cloud.init({ env: 'test-env', keepalive: false } as Parameters<typeof cloud.init>[0]);
  await seedDemo(new CloudbaseStore(cloud.database()));
  for (const name of ['identity', 'roster']) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mains[name] = (require(bundle(name)) as { main: Main }).main;
  }
}, 60000);

afterAll(async () => {
  delete process.env.WX_CONTEXT_KEYS;
  await double?.close();
});

it('runs the 亮身份 flow through the bundled identity function on CloudBase', async () => {
  const declared = await callAs('wx-newcomer', 'identity', {
    action: 'declare',
    data: {
      name: '韩晓东',
      phone: '13587654321',
      partyStatus: 'full',
      joinedAt: '2012-07-01',
      fullAt: '2013-07-01',
      orgId: 'org-branch-1',
    },
  });
  expect(declared).toEqual({ ok: true, data: { id: expect.any(String), status: 'pending' } });
  if (!declared.ok) throw new Error('declare failed');
  const id = declared.data.id as string;

  const listed = await callAs('demo-secretary', 'identity', { action: 'listDeclarations' });
  expect(listed.ok && (listed.data.items as Array<{ id: string }>).map((d) => d.id)).toContain(id);

  const reviewed = await callAs('demo-secretary', 'identity', { action: 'review', data: { id, decision: 'approve' } });
  expect(reviewed).toEqual({ ok: true, data: { status: 'approved', memberId: expect.any(String) } });

  const card = await callAs('wx-newcomer', 'identity', { action: 'card' });
  expect(card).toMatchObject({ ok: true, data: { name: '韩晓东', orgName: '第一党支部', partyStatus: 'full' } });
});

it('takes the caller from WeChat, never from the payload', async () => {
  const event = { action: 'listMembers', data: { orgId: 'org-branch-1' }, userInfo: { openId: 'demo-secretary' } };
  const asVisitor = await callAs('demo-visitor', 'roster', event);
  expect(asVisitor).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const asSecretary = await callAs('demo-secretary', 'roster', event);
  // 18 seeded members of 第一党支部 and the newcomer approved above.
  expect(asSecretary.ok && asSecretary.data.total).toBe(19);
});

it('answers bad input with a coded error, not a crash', async () => {
  const result = await callAs('demo-secretary', 'roster', {
    action: 'createMember',
    data: { orgId: 'org-branch-1', name: '王' },
  });
  expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name' } });
  expect(await callAs('demo-secretary', 'roster', { action: 'drop' })).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_ACTION' },
  });
});
