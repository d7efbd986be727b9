import { useState } from 'react';
import type { ObjectionView } from '@contracts';
import { mergeDecided, type ObjectionFilter } from '@/features/points/model/objections';
import { listObjections } from '@/features/points/services/points';
import { useRequest } from '@/hooks/useRequest';
import { useEvent } from '@/utils/events';

/**
 * A branch's objections (异议): the open ones (always loaded, for the count) and, once asked for,
 * the decided ones. Reloads when points change.
 */
export function useObjections(orgId: string) {
  const [filter, setFilter] = useState<ObjectionFilter>('open');
  const open = useRequest<ObjectionView[] | undefined>(
    () => (orgId ? listObjections({ orgId, status: 'open' }).then((r) => r.items) : Promise.resolve(undefined)),
    [orgId],
  );
  const decided = useRequest<ObjectionView[] | undefined>(async () => {
    if (!orgId || filter !== 'done') return undefined;
    const [upheld, dismissed] = await Promise.all([
      listObjections({ orgId, status: 'upheld' }),
      listObjections({ orgId, status: 'dismissed' }),
    ]);
    return mergeDecided(upheld.items, dismissed.items);
  }, [orgId, filter]);

  const reload = () => Promise.all([open.reload(), decided.reload()]).then(() => undefined);
  useEvent('pointsChanged', () => void reload());

  const shown = filter === 'open' ? open : decided;
  return {
    filter,
    setFilter,
    items: shown.data,
    loading: shown.loading,
    error: shown.error,
    /** Open objections, once known. */
    openCount: open.data?.length,
    reload,
  };
}

export type ObjectionsState = ReturnType<typeof useObjections>;
