import {
  CHECKIN_PAGE,
  CODE_CALLS_PER_MINUTE,
  checkinMiniProgramCode,
  resetMiniProgramCodes,
} from '../mini-program-code';
import { STEP_SECONDS } from '../token';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { MEMBER, SECRETARY } from '../../../tests/support/demo';
import { textOfPng, WxacodeDouble } from '../../../tests/support/wxacode-double';

/**
 * Sign-in codes as 小程序码 (issue 16): the token travels as the code's `scene` (wxacode.getUnlimited
 * through cloud.openapi, a test double here) and comes back to pages/checkin as its `scene` query,
 * URL-encoded, which the app decodes and sends. One image per activity and step.
 */
const ACTIVITY = 'act-demo-now';
const SIGN_IN_OPEN = '2026-11-23T02:05:00.000Z';

let h: Harness;
let wechat: WxacodeDouble;

beforeEach(async () => {
  resetMiniProgramCodes();
  wechat = new WxacodeDouble([CHECKIN_PAGE, 'pages/index/index']);
  h = await createHarness({ storage: 'file', miniProgramCode: wechat.make });
  h.now.value = new Date(SIGN_IN_OPEN);
});
afterEach(() => h.close());

const pngOf = (image: string | null) => {
  expect(image).toMatch(/^data:image\/png;base64,/);
  return Buffer.from((image ?? '').replace(/^data:image\/png;base64,/, ''), 'base64');
};

it('makes a 小程序码 whose scene is the token, and a member signs in with the scene WeChat hands back', async () => {
  const code = await h.call(SECRETARY, 'activity', 'code', { id: ACTIVITY });
  expect(code.token.length).toBeLessThanOrEqual(32);
  expect(wechat.requests).toEqual([{ scene: code.token, page: CHECKIN_PAGE }]);
  const png = pngOf(code.image);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const scene = textOfPng(png, 'scene');
  expect(scene).toBe(code.token);

  // WeChat opens pages/checkin with `scene` URL-encoded in the page's query; the app decodes it.
  const query = new URLSearchParams({ scene: encodeURIComponent(scene ?? '') });
  const received = decodeURIComponent(query.get('scene') ?? '');
  const result = await h.call(MEMBER, 'activity', 'checkin', {
    token: received,
    entry: { via: 'launch', scene: 1047 },
  });
  expect(result).toMatchObject({ activityId: ACTIVITY, status: expect.stringMatching(/present|late/) });
});

it('asks WeChat once per activity and step, however many screens show the code', async () => {
  const first = await Promise.all([1, 2, 3].map(() => h.call(SECRETARY, 'activity', 'code', { id: ACTIVITY })));
  expect(new Set(first.map((c) => c.image)).size).toBe(1);
  expect(wechat.requests).toHaveLength(1);
  h.now.value = new Date(Date.parse(SIGN_IN_OPEN) + STEP_SECONDS * 1000);
  const next = await h.call(SECRETARY, 'activity', 'code', { id: ACTIVITY });
  expect(wechat.requests).toHaveLength(2);
  expect(next.token).not.toBe(first[0].token);
  expect(textOfPng(pngOf(next.image), 'scene')).toBe(next.token);
});

it('falls back to the link QR code when WeChat refuses, and tries again at the next call', async () => {
  wechat.failing = true;
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const refused = await h.call(SECRETARY, 'activity', 'code', { id: ACTIVITY });
  expect(refused.image).toBeNull();
  expect(refused.url).toContain(`t=${refused.token}`);
  expect(errors).toHaveBeenCalled();
  errors.mockRestore();
  wechat.failing = false;
  const again = await h.call(SECRETARY, 'activity', 'code', { id: ACTIVITY });
  expect(textOfPng(pngOf(again.image), 'scene')).toBe(again.token);
});

it('stays under its share of WeChat’s 5,000 calls a minute, then falls back to link codes', async () => {
  const ctx = { clock: () => h.now.value, miniProgramCode: wechat.make } as Parameters<
    typeof checkinMiniProgramCode
  >[0];
  for (let i = 0; i < CODE_CALLS_PER_MINUTE; i++)
    expect(await checkinMiniProgramCode(ctx, `act-${i}`, 1, `act-${i}.AAAAAAAAAAA`)).not.toBeNull();
  expect(await checkinMiniProgramCode(ctx, 'act-over', 1, 'act-over.AAAAAAAAAAA')).toBeNull();
  expect(wechat.requests).toHaveLength(CODE_CALLS_PER_MINUTE);
  h.now.value = new Date(h.now.value.getTime() + 60_001);
  expect(await checkinMiniProgramCode(ctx, 'act-over', 1, 'act-over.AAAAAAAAAAA')).not.toBeNull();
});

it('gives no image where the environment makes no 小程序码 (the local host)', async () => {
  const plain = await createHarness();
  plain.now.value = new Date(SIGN_IN_OPEN);
  try {
    expect(await plain.call(SECRETARY, 'activity', 'code', { id: ACTIVITY })).toMatchObject({ image: null });
  } finally {
    await plain.close();
  }
});
