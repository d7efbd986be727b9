import ExcelJS from 'exceljs';
import type { CheckinResult } from '../../contracts';
import { goodRows, rosterFile } from '../integration/host-import-support';
import { CloudBackend } from './support/backend';
import { IDENTITIES } from './support/identities';
import { Weapp } from './support/weapp';

/**
 * What only the mini-program does (the browser tests cannot reach it): WeChat's scanner and entry
 * scenes, location permission and its settings page, the privacy notice, files from chats, the
 * album, cloud storage, and the <Video> player's events. The backend is real; WeChat's client is
 * the fake `wx` (support/fake-wx.ts), answering as the user would.
 */

const MEMBER = IDENTITIES.member;
const SECRETARY = IDENTITIES.secretary;
/** The place of an activity that checks location (the fake phone is there by default). */
const PLACE = { name: '党群服务中心', lat: 31.2304, lng: 121.4737, radius: 200 };

let backend: CloudBackend;
const running: Weapp[] = [];

beforeEach(async () => {
  backend = await CloudBackend.create();
});

afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
  await backend.close();
  jest.useRealTimers();
});

async function launch(options: Omit<Parameters<typeof Weapp.launch>[0], 'backend'>): Promise<Weapp> {
  const app = await Weapp.launch({ backend, ...options });
  running.push(app);
  return app;
}

/** The sign-in code the secretary shows for the demo's current activity: its link and token. */
async function signInCode(): Promise<{ url: string; token: string }> {
  const res = await backend.callFunction(SECRETARY, 'activity', { action: 'code', data: { id: 'act-demo-now' } });
  if (!res.ok) throw new Error(`activity.code: ${res.error.message}`);
  return res.data as { url: string; token: string };
}

/** The sign-ins the server answered, in order. */
const checkins = () =>
  backend.calls
    .filter((c) => c.name === 'activity' && c.event.action === 'checkin')
    .map((c) => ({ data: c.event.data as Record<string, unknown>, result: c.result as { ok: boolean } }));

it('runs Taro.pxTransform (config/index.ts designWidth copied into app.js needs no Babel helper)', async () => {
  const app = await launch({ openid: MEMBER });
  const pxTransform = app.taro().pxTransform as (size: number) => string;
  expect(pxTransform(20)).toBe('20rpx');
  expect(app.problems()).toEqual([]);
});

describe('扫码签到', () => {
  it('scans with the camera only and signs in from 首页', async () => {
    const { url } = await signInCode();
    const app = await launch({ openid: MEMBER });
    app.wx.user.scans.push(url);
    await app.page.tap('扫码签到');

    expect(app.wx.log.find((c) => c.api === 'scanCode')?.options).toMatchObject({ onlyFromCamera: true });
    expect(app.page.route).toBe('pages/checkin/index');
    expect(app.page.text()).toContain('第四季度支部党员大会');
    const [checkin] = checkins();
    expect(checkin.result.ok).toBe(true);
    // Opened by the app's own scanner: the server is told so and accepts it.
    expect(checkin.data.entry).toEqual({ via: 'scan' });
    expect(app.problems()).toEqual([]);
  });

  it('signs in when WeChat opens pages/checkin with q= after a camera scan (scene 1011)', async () => {
    const { url } = await signInCode();
    const app = await launch({
      openid: MEMBER,
      path: 'pages/checkin/index',
      query: { q: encodeURIComponent(url) },
      scene: 1011,
    });
    expect(app.page.route).toBe('pages/checkin/index');
    const [checkin] = checkins();
    expect(checkin.data.entry).toEqual({ via: 'launch', scene: 1011 });
    expect(checkin.result.ok).toBe(true);
    const result = (checkin.result as unknown as { data: CheckinResult }).data;
    expect(app.page.text()).toContain(result.title);
    expect(app.problems()).toEqual([]);
  });

  it('asks to scan with the camera when WeChat opened a forwarded screenshot (scene 1012)', async () => {
    const { url } = await signInCode();
    const app = await launch({
      openid: MEMBER,
      path: 'pages/checkin/index',
      query: { q: encodeURIComponent(url) },
      scene: 1012,
    });
    const [checkin] = checkins();
    expect(checkin.result.ok).toBe(false);
    expect(app.page.text()).toMatch(/相机|扫一扫/);
    expect(app.problems()).toEqual([]);
  });
});

