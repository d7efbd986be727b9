/** Scanning in WeChat: the camera only (a photo from the album could be an old screenshot). */
import Taro from '@tarojs/taro';
import { ApiRequestError } from '@/services/errors';

export const canScanCode = true;

export async function scanCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return res.result || null;
  } catch (e) {
    const msg = typeof e === 'object' && e !== null ? String((e as { errMsg?: unknown }).errMsg ?? '') : '';
    if (msg.includes('cancel')) return null;
    throw new ApiRequestError('INTERNAL', '无法打开扫码，请稍后重试');
  }
}
