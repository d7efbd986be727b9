/** Location in WeChat: `getLocation` (declared in requiredPrivateInfos), settings via `openSetting`. */
import Taro from '@tarojs/taro';
import { LocationError, type Coordinates } from './location-types';

export { isLocationError, LocationError, type Coordinates } from './location-types';

export const canOpenLocationSettings = true;

const errMsgOf = (e: unknown): string =>
  typeof e === 'object' && e !== null ? String((e as { errMsg?: unknown }).errMsg ?? '') : '';

export async function getLocation(): Promise<Coordinates> {
  try {
    const res = await Taro.getLocation({ type: 'gcj02' });
    return { lat: res.latitude, lng: res.longitude };
  } catch (e) {
    // `getLocation:fail auth deny` / `authorize no response`: the user said no (now or before).
    const msg = errMsgOf(e);
    throw new LocationError(/auth|deny|denied|permission/i.test(msg) ? 'denied' : 'unavailable', msg);
  }
}

export async function openLocationSettings(): Promise<boolean> {
  try {
    const res = await Taro.openSetting();
    return Boolean(res.authSetting['scope.userLocation']);
  } catch {
    return false;
  }
}
