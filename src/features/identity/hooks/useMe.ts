import { useEffect, useSyncExternalStore } from 'react';
import type { MeOutput, Permission } from '@contracts';
import { may, mayAnywhere } from '@/features/identity/model/permissions';
import { getMe } from '@/features/identity/services/identity';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { createStore } from '@/utils/store';

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

  useEffect(() => {
    if (!store.get().loaded) void refreshMe();
  }, []);

  useReloadOnShow(refreshMe, !!options.refreshOnShow);

  return {
    me: state.me,
    error: state.error,
    /** True until the first answer (later refreshes keep showing the previous data). */
    loading: !state.loaded || (state.loading && !state.me),
    reload: refreshMe,
  };
}

/**
 * What the caller may do, from `identity.me` (the server's permission table). Until `me` has
 * loaded the answer is "no", so a control appears once it is known to be usable and never vanishes.
 */
export function usePermissions() {
  const { me } = useMe();
  return {
    loaded: !!me,
    /** May the caller do `permission` on `orgId` (a grant on it or on an ancestor)? */
    may: (permission: Permission, orgId: string | null | undefined) => may(me, permission, orgId),
    mayAnywhere: (permission: Permission) => mayAnywhere(me, permission),
  };
}
