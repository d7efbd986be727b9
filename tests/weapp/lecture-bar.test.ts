import { CloudBackend } from './support/backend';
import { IDENTITIES } from './support/identities';
import { textOf } from './support/tree';
import { Weapp } from './support/weapp';

/**
 * The bar under the lecture video in the mini-program: the resume hint drives WeChat's player
 * through its VideoContext (seek, then play), and the bar follows the <Video>'s own events.
 * The demo's 王志强 (the officer) stopped lecture-3 at 00:30 yesterday.
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

const barText = (weapp: Weapp) => weapp.page.byClass('e2e-lecture-bar').map(textOf).join(' ');

describe('lecture player bar', () => {
  it('offers 从 00:30 继续 once, plays on from there when tapped, then pause and play buttons', async () => {
    app = await Weapp.launch({ backend, openid: IDENTITIES.officer });
    await app.open('packages/member/pages/lecture/index', { id: 'lecture-3' });
    const weapp = app;

    expect(weapp.page.text()).toContain('从 00:30 继续');
    expect(barText(weapp).match(/\d{2}:\d{2}/g)).toEqual(['00:30']);
    expect(weapp.page.byClass('e2e-lecture-cover')).toHaveLength(1);

    await weapp.page.tap('.e2e-lecture-resume');
    const commands = weapp.wx.videoCommands.map((c) => [c.command, ...c.args]);
    expect(commands).toEqual([['seek', 30], ['play']]);

    const [video] = weapp.page.byClass('zb-lplayer__video');
    await weapp.page.trigger(video, 'play');
    expect(weapp.page.byClass('e2e-lecture-pause')).toHaveLength(1);
    expect(weapp.page.byClass('e2e-lecture-cover')).toHaveLength(0);
    await weapp.page.trigger(video, 'pause');
    expect(weapp.page.byClass('e2e-lecture-play')).toHaveLength(1);
    expect(weapp.page.text()).toContain('继续播放');
    expect(weapp.problems()).toEqual([]);
  });
});