describe('privacy notice and location', () => {
  beforeEach(async () => {
    await backend.store.update('activities', 'act-demo-now', { $set: { place: PLACE } });
  });

  it('shows the privacy notice before the first location request; agreeing lets it through', async () => {
    const { url } = await signInCode();
    const app = await launch({ openid: MEMBER });
    app.wx.user.scans.push(url);
    await app.page.tap('扫码签到');

    // The server wants the location; getLocation waits for the privacy notice.
    expect(app.wx.privacyListenerCalls).toBe(1);
    expect(app.page.text()).toContain('用户隐私保护提示');
    expect(app.wx.log.filter((c) => c.api === 'getLocation')).toHaveLength(1);
    expect(checkins()).toHaveLength(1);

    // WeChat records the tap on the agree button; the app resolves with its id.
    app.wx.agreeVia('zb-privacy-agree');
    await app.page.trigger('同意并继续', 'agreeprivacyauthorization');
    expect(app.page.text()).not.toContain('用户隐私保护提示');
    const [, located] = checkins();
    expect(located.data.location).toEqual({ lat: PLACE.lat, lng: PLACE.lng });
    expect(located.result.ok).toBe(true);
    expect(app.page.text()).toContain('第四季度支部党员大会');
    expect(app.problems()).toEqual([]);
  });

  it('declining the notice fails the request with a message, and nothing is sent', async () => {
    const { url } = await signInCode();
    const app = await launch({ openid: MEMBER });
    app.wx.user.scans.push(url);
    await app.page.tap('扫码签到');
    await app.page.tap('不同意');
    expect(app.page.text()).not.toContain('用户隐私保护提示');
    expect(checkins()).toHaveLength(1);
    expect(app.page.text()).toMatch(/位置|定位/);
    expect(app.problems()).toEqual([]);
  });

  it('location refused → 去设置 opens the settings page, and the sign-in is retried with the location', async () => {
    const { url } = await signInCode();
    const app = await launch({ openid: MEMBER });
    app.wx.privacyAgreed = true;
    app.wx.user.locationPrompt = 'deny';
    app.wx.user.scans.push(url);
    await app.page.tap('扫码签到');
    expect(app.page.text()).toContain('去设置');
    expect(checkins()).toHaveLength(1);

    app.wx.user.enablesLocationInSettings = true;
    await app.page.tap('去设置');
    expect(app.wx.log.filter((c) => c.api === 'openSetting')).toHaveLength(1);
    const last = checkins().at(-1);
    expect(last?.data.location).toEqual({ lat: PLACE.lat, lng: PLACE.lng });
    expect(last?.result.ok).toBe(true);
    expect(app.page.text()).toContain('第四季度支部党员大会');
    expect(app.problems()).toEqual([]);
  });
});

