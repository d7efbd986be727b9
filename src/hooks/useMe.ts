import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { MeOutput } from '../../contracts';
import { getMe } from '../services/identity';
import { createStore } from '../utils/store';

interface MeState {
  me: MeOutput | null;
  error: unknown;
  loading: boolean;
  loaded: boolean;
}

const store = createStore<MeState>({ me: null, error: undefined, loading: false, loaded: false });
let inflight: Promise<void> | null = null;

/** Fetches `identity.me` again (shared by every page); concurrent calls share one request. */
export function refreshMe(): Promise<void> {
  if (inflight) return inflight;
  store.set((s) => ({ ...s, loading: true, error: undefined }));
  inflight = getMe()
    .then((me) => store.set({ me, error: undefined, loading: false, loaded: true }))
    .catch((error: unknown) => store.set((s) => ({ ...s, error, loading: false, loaded: true })))
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

/** Forgets who I am (after switching identity). */
export function resetMe(): void {
  store.set({ me: null, error: undefined, loading: false, loaded: false });
}

/**
 * Who the caller is: member, roles and latest declaration. Loads once for the whole app;
 * `refreshOnShow` refetches whenever the page is shown again (e.g. back from 亮身份).
 */
export function useMe(options: { refreshOnShow?: boolean } = {}) {
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  const shownOnce = useRef(false);

  useEffect(() => {
    if (!store.get().loaded) void refreshMe();
  }, []);

  useDidShow(() => {
    if (shownOnce.current && options.refreshOnShow) void refreshMe();
    shownOnce.current = true;
  });

  return {
    me: state.me,
    error: state.error,
    /** True until the first answer (later refreshes keep showing the previous data). */
    loading: !state.loaded || (state.loading && !state.me),
    reload: refreshMe,
  };
}
