import { CloudBackend } from './support/backend';
import { IDENTITIES } from './support/identities';
import { Weapp } from './support/weapp';

/**
 * The member's activity pages in WeChat's runtime: 导航 opens WeChat's own map (openLocation) at the
 * activity's place, 撤回请假 takes back a pending request after a confirmation, and the sign-in
 * result says 签到成功 with the time and points, and 已签到 without points on a repeat.
 */

const MEMBER = IDENTITIES.member;
const SECRETARY = IDENTITIES.secretary;
const VOLUNTEER = 'act-demo-volunteer';

let backend: CloudBackend;
const running: Weapp[] = [];

beforeEach(async () => {
  backend = await CloudBackend.create();
});

afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
  await backend.close();
});

async function launch(options: Omit<Parameters<typeof Weapp.launch>[0], 'backend'>): Promise<Weapp> {
  const app = await Weapp.launch({ backend, ...options });
  running.push(app);
  return app;
}

const calls = (action: string) =>
  backend.calls.filter((c) => c.name === 'activity' && c.event.action === action).map((c) => c.result);

it('导航 opens WeChat’s map at the activity’s place', async () => {
  const app = await launch({ openid: MEMBER, path: 'pages/activity/index', query: { id: VOLUNTEER } });
  await app.page.tap('导航');
  expect(app.wx.log.find((c) => c.api === 'openLocation')?.options).toMatchObject({
    latitude: 31.2304,
    longitude: 121.4737,
    name: '幸福里社区党群服务中心',
  });
  expect(app.problems()).toEqual([]);
});

it('撤回请假 takes back the member’s pending request after a confirmation', async () => {
  const asked = await backend.callFunction(MEMBER, 'activity', {
    action: 'requestLeave',
    data: { id: VOLUNTEER, reason: '单位临时安排出差' },
  });
  expect(asked.ok).toBe(true);
  const app = await launch({ openid: MEMBER, path: 'pages/activity/index', query: { id: VOLUNTEER } });
  expect(app.page.text()).toContain('请假待审批');
  await app.page.tap('撤回请假');
  expect(app.wx.log.find((c) => c.api === 'showModal')?.options).toMatchObject({ title: '撤回请假' });
  expect(calls('withdrawLeave')).toEqual([expect.objectContaining({ ok: true })]);
  expect(app.page.text()).not.toContain('请假待审批');
  expect(app.page.text()).toContain('请假');
  expect(app.problems()).toEqual([]);
});

it('the sign-in result: 签到成功 with the time and points; a repeat says 已签到 once, without points', async () => {
  const code = await backend.callFunction(SECRETARY, 'activity', { action: 'code', data: { id: 'act-demo-now' } });
  if (!code.ok) throw new Error('activity.code failed');
  const { url } = code.data as { url: string };
  // As WeChat opens the page after a camera scan of the link code.
  const opened = { path: 'pages/checkin/index', query: { q: encodeURIComponent(url) }, scene: 1011 };
  const first = await launch({ openid: MEMBER, ...opened });
  const text = first.page.text();
  expect(text).toContain('签到成功');
  expect(text).toContain('第四季度支部党员大会');
  expect(text).toMatch(/\d{2}:\d{2} 签到/);
  expect(text).toContain('+2 分');
  expect(first.problems()).toEqual([]);

  const again = await launch({ openid: MEMBER, ...opened });
  const repeat = again.page.text();
  expect(repeat.match(/已签到/g)).toHaveLength(1);
  expect(repeat).not.toContain('+2 分');
  expect(repeat).toContain('重复扫码不会重复计分');
  expect(again.problems()).toEqual([]);
});
