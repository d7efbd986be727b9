/** WeChat: the organiser scans the personal code on a member's identity card. */
import Taro from '@tarojs/taro';
import { ApiRequestError } from '@/services/errors';

export const canScanWithCamera = true;

const isCancel = (e: unknown) =>
  typeof e === 'object' && e !== null && String((e as { errMsg?: unknown }).errMsg ?? '').includes('cancel');

export async function scanCodeText(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return res.result;
  } catch (e) {
    if (isCancel(e)) return null;
    throw new ApiRequestError('INTERNAL', '无法打开相机扫码，请稍后重试');
  }
}
