import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/** Fired when points were recorded or an entry reversed (rankings, ledgers and scores reload on it). */
export const POINTS_CHANGED = 'zhibu:points-changed';

export function emitPointsChanged(): void {
  Taro.eventCenter.trigger(POINTS_CHANGED);
}

export function usePointsChanged(handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const listener = () => ref.current();
    Taro.eventCenter.on(POINTS_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(POINTS_CHANGED, listener);
    };
  }, []);
}
