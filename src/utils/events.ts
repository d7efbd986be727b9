import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/** Fired when a roster entry was created, edited, moved or deactivated (lists reload on it). */
export const ROSTER_CHANGED = 'zhibu:roster-changed';

export function emitRosterChanged(): void {
  Taro.eventCenter.trigger(ROSTER_CHANGED);
}

export function useRosterChanged(handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const listener = () => ref.current();
    Taro.eventCenter.on(ROSTER_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(ROSTER_CHANGED, listener);
    };
  }, []);
}
