/** WeChat: choose the activity's place on the map (chooseLocation, declared in app.config). */
import Taro from '@tarojs/taro';
import { ApiRequestError } from '@/services/errors';
import type { PickedLocation } from './location-picker';

export type { PickedLocation } from './location-picker';

export const canPickLocation = true;

const isCancel = (e: unknown) =>
  typeof e === 'object' && e !== null && String((e as { errMsg?: unknown }).errMsg ?? '').includes('cancel');

export async function pickLocation(): Promise<PickedLocation | null> {
  try {
    const res = await Taro.chooseLocation({});
    return { name: res.name || res.address, lat: res.latitude, lng: res.longitude };
  } catch (e) {
    if (isCancel(e)) return null;
    throw new ApiRequestError('INTERNAL', '无法打开地图，请检查是否允许使用位置信息');
  }
}
