import { CloudBackend } from './support/backend';
import { IDENTITIES } from './support/identities';
import { Weapp } from './support/weapp';

/**
 * 保存图片 on the 身份卡 in the mini-program: the card is painted on the page's <Canvas type="2d">,
 * exported with canvasToTempFilePath and saved to the album; a member who refused the album is told
 * why and taken to WeChat's settings, and saving works once it is allowed there.
 */

let backend: CloudBackend;
let app: Weapp | undefined;

beforeEach(async () => {
  backend = await CloudBackend.create();
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  await backend.close();
});

const CARD = 'packages/member/pages/card/index';

/**
 * Saving runs through several of WeChat's callbacks (selector query, export, album) with no setData
 * between them, so settle() can return early: wait for its visible outcome.
 */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function openCard(): Promise<Weapp> {
  app = await Weapp.launch({ backend, openid: IDENTITIES.member });
  // The member agreed to the privacy guide before (the album is a privacy API).
  app.wx.privacyAgreed = true;
  await app.open(CARD);
  return app;
}

describe('身份卡 保存图片', () => {
  it('paints the card on the page’s 2d canvas and saves it to the album', async () => {
    const weapp = await openCard();
    const name = weapp.page.byClass('e2e-card-name')[0];
    expect(name).toBeDefined();
    await weapp.page.tap('.e2e-card-save-image');
    await until(() => weapp.wx.toasts.length > 0);

    expect(weapp.wx.canvases).toHaveLength(1);
    const [canvas] = weapp.wx.canvases;
    expect(canvas.width).toBe(1500);
    expect(canvas.texts).toEqual(expect.arrayContaining(['党员身份卡', '我是共产党员', '党龄']));
    expect(weapp.wx.savedImages).toHaveLength(1);
    const saved = weapp.wx.savedImages[0].content?.toString('utf8') ?? '';
    expect(saved).toContain('党员身份卡');
    expect(weapp.wx.toasts).toContain('已保存到相册');
    expect(weapp.problems()).toEqual([]);
  });

  it('explains a refused album, opens the settings, and saves once allowed there', async () => {
    const weapp = await openCard();
    weapp.wx.user.albumPrompt = 'deny';
    await weapp.page.tap('.e2e-card-save-image');
    await until(() => weapp.wx.log.some((l) => l.api === 'openSetting'));

    expect(weapp.wx.savedImages).toHaveLength(0);
    const modal = weapp.wx.log.find((l) => l.api === 'showModal');
    expect(modal?.options.title).toBe('需要相册权限');
    expect(String(modal?.options.content)).toContain('添加到相册');
    expect(weapp.wx.log.some((l) => l.api === 'openSetting')).toBe(true);
    // No error toast on top of the explanation.
    expect(weapp.wx.toasts).toEqual([]);

    await weapp.page.tap('.e2e-card-save-image');
    await until(() => weapp.wx.toasts.length > 0);
    expect(weapp.wx.savedImages).toHaveLength(1);
    expect(weapp.wx.toasts).toContain('已保存到相册');
    expect(weapp.problems()).toEqual([]);
  });

  it('does nothing more when the member declines to open the settings', async () => {
    const weapp = await openCard();
    weapp.wx.user.albumPrompt = 'deny';
    weapp.wx.user.confirms = false;
    await weapp.page.tap('.e2e-card-save-image');
    await until(() => weapp.wx.log.some((l) => l.api === 'showModal'));
    expect(weapp.wx.log.find((l) => l.api === 'showModal')?.options.title).toBe('需要相册权限');
    expect(weapp.wx.log.some((l) => l.api === 'openSetting')).toBe(false);
    expect(weapp.wx.savedImages).toHaveLength(0);
    expect(weapp.problems()).toEqual([]);
  });
});
