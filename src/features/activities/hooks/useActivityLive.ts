import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionOutput, ActivityPhase } from '@contracts';
import { getLiveAttendance } from '@/features/activities/services/activity';
import { usePageVisible } from '@/hooks/usePageVisible';

export type LiveAttendance = ActionOutput<'activity', 'live'>;

/** How often the live figures are fetched while the page is shown. */
export const LIVE_POLL_MS = 3000;

const FINAL: ActivityPhase[] = ['closed', 'cancelled'];

/**
 * The live attendance of an activity: fetched at once, then every {@link LIVE_POLL_MS} while the
 * page is shown and the activity is still open (a closed or cancelled one no longer changes).
 * Polling stops on hide and unmount; `refresh` fetches now (after an action).
 */
export function useActivityLive(id: string) {
  const [data, setData] = useState<LiveAttendance | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const shown = usePageVisible();
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    if (!id) return;
    const mine = ++seq.current;
    try {
      const next = await getLiveAttendance(id);
      if (mine !== seq.current) return;
      setData(next);
      setError(undefined);
    } catch (e) {
      if (mine === seq.current) setError(e);
    }
  }, [id]);

  const open = !data || !FINAL.includes(data.phase);
  useEffect(() => {
    if (!id || !shown || !open) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await refresh();
      if (!stopped) timer = setTimeout(() => void tick(), LIVE_POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [id, shown, open, refresh]);

  return { data, error, loading: !data && !error, shown, refresh };
}

export type ActivityLiveState = ReturnType<typeof useActivityLive>;
