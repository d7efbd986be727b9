/** WeChat: how the sign-in page was reached, reported with the sign-in (the server decides). */
import Taro from '@tarojs/taro';
import type { CheckinEntry } from '@contracts';

/**
 * Opened with a code: as the first page of a launch, WeChat opened it (its scanner, a chat card, an
 * image in a chat or the album) and the entry scene says which; further up the stack, the app
 * navigated here after its own camera scanner read the code.
 */
export function openedEntry(): CheckinEntry {
  if (Taro.getCurrentPages().length <= 1) return { via: 'launch', scene: Taro.getEnterOptionsSync().scene };
  return { via: 'scan' };
}

/** The app's scanner, which accepts the camera only. */
export const scannedEntry = (): CheckinEntry => ({ via: 'scan' });
