import { useDidHide, useDidShow } from '@tarojs/taro';
import { useState } from 'react';

/** Whether the page is on screen: false between onHide and the next onShow. */
export function usePageVisible(): boolean {
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  return shown;
}
