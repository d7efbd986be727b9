import type { Store } from '../../core/shared/collections';
import type * as WxServerSdk from 'wx-server-sdk';
import type { ApiResult } from '../../contracts';
import type { ActivityDoc } from '../../core/activities/documents';
import { deployedNames } from '../../core/functions';
import { CloudbaseStore } from '../../core/store/cloudbase';
import { seedDemo } from '../../host/demo/seed';
import { actAsWeChatUser, bundleCloudFunction, sdkEnvironmentFor } from '../support/cloud-bundle';
import { savedGlobalAgents, startCloudbaseDouble, type CloudbaseDouble } from '../cloudbase-double/server';

/**
 * The cloud functions as WeChat runs them: each bundled alone by esbuild (as `npm run build:cloud`
 * does), loaded with the real wx-server-sdk, the caller given the way WeChat gives it (environment
 * variables read by `cloud.getWXContext()`), the database being the CloudBase test double.
 */

type Main = (event: unknown) => Promise<ApiResult<Record<string, unknown>>>;

let double: CloudbaseDouble;
let store: Store;
let restoreAgents: () => void;
const mains: Record<string, Main> = {};

const bundle = (name: string): string => bundleCloudFunction(name, 'dist/.test-cloudfunctions');

/** Calls a bundled function as the WeChat user `openid`. */
function callAs(openid: string, fn: string, event: unknown) {
  actAsWeChatUser(openid);
  return mains[fn](event);
}

/** Calls a bundled function the way a timer trigger does: no user, so no OPENID. */
function callByTimer(fn: string, event: unknown) {
  process.env.WX_CONTEXT_KEYS = 'WX_APPID';
  delete process.env.WX_OPENID;
  process.env.WX_APPID = 'wx-test-app';
  return mains[fn](event);
}

/** Every deployed function, bundled as it is deployed. */
const FUNCTIONS = deployedNames;

