import { useEffect, useRef, useState } from 'react';
import { msUntilRefresh } from '@/features/activities/model';
import { isApiRequestError } from '@/services/errors';

export interface RotatingCode {
  token: string;
  refreshAt: string;
  url?: string;
}

/** Answers that asking again will not change (a refusal): the hook stops and shows them. */
const FINAL_CODES: readonly string[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT', 'UNKNOWN_ACTION'];

/** Whether a failed fetch is worth retrying (the network, the server busy), not a refusal. */
export const isRetryable = (e: unknown): boolean => !isApiRequestError(e) || !FINAL_CODES.includes(e.code);

/**
 * Keeps a rotating code current: fetches it, then again just after each step ends, while
 * `active`. A failed fetch keeps the last code and retries in a few seconds, unless it was refused
 * (then `retrying` is false and nothing more is asked).
 */
export function useRotatingCode<T extends RotatingCode>(
  fetch: () => Promise<T>,
  active: boolean,
  deps: readonly unknown[],
) {
  const [code, setCode] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const next = await fetchRef.current();
        if (stopped) return;
        setCode(next);
        setError(undefined);
        timer = setTimeout(() => void tick(), msUntilRefresh(next.refreshAt));
      } catch (e) {
        if (stopped) return;
        setError(e);
        if (isRetryable(e)) timer = setTimeout(() => void tick(), 3000);
      }
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, ...deps]);

  return { code, error, retrying: error !== undefined && isRetryable(error) };
}
