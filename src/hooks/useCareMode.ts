import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { createStore } from '@/utils/store';

const KEY = 'zhibu.careMode';

/** What WeChat reports of its own font size (`wx.getAppBaseInfo`, base library 2.23.4+). */
export interface WeChatFont {
  /** WeChat's 字体大小 in px: 17 standard on iOS, 16 on Android. */
  fontSizeSetting?: number;
  /** The same setting as a factor of the standard size. */
  fontSizeScaleFactor?: number;
}

/**
 * Whether WeChat's own font size is enlarged enough that 关怀模式 should start on: two steps above
 * standard (a factor of 1.1, or 19 px where only the size is known).
 */
export function isLargeWeChatFont(font: WeChatFont | null): boolean {
  if (!font) return false;
  if (typeof font.fontSizeScaleFactor === 'number') return font.fontSizeScaleFactor >= 1.1;
  return typeof font.fontSizeSetting === 'number' && font.fontSizeSetting >= 19;
}

function weChatFont(): WeChatFont | null {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    // Taro's typing of the result leaves out the font fields WeChat returns.
    return (Taro.getAppBaseInfo as unknown as () => WeChatFont)();
  } catch {
    return null;
  }
}

/** The member's own choice when they made one, else what WeChat's font size suggests. */
function initial(): boolean {
  try {
    const stored: unknown = Taro.getStorageSync(KEY);
    if (typeof stored === 'boolean') return stored;
  } catch {
    // No storage: follow WeChat.
  }
  return isLargeWeChatFont(weChatFont());
}

/**
 * H5: the document carries 关怀模式 too, for what lies outside the pages (Taro's tab bar and title
 * bar, styled in src/index.html). WeChat's native tab bar cannot follow: setTabBarStyle takes colours
 * only, no font size.
 */
function markDocument(on: boolean): void {
  if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('zb-care-root', on);
}

const store = createStore<boolean>(initial());
markDocument(store.get());

export function setCareMode(on: boolean): void {
  store.set(on);
  markDocument(on);
  Taro.setStorageSync(KEY, on);
}

/** 关怀模式 (large text and touch targets), persisted on the device once the member chooses. */
export function useCareMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(store.subscribe, store.get, store.get);
  return [on, setCareMode];
}
