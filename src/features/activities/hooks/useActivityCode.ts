import { useEffect, useState } from 'react';
import type { ActivityPhase } from '@contracts';
import { getActivityCode } from '@/features/activities/services/activity';
import { useRotatingCode } from '@/features/identity';

/** The phases in which the sign-in code is shown. */
export const CODE_PHASES: ActivityPhase[] = ['upcoming', 'signing', 'running'];

/**
 * The activity's rotating sign-in code while `active` (the phase allows it and the page is shown),
 * with the whole seconds left until it changes.
 */
export function useActivityCode(id: string, active: boolean) {
  const { code, error, retrying } = useRotatingCode(() => getActivityCode(id), active && !!id, [id]);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);

  const secondsLeft = code ? Math.max(0, Math.ceil((Date.parse(code.refreshAt) - now) / 1000)) : null;
  return { code: active ? code : undefined, error, retrying, secondsLeft };
}

export type ActivityCodeState = ReturnType<typeof useActivityCode>;
