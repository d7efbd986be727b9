/** Scanning in WeChat: the camera only (a photo from the album could be an old screenshot). */
import Taro from '@tarojs/taro';
import { ApiRequestError } from '@/services/errors';

export const canScanCode = true;

export async function scanCode(): Promise<string | null> {
  try {
    // A 小程序码 of this app gives its page path (with the token as `scene`); a QR code its text.
    // WeChat's scanType takes 'wxCode' (小程序码); Taro's typing lacks it.
    const scanType = ['qrCode', 'wxCode'] as Array<keyof Taro.scanCode.ScanType>;
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType });
    return res.path || res.result || null;
  } catch (e) {
    const msg = typeof e === 'object' && e !== null ? String((e as { errMsg?: unknown }).errMsg ?? '') : '';
    if (msg.includes('cancel')) return null;
    throw new ApiRequestError('INTERNAL', '无法打开扫码，请稍后重试');
  }
}