describe('files', () => {
  it('imports a roster chosen from a chat (chooseMessageFile → cloud storage → import)', async () => {
    const app = await launch({ openid: SECRETARY });
    app.wx.privacyAgreed = true;
    app.wx.user.messageFile = { name: '花名册.xlsx', content: await rosterFile(goodRows(2)) };
    await app.open('packages/secretary/pages/roster/index');
    await app.page.tap('.e2e-roster-import');

    expect(app.wx.log.find((c) => c.api === 'chooseMessageFile')?.options).toMatchObject({
      extension: ['xlsx', 'csv', 'xls'],
    });
    const stored = [...backend.files.keys()];
    expect(stored).toEqual([expect.stringMatching(new RegExp(`^uploads/${SECRETARY}/.+花名册\\.xlsx$`))]);
    // Previewed first: nothing imported until confirmed.
    expect(app.page.text()).toContain('新增 2 人');
    expect(app.page.text()).toContain('共 18 人');
    await app.page.tap('.nut-dialog-footer-ok');
    expect(app.wx.toasts).toContain('导入完成：新增 2 人，更新 0 人');
    expect(app.page.text()).toContain('共 20 人');
    expect(app.problems()).toEqual([]);
  });

  it('a file chosen from a chat waits for the privacy notice like location does', async () => {
    const app = await launch({ openid: SECRETARY });
    app.wx.user.messageFile = { name: '花名册.xlsx', content: await rosterFile(goodRows(1)) };
    await app.open('packages/secretary/pages/roster/index');
    await app.page.tap('.e2e-roster-import');
    expect(app.page.text()).toContain('用户隐私保护提示');
    expect(backend.files.size).toBe(0);

    app.wx.agreeVia('zb-privacy-agree');
    await app.page.trigger('同意并继续', 'agreeprivacyauthorization');
    await app.page.tap('.nut-dialog-footer-ok');
    expect(app.wx.toasts).toContain('导入完成：新增 1 人，更新 0 人');
    // Agreed once: the next request does not ask again.
    await app.page.tap('.e2e-roster-import');
    expect(app.wx.privacyListenerCalls).toBe(1);
    expect(app.problems()).toEqual([]);
  });

  it('exports the roster: downloads the fileID from cloud storage and opens it', async () => {
    const app = await launch({ openid: SECRETARY });
    await app.open('packages/secretary/pages/roster/index');
    await app.page.tap('.e2e-roster-export');

    const download = app.wx.log.find((c) => c.api === 'cloud.downloadFile');
    expect(download?.options.fileID).toMatch(/^cloud:\/\/.+\/exports\/.+\.xlsx$/);
    expect(app.wx.openedDocuments).toHaveLength(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(app.wx.openedDocuments[0].content as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].rowCount).toBeGreaterThan(18);
    expect(app.problems()).toEqual([]);
  });

  it('uploads a lecture video chosen from the album (chooseMedia → media/<openid>/ → published)', async () => {
    const app = await launch({ openid: SECRETARY });
    app.wx.privacyAgreed = true;
    app.wx.user.media = { name: 'lesson.mp4', content: Buffer.from('fake mp4 bytes'), durationS: 95 };
    await app.open('packages/secretary/pages/lecture-publish/index');
    await app.page.tap('发布新课程');
    await app.page.tap('选择视频');
    expect(app.wx.log.find((c) => c.api === 'chooseMedia')?.options).toMatchObject({ mediaType: ['video'] });
    await app.page.trigger('.e2e-lecture-title', 'input', { value: '党史学习：遵义会议' });
    await app.page.trigger('.e2e-lecture-speaker', 'input', { value: '李红梅 书记' });
    await app.page.trigger('.e2e-lecture-summary', 'input', { value: '回顾遵义会议的历史意义。' });
    await app.page.tap('.e2e-lecture-submit');

    expect([...backend.files.keys()]).toEqual([
      expect.stringMatching(new RegExp(`^media/${SECRETARY}/.+lesson\\.mp4$`)),
    ]);
    expect(app.wx.toasts).toContain('已发布');
    const lectures = await backend.store.query('lectures', { where: { title: '党史学习：遵义会议' }, limit: 10 });
    expect(lectures).toHaveLength(1);
    expect(app.problems()).toEqual([]);
  });
});

