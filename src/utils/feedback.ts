import Taro from '@tarojs/taro';
import { errorMessage } from '@/services/client';
import { palette } from '@/styles/palette';

/** A short success toast (WeChat shows at most 7 characters with the check icon). */
export function toastSuccess(title: string): void {
  void Taro.showToast({ title, icon: title.length <= 7 ? 'success' : 'none', duration: 1800 });
}

/** The error's Chinese message, as a toast. */
export function toastError(e: unknown): void {
  void Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 2500 });
}

/** A native confirm dialog; resolves true when confirmed. */
export async function confirmAction(options: {
  title: string;
  content: string;
  confirmText: string;
}): Promise<boolean> {
  const res = await Taro.showModal({
    title: options.title,
    content: options.content,
    confirmText: options.confirmText,
    cancelText: '取消',
    confirmColor: palette.primary,
  });
  return res.confirm;
}

/** A plain message toast. */
export function toastInfo(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2200 });
}

export const CHECK_FORM_MESSAGE = '请检查标红的项目';
