import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { createStore } from '@/utils/store';

const KEY = 'zhibu.careMode';

function readStored(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true;
  } catch {
    return false;
  }
}

const store = createStore<boolean>(readStored());

export function setCareMode(on: boolean): void {
  store.set(on);
  Taro.setStorageSync(KEY, on);
}

/** 关怀模式 (large text and touch targets), persisted on the device. */
export function useCareMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(store.subscribe, store.get, store.get);
  return [on, setCareMode];
}
