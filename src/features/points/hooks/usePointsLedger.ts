import type { LedgerEntryView } from '@contracts';
import type { LedgerQuery } from '@/features/points/model/ledger-filter';
import { listPointsEntries } from '@/features/points/services/points';
import { usePagedList } from '@/hooks/usePagedList';
import { useEvent } from '@/utils/events';

const PAGE_SIZE = 20;

/**
 * A branch's ledger, newest first, page by page (optionally one member's, or as `filter` narrows it);
 * reloads when points change.
 */
export function usePointsLedger(orgId: string, memberId?: string, filter: LedgerQuery = {}) {
  const filterKey = JSON.stringify(filter);
  const list = usePagedList<LedgerEntryView>(
    (page) => listPointsEntries({ orgId, page, pageSize: PAGE_SIZE, ...(memberId ? { memberId } : {}), ...filter }),
    [orgId, memberId, filterKey],
    { enabled: !!orgId },
  );
  useEvent('pointsChanged', () => void list.reload());
  return list;
}
