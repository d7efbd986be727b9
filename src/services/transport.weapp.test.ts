import Taro from '@tarojs/taro';
import { transport } from './transport.weapp';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud: { callFunction: jest.fn() } } }));

const callFunction = Taro.cloud.callFunction as unknown as jest.Mock;

beforeEach(() => {
  callFunction.mockReset();
  callFunction.mockResolvedValue({ result: { ok: true, data: null } });
});

/** The cloud call sends each action to the function that serves it (contracts/deployment.ts). */
describe('the WeChat transport routes by the deployment map', () => {
  it.each([
    ['roster', 'exportMembers', 'sheets', 'roster.exportMembers'],
    ['roster', 'exportMyData', 'sheets', 'roster.exportMyData'],
    ['points', 'export', 'sheets', 'points.export'],
    ['activity', 'exportPeriod', 'sheets', 'activity.exportPeriod'],
    ['lecture', 'exportStats', 'sheets', 'lecture.exportStats'],
    ['roster', 'listMembers', 'roster', 'listMembers'],
    ['activity', 'checkin', 'activity', 'checkin'],
    ['identity', 'me', 'identity', 'me'],
  ])('%s.%s → function %s, action %s', async (fn, action, name, sent) => {
    await expect(transport.invoke(fn, action, { orgId: 'o' })).resolves.toEqual({ ok: true, data: null });
    expect(callFunction).toHaveBeenCalledWith({ name, data: { action: sent, data: { orgId: 'o' } } });
  });

  it('names the function that is missing when it is not deployed', async () => {
    callFunction.mockRejectedValue({ errMsg: 'cloud.callFunction:fail -404011 FUNCTION_NOT_FOUND' });
    await expect(transport.invoke('roster', 'exportMembers', {})).rejects.toMatchObject({
      code: 'INTERNAL',
      message: '云函数 sheets 尚未部署',
    });
  });
});
