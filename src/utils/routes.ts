import Taro from '@tarojs/taro';
import { ROUTES, TAB_ROUTES } from './route-table';

export { ROUTES };

/** Opens a page (switching tabs for tab pages). */
export function go(url: string): void {
  const path = url.split('?')[0];
  if (TAB_ROUTES.includes(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url });
}

/** Goes back, or home when this page was opened directly (deep link, reload). */
export function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: ROUTES.home });
}
