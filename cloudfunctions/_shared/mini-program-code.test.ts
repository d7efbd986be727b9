import { cloudMiniProgramCode, type WxacodeApi } from './mini-program-code';

/** The adapter to cloud.openapi (which cannot be reached here): what it asks WeChat for, and how it reads the answer. */
function fakeOpenapi(answer: Awaited<ReturnType<WxacodeApi['wxacode']['getUnlimited']>>) {
  const requests: unknown[] = [];
  const api: WxacodeApi = {
    wxacode: {
      getUnlimited: async (request) => {
        requests.push(request);
        return answer;
      },
    },
  };
  return { api, requests };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

it('asks for an unchecked code of the release version by default and returns its bytes', async () => {
  const { api, requests } = fakeOpenapi({ buffer: new Uint8Array(PNG), errCode: 0 });
  const make = cloudMiniProgramCode(api, {});
  expect(await make?.({ scene: 'abc.def', page: 'pages/checkin/index' })).toEqual(PNG);
  expect(requests).toEqual([
    { scene: 'abc.def', page: 'pages/checkin/index', checkPath: false, envVersion: 'release' },
  ]);
});

it.each([
  ['trial', 'trial'],
  ['develop', 'develop'],
  ['nonsense', 'release'],
])('ZHIBU_WXACODE_ENV=%s opens the %s version', async (value, envVersion) => {
  const { api, requests } = fakeOpenapi({ buffer: PNG });
  await cloudMiniProgramCode(api, { ZHIBU_WXACODE_ENV: value })?.({ scene: 's', page: 'p' });
  expect(requests).toEqual([expect.objectContaining({ envVersion })]);
});

it('makes none when the committee uses link codes (ZHIBU_CHECKIN_CODE=link)', () => {
  expect(cloudMiniProgramCode(fakeOpenapi({ buffer: PNG }).api, { ZHIBU_CHECKIN_CODE: 'link' })).toBeUndefined();
});

it('throws WeChat’s error code when it refuses', async () => {
  const make = cloudMiniProgramCode(fakeOpenapi({ errCode: 40129, errMsg: 'invalid scene' }).api, {});
  await expect(make?.({ scene: 's', page: 'p' })).rejects.toThrow('40129 invalid scene');
});