describe('share cards', () => {
  /** The card a page shares (its onShareAppMessage), opened by someone else as WeChat opens it (scene 1007). */
  async function shareAndOpen(sharer: string, route: string, query: Record<string, string>, opener: string) {
    const app = await launch({ openid: sharer });
    const page = await app.open(route, query);
    const share = page.instance.onShareAppMessage as ((o: object) => { title: string; path: string }) | undefined;
    // (A function of the vm's realm: not an instance of this realm's Function.)
    expect(typeof share).toBe('function');
    const card = (share as (o: object) => { title: string; path: string }).call(page.instance, { from: 'menu' });
    expect(card.title).toMatch(/[\u4e00-\u9fff]/);
    const [path, search = ''] = card.path.replace(/^\//, '').split('?');
    const opened = await launch({
      openid: opener,
      path,
      query: Object.fromEntries(new URLSearchParams(search)),
      scene: 1007,
    });
    expect(opened.problems()).toEqual([]);
    return { card, text: opened.page.text() };
  }

  it("an activity's card opens the activity", async () => {
    const { text } = await shareAndOpen(MEMBER, 'pages/activity/index', { id: 'act-demo-now' }, IDENTITIES.officer);
    expect(text).toContain('第四季度支部党员大会');
  });

  it("a branch's invitation opens 亮身份", async () => {
    const { card, text } = await shareAndOpen(IDENTITIES.admin, 'packages/admin/pages/invite/index', {}, 'wx-newcomer');
    expect(card.title).toContain('第一党支部');
    expect(card.path).toContain('orgId=org-branch-1');
    expect(text).toContain('敏感个人信息单独同意');
  });

  it("a branch's invitation has the branch chosen on 亮身份", async () => {
    const { text } = await shareAndOpen(IDENTITIES.admin, 'packages/admin/pages/invite/index', {}, 'wx-newcomer');
    expect(text).not.toContain('请选择所在支部');
    expect(text).toContain('第一党支部');
  });

  it("a branch's invitation 小程序码 (scene o=<id>, URL-encoded by WeChat) has the branch chosen on 亮身份", async () => {
    const opened = await launch({
      openid: 'wx-newcomer',
      path: 'packages/member/pages/declare/index',
      query: { scene: encodeURIComponent('o=org-branch-2') },
      scene: 1047,
    });
    expect(opened.problems()).toEqual([]);
    expect(opened.page.text()).not.toContain('请选择所在支部');
    expect(opened.page.text()).toContain('第二党支部');
  });
});

describe('rotating codes', () => {
  it('a refused code is shown as refused and not asked for again (大屏 opened by a member)', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const app = await launch({ openid: MEMBER, fakeTimers: true });
    await app.open('packages/secretary/pages/activity-screen/index', { id: 'act-demo-now' });
    for (let s = 0; s < 10; s++) {
      jest.advanceTimersByTime(1000);
      await app.settle();
    }
    const asked = backend.calls.filter((c) => c.name === 'activity' && c.event.action === 'code');
    expect(asked).toHaveLength(1);
    expect(app.page.text()).toContain('没有权限执行此操作');
    expect(app.page.text()).not.toContain('正在');
    expect(app.problems()).toEqual([]);
  });
});

describe('lecture video', () => {
  it('sends heartbeats while playing and snaps back a seek beyond what was watched', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const app = await launch({ openid: MEMBER, fakeTimers: true });
    await app.open('packages/member/pages/lecture/index', { id: 'lecture-1' });
    const beats = () =>
      backend.calls
        .filter((c) => c.name === 'lecture' && c.event.action === 'heartbeat')
        .map((c) => c.event.data as { position: number; playing: boolean });
    const [video] = app.page.tree ? [...app.page.byClass('zb-lplayer__video')] : [];
    expect(video).toBeDefined();

    await app.page.trigger(video, 'play');
    expect(beats()).toEqual([expect.objectContaining({ position: 0, playing: true })]);
    for (let s = 1; s <= 10; s++) {
      jest.advanceTimersByTime(1000);
      await app.page.trigger(video, 'timeupdate', { currentTime: s, duration: 45 });
    }
    expect(beats()).toHaveLength(2);
    expect(beats()[1]).toMatchObject({ playing: true });
    expect(beats()[1].position).toBeGreaterThanOrEqual(9);

    // A jump far ahead of what was watched is put back, with a toast.
    await app.page.trigger(video, 'timeupdate', { currentTime: 40, duration: 45 });
    const seek = app.wx.videoCommands.find((c) => c.command === 'seek');
    expect(seek?.args[0]).toBeLessThanOrEqual(11);
    expect(app.wx.toasts.join()).toMatch(/拖动|快进|未看/);

    await app.page.trigger(video, 'pause');
    expect(beats().at(-1)).toMatchObject({ playing: false });
    expect(app.problems()).toEqual([]);
  });
});
