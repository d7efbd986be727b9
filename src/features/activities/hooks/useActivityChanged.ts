import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/** Fired when an activity was created, edited, cancelled or closed (lists and pages reload on it). */
export const ACTIVITY_CHANGED = 'zhibu:activity-changed';

export function emitActivityChanged(): void {
  Taro.eventCenter.trigger(ACTIVITY_CHANGED);
}

export function useActivityChanged(handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const listener = () => ref.current();
    Taro.eventCenter.on(ACTIVITY_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(ACTIVITY_CHANGED, listener);
    };
  }, []);
}
