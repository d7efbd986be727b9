import { useCallback, useEffect, useRef, useState } from 'react';

export interface RequestState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Runs the request again; resolves when it settles (never rejects). */
  reload: () => Promise<void>;
  setData: (data: T | undefined) => void;
}

/**
 * Runs `fn` on mount and whenever `deps` change; `manual` skips the automatic run.
 * Late answers of superseded runs are dropped.
 */
export function useRequest<T>(
  fn: () => Promise<T>,
  deps: readonly unknown[],
  options: { manual?: boolean } = {},
): RequestState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(!options.manual);
  const seq = useRef(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(undefined);
    try {
      const result = await fnRef.current();
      if (mine === seq.current) setData(result);
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!options.manual) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { data, error, loading, reload, setData };
}
