import type { LedgerEntryView } from '@contracts';
import { listPointsEntries } from '@/features/points/services/points';
import { usePagedList } from '@/hooks/usePagedList';
import { useEvent } from '@/utils/events';

const PAGE_SIZE = 20;

/** A branch's ledger, newest first, page by page (optionally one member's); reloads when points change. */
export function usePointsLedger(orgId: string, memberId?: string) {
  const list = usePagedList<LedgerEntryView>(
    (page) => listPointsEntries({ orgId, page, pageSize: PAGE_SIZE, ...(memberId ? { memberId } : {}) }),
    [orgId, memberId],
    { enabled: !!orgId },
  );
  useEvent('pointsChanged', () => void list.reload());
  return list;
}