beforeAll(async () => {
  // Bundle first: bundling takes seconds, long enough for the SDK's idle connections to the
  // double to be closed under it (ECONNRESET on the next call) if it ran between seeding and the tests.
  const bundles = FUNCTIONS.map((name) => [name, bundle(name)] as const);
  // Loading a bundle sets Node's global agents (cloud-main.ts): put them back afterwards.
  restoreAgents = savedGlobalAgents();
  double = await startCloudbaseDouble();
  Object.assign(process.env, {
    ...sdkEnvironmentFor(double.url),
    // cloud.openapi (the 小程序码) is WeChat's, not the database's: the double does not serve it, so the
    // activity function makes link codes here (core/activities/__tests__/mini-program-code.test.ts covers them).
    ZHIBU_CHECKIN_CODE: 'link',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof WxServerSdk;
  cloud.init({ env: 'test-env', keepalive: false } as Parameters<typeof cloud.init>[0]);
  store = new CloudbaseStore(cloud.database());
  await seedDemo(store);
  for (const [name, file] of bundles) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mains[name] = (require(file) as { main: Main }).main;
  }
}, 60000);

afterAll(async () => {
  delete process.env.WX_CONTEXT_KEYS;
  delete process.env.WX_OPENID;
  delete process.env.ZHIBU_CHECKIN_CODE;
  await double?.close();
  restoreAgents();
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
      consent: true,
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

// A connection kept alive between calls can be closed by the other side while the function sits
// idle or frozen; reusing it fails the next call with ECONNRESET (answered INTERNAL). This made the
// first identity call of this file fail on a loaded machine: the double closes idle connections
// after 5 s, as servers do, and the SDK had kept one for longer.
it('every database request of a bundled function goes out on a fresh connection', async () => {
  const before = double.traffic();
  const event = { action: 'listMembers', data: { orgId: 'org-branch-1' } };
  for (let i = 0; i < 3; i++) expect(await callAs('demo-secretary', 'roster', event)).toMatchObject({ ok: true });
  const after = double.traffic();
  const requests = after.requests - before.requests;
  expect(requests).toBeGreaterThanOrEqual(3);
  expect(after.connections - before.connections).toBe(requests);
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

describe('the bundled activity function on CloudBase', () => {
  it('a secretary shows the code, a member signs in once; the second sign-in answers already', async () => {
    const code = await callAs('demo-secretary', 'activity', { action: 'code', data: { id: 'act-demo-now' } });
    expect(code).toMatchObject({ ok: true, data: { token: expect.stringMatching(/^act-demo-now\./) } });
    if (!code.ok) throw new Error('code failed');
    const token = code.data.token as string;

    const first = await callAs('demo-member-2', 'activity', { action: 'checkin', data: { token } });
    expect(first).toEqual({
      ok: true,
      data: {
        status: 'present',
        at: expect.any(String),
        already: false,
        activityId: 'act-demo-now',
        title: '第四季度支部党员大会',
        points: 2,
        pointsPending: false,
        pointsNote: null,
        memberName: '陈秀英',
        startAt: expect.any(String),
      },
    });
    if (!first.ok) throw new Error('sign-in failed');
    const second = await callAs('demo-member-2', 'activity', { action: 'checkin', data: { token } });
    expect(second).toEqual({ ok: true, data: { ...first.data, already: true } });

    expect(await store.get('attendance', 'act-demo-now:member-003')).toMatchObject({
      status: 'present',
      method: 'self',
      entryId: 'activity:act-demo-now:member-003',
    });
    expect(await store.get('ledger', 'activity:act-demo-now:member-003')).toMatchObject({ value: 2 });
    expect(await store.count('ledger', { memberId: 'member-003', rule: 'org_life', source: 'activity' })).toBe(1);

    // Refusals arrive as coded errors through the real SDK too.
    expect(await callAs('demo-admin', 'activity', { action: 'checkin', data: { token } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_EXPECTED' },
    });
    expect(await callAs('demo-member-2', 'activity', { action: 'code', data: { id: 'act-demo-now' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('a timer event with no OPENID runs closeDue and closes what ended 6 hours ago', async () => {
    const ended = Date.now() - 7 * 3600_000;
    const base = (await store.get('activities', 'act-demo-now')) as ActivityDoc;
    await store.create('activities', {
      ...base,
      _id: 'act-cloud-ended',
      title: '已结束未关闭的支委会',
      kind: 'committee',
      startAt: new Date(ended - 3600_000).toISOString(),
      endAt: new Date(ended).toISOString(),
      signInFrom: new Date(ended - 5400_000).toISOString(),
      signInUntil: new Date(ended - 1800_000).toISOString(),
      attendees: [
        { id: 'member-004', name: '刘洋', exempt: null },
        { id: 'member-029', name: '沈玉珍', exempt: '年老体弱，行动不便' },
      ],
    });

    const result = await callByTimer('activity', {
      Type: 'Timer',
      TriggerName: 'closeDue',
      Time: new Date().toISOString(),
    });
    expect(result).toEqual({ ok: true, data: { closed: 1, failed: [] } });
    expect(await store.get('activities', 'act-cloud-ended')).toMatchObject({
      status: 'closed',
      closeSummary: { present: 0, late: 0, leave: 0, exempt: 1, absent: 1 },
    });
    expect(await store.get('ledger', 'absence:act-cloud-ended:member-004')).toMatchObject({
      value: -2,
      recordedBy: null,
    });
    expect((await store.get('activities', 'act-demo-now'))?.status).toBe('active');
    // Again: nothing left to close, nothing deducted twice.
    expect(await callByTimer('activity', { Type: 'Timer', TriggerName: 'closeDue' })).toEqual({
      ok: true,
      data: { closed: 0, failed: [] },
    });
    expect(await store.count('ledger', { memberId: 'member-004', rule: 'absence' })).toBe(1);
  });

  it('an activity that cannot be closed is logged and named, and does not keep the others open', async () => {
    // An activity whose document is damaged (no attendee list) makes its close fail part-way.
    const ended = Date.now() - 7 * 3600_000;
    const times = (end: number) => ({
      startAt: new Date(end - 3600_000).toISOString(),
      endAt: new Date(end).toISOString(),
      signInFrom: new Date(end - 5400_000).toISOString(),
      signInUntil: new Date(end - 1800_000).toISOString(),
    });
    const demo = await store.get('activities', 'act-demo-now');
    if (!demo) throw new Error('the demo activity is missing');
    // The damaged one is older, so it comes first among those due.
    const damaged = { ...demo, _id: 'act-cloud-damaged', status: 'active', ...times(ended - 60_000), attendees: null };
    await store.set('activities', damaged as unknown as ActivityDoc);
    await store.set('activities', {
      ...demo,
      _id: 'act-cloud-healthy',
      status: 'active',
      ...times(ended),
      attendees: [],
    });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await callByTimer('activity', { Type: 'Timer', TriggerName: 'closeDue' })).toEqual({
        ok: true,
        data: { closed: 1, failed: ['act-cloud-damaged'] },
      });
      expect(errors).toHaveBeenCalledWith('[closeDue] could not close act-cloud-damaged:', expect.any(TypeError));
      expect((await store.get('activities', 'act-cloud-healthy'))?.status).toBe('closed');
      expect((await store.get('activities', 'act-cloud-damaged'))?.status).toBe('active');
    } finally {
      errors.mockRestore();
      await store.remove('activities', 'act-cloud-damaged');
      await store.remove('activities', 'act-cloud-healthy');
    }
  });

  it('a timer-shaped event from a signed-in user is an ordinary call, not the timer', async () => {
    expect(await callAs('demo-member-2', 'activity', { Type: 'Timer', TriggerName: 'closeDue' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await callAs('demo-member-2', 'activity', { action: 'closeDue' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('the bundled lecture function on CloudBase', () => {
  // 赵丽娟 (member-005): no other test here touches her lectures. The clock is real time here.
  const MEMBER = 'demo-member-4';
  const SESSION = 'cloud-tab-0001';
  const beat = (position: number, session = SESSION) =>
    callAs(MEMBER, 'lecture', { action: 'heartbeat', data: { id: 'lecture-2', position, playing: true, session } });

  it('a member lists the catalogue, watches with heartbeats credited against the real clock, and resumes', async () => {
    const list = await callAs(MEMBER, 'lecture', { action: 'list', data: { kind: 'micro_lecture' } });
    expect(list).toMatchObject({ ok: true, data: { total: 4, page: 1, continueWatching: [] } });
    if (!list.ok) throw new Error('list failed');
    const items = list.data.items as Array<{ id: string; progress: { coveredS: number; completed: boolean } }>;
    expect(items.map((i) => i.id)).toEqual(['lecture-4', 'lecture-3', 'lecture-2', 'lecture-1']);
    expect(items.every((i) => i.progress.coveredS === 0 && !i.progress.completed)).toBe(true);

    expect(await beat(0)).toEqual({
      ok: true,
      data: {
        coveredS: 0,
        completed: false,
        position: 0,
        maxSeekable: 0,
        credited: false,
        awarded: null,
        playingElsewhere: false,
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await beat(0.5)).toEqual({
      ok: true,
      data: {
        coveredS: 0.5,
        completed: false,
        position: 0.5,
        maxSeekable: 0.5,
        credited: true,
        awarded: null,
        playingElsewhere: false,
      },
    });
    // Another tab of the same member while this one plays: refused, nothing changes.
    expect(await beat(0.5, 'cloud-tab-0002')).toMatchObject({ ok: true, data: { coveredS: 0.5, credited: false } });
    // A jump far ahead is not credited.
    expect(await beat(50)).toMatchObject({ ok: true, data: { coveredS: 0.5, credited: false, maxSeekable: 0.5 } });

    const progress = await store.get('lectureProgress', 'lecture-2:member-005');
    expect(progress).toMatchObject({
      memberId: 'member-005',
      branchId: 'org-branch-1',
      state: { intervals: [[0, 0.5]], coveredS: 0.5, furthest: 0.5, position: 50 },
      doneAt: null,
    });
    expect(progress?.state.lastBeat).toMatchObject({ session: SESSION, position: 50, playing: true });

    const got = await callAs(MEMBER, 'lecture', { action: 'get', data: { id: 'lecture-2' } });
    expect(got).toMatchObject({
      ok: true,
      data: {
        id: 'lecture-2',
        title: '牢记初心使命，争做合格党员',
        durationS: 60,
        videoUrl: '/media/demo/lecture-2.mp4',
        position: 0.5,
        coveredS: 0.5,
        completed: false,
        progress: { maxSeekable: 0.5 },
      },
    });

    const again = await callAs(MEMBER, 'lecture', { action: 'list' });
    expect(again.ok && (again.data.continueWatching as Array<{ id: string }>).map((i) => i.id)).toEqual(['lecture-2']);
  });

  it('refusals arrive as coded errors', async () => {
    expect(await callAs('demo-visitor', 'lecture', { action: 'list' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_MEMBER' },
    });
    expect(
      await callAs(MEMBER, 'lecture', { action: 'submitQuiz', data: { id: 'lecture-1', answers: { q1: 'A' } } }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      await callAs(MEMBER, 'lecture', { action: 'stats', data: { id: 'lecture-2', orgId: 'org-branch-1' } }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const stats = await callAs('demo-secretary', 'lecture', {
      action: 'stats',
      data: { id: 'lecture-2', orgId: 'org-branch-1' },
    });
    expect(stats).toMatchObject({ ok: true, data: { started: 1, completed: 0 } });
  });
});

describe('the bundled points function on CloudBase', () => {
  it('a member reads their points and the secretary their branch’s ledger; a member may not', async () => {
    const mine = (await callAs('demo-member-2', 'points', { action: 'mine', data: { page: 1, pageSize: 5 } })) as {
      ok: boolean;
      data: { entries: { items: unknown[]; page: number; hasMore: boolean } };
    };
    expect(mine.ok).toBe(true);
    expect(mine.data.entries).toMatchObject({ page: 1 });
    expect(mine.data.entries.items.length).toBeLessThanOrEqual(5);
    expect(
      await callAs('demo-secretary', 'points', {
        action: 'entries',
        data: { orgId: 'org-branch-1', page: 1, pageSize: 5 },
      }),
    ).toMatchObject({ ok: true, data: { page: 1, pageSize: 5 } });
    expect(
      await callAs('demo-member-2', 'points', {
        action: 'entries',
        data: { orgId: 'org-branch-1', page: 1, pageSize: 5 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the bundled sheets function on CloudBase', () => {
  const exportMembers = { action: 'roster.exportMembers', data: { orgId: 'org-branch-1' } };

  it('answers the Excel actions that the roster function no longer serves', async () => {
    expect(
      await callAs('demo-secretary', 'roster', { action: 'exportMembers', data: { orgId: 'org-branch-1' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACTION' },
    });
    expect(await callAs('demo-secretary', 'sheets', { action: 'roster.tree' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACTION' },
    });
  });

  it('checks the caller from WeChat and the payload as the contract does', async () => {
    expect(await callAs('demo-visitor', 'sheets', exportMembers)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await callAs('demo-secretary', 'sheets', { action: 'points.export', data: { orgId: 'org-branch-1' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'period' },
    });
  });

  it('lets a secretary import only a file of their own upload folder', async () => {
    const someoneElses = { orgId: 'org-branch-1', fileID: 'cloud://test-env/uploads/wx-other/roster.xlsx' };
    expect(
      await callAs('demo-visitor', 'sheets', { action: 'roster.importMembers', data: someoneElses }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await callAs('demo-secretary', 'sheets', { action: 'roster.importMembers', data: someoneElses })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'FORBIDDEN', message: '只能导入自己上传的文件' }),
    });
  });
});

describe('the bundled notice function on CloudBase', () => {
  it('its timer writes an activity’s reminders once, and the member reads them through the function', async () => {
    const demo = await store.get('activities', 'act-demo-now');
    if (!demo) throw new Error('the demo activity is missing');
    // Starts in 3 hours: 陈秀英 (member-003) is reminded the day before; no one else is on this activity.
    const start = Date.now() + 3 * 3600_000;
    await store.set('activities', {
      ...demo,
      _id: 'act-cloud-remind',
      title: '云端提醒测试活动',
      status: 'active',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 3600_000).toISOString(),
      signInFrom: new Date(start - 1800_000).toISOString(),
      signInUntil: new Date(start + 1800_000).toISOString(),
      attendees: [{ id: 'member-003', name: '陈秀英' }],
    });
    const first = await callByTimer('notice', { Type: 'Timer', TriggerName: 'remind' });
    expect(first).toMatchObject({ ok: true, data: { sent: 0, failed: 0 } });
    const again = await callByTimer('notice', { Type: 'Timer', TriggerName: 'remind' });
    expect(again).toMatchObject({ ok: true, data: { reminders: 0 } });
    const mine = (await callAs('demo-member-2', 'notice', { action: 'list' })) as ApiResult<{
      items: Array<{ kind: string; title: string }>;
    }>;
    expect(mine.ok && mine.data.items.filter((i) => i.title === '云端提醒测试活动')).toEqual([
      expect.objectContaining({ kind: 'activity.tomorrow' }),
    ]);
  });
});
