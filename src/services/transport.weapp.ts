/**
 * WeChat transport: `wx.cloud.callFunction`; the caller's identity is their OPENID, added by WeChat.
 * Each action goes to the function that serves it (an Excel action to `sheets`: contracts/deployment.ts).
 */
import { deployedAt } from '@contracts/labels/deployment';
import Taro from '@tarojs/taro';
import { ApiRequestError, NETWORK_MESSAGE } from './errors';
import { isEnvelope, type Transport } from './transport-types';

export const transport: Transport = {
  async invoke(fn, action, data) {
    const to = deployedAt(fn, action);
    let res: Taro.cloud.CallFunctionResult;
    try {
      res = await Taro.cloud.callFunction({ name: to.name, data: { action: to.action, data } });
    } catch (e) {
      const errMsg = typeof e === 'object' && e !== null ? String((e as { errMsg?: unknown }).errMsg ?? '') : '';
      // -404011: the function is not deployed; anything else here is the network or the platform.
      if (errMsg.includes('FUNCTION_NOT_FOUND') || errMsg.includes('-404011'))
        throw new ApiRequestError('INTERNAL', `云函数 ${to.name} 尚未部署`);
      throw new ApiRequestError('NETWORK', NETWORK_MESSAGE);
    }
    if (!isEnvelope(res.result)) throw new ApiRequestError('INTERNAL', '服务返回了无法识别的结果');
    return res.result;
  },
};
