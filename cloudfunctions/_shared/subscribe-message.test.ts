import { cloudSubscribe, type SubscribeApi } from './subscribe-message';

/** The adapter to cloud.openapi (which cannot be reached here): what it asks WeChat for, and how it reads the answer. */
function fakeOpenapi(answer: () => Promise<{ errCode?: number; errMsg?: string }>) {
  const requests: unknown[] = [];
  const api: SubscribeApi = {
    subscribeMessage: {
      send: async (request) => {
        requests.push(request);
        return answer();
      },
    },
  };
  return { api, requests };
}

const TEMPLATES = JSON.stringify({
  activity: { id: 'T-act_1', title: 'thing1', time: 'time2' },
  review: { id: 'bad id!', title: 'thing1' },
  points: { id: 'T-pts', title: 'not a key' },
  unknown: { id: 'T-x' },
});
const MESSAGE = {
  touser: 'o-1',
  templateId: 'T-act_1',
  page: 'pages/index/index',
  data: { thing1: { value: '主题党日' } },
};

it('configures nothing without ZHIBU_SUBSCRIBE_TEMPLATES, or with nothing usable in it', () => {
  const { api } = fakeOpenapi(async () => ({ errCode: 0 }));
  expect(cloudSubscribe(api, {})).toBeUndefined();
  expect(cloudSubscribe(api, { ZHIBU_SUBSCRIBE_TEMPLATES: 'not json' })).toBeUndefined();
  expect(cloudSubscribe(api, { ZHIBU_SUBSCRIBE_TEMPLATES: '{"review":{"id":"a b"}}' })).toBeUndefined();
});

it('reads the templates by channel, leaving out ids and keys that do not fit', () => {
  const gateway = cloudSubscribe(fakeOpenapi(async () => ({})).api, { ZHIBU_SUBSCRIBE_TEMPLATES: TEMPLATES });
  expect(gateway?.templates).toEqual({
    activity: { id: 'T-act_1', title: 'thing1', time: 'time2', body: undefined },
    points: { id: 'T-pts', title: undefined, time: undefined, body: undefined },
  });
});

it('sends to the release version by default, trial or developer as ZHIBU_WXACODE_ENV says', async () => {
  const { api, requests } = fakeOpenapi(async () => ({ errCode: 0, errMsg: 'ok' }));
  expect(await cloudSubscribe(api, { ZHIBU_SUBSCRIBE_TEMPLATES: TEMPLATES })?.send(MESSAGE)).toEqual({
    errcode: 0,
    errmsg: 'ok',
  });
  await cloudSubscribe(api, { ZHIBU_SUBSCRIBE_TEMPLATES: TEMPLATES, ZHIBU_WXACODE_ENV: 'develop' })?.send(MESSAGE);
  expect(requests).toEqual([
    { ...MESSAGE, miniprogramState: 'formal' },
    { ...MESSAGE, miniprogramState: 'developer' },
  ]);
});

it('answers WeChat’s refusal (thrown by the SDK with errCode) as a code: 43101 is an outcome, not a crash', async () => {
  const refusal = Object.assign(new Error('errCode: 43101 | errMsg: user refuse to accept the msg'), {
    errCode: 43101,
    errMsg: 'user refuse to accept the msg',
  });
  const gateway = cloudSubscribe(
    fakeOpenapi(async () => {
      throw refusal;
    }).api,
    { ZHIBU_SUBSCRIBE_TEMPLATES: TEMPLATES },
  );
  expect(await gateway?.send(MESSAGE)).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
});

it('lets a failure without a WeChat code through (the timer marks the notice failed)', async () => {
  const gateway = cloudSubscribe(
    fakeOpenapi(async () => {
      throw new Error('socket hang up');
    }).api,
    { ZHIBU_SUBSCRIBE_TEMPLATES: TEMPLATES },
  );
  await expect(gateway?.send(MESSAGE)).rejects.toThrow('socket hang up');
});
