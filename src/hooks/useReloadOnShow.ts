import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Calls `reload` each time the page is shown again (back from another page), not on its first
 * show, when it is loading anyway. The latest `reload` and `enabled` are the ones used.
 */
export function useReloadOnShow(reload: () => unknown, enabled = true): void {
  const shownOnce = useRef(false);
  const latest = useRef({ reload, enabled });
  latest.current = { reload, enabled };
  useDidShow(() => {
    if (shownOnce.current && latest.current.enabled) void latest.current.reload();
    shownOnce.current = true;
  });
}
