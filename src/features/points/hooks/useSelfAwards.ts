import type { SelfAwardItem } from '@contracts';
import { isApiRequestError } from '@/services/client';
import { listSelfAwards } from '@/features/points/services/points';
import { usePagedList } from '@/hooks/usePagedList';
import { useEvent } from '@/utils/events';

const PAGE_SIZE = 20;

/** 自我加分 review (committee admins): newest first, page by page; reloads when points change (a reversal). */
export function useSelfAwards() {
  const list = usePagedList<SelfAwardItem>((page) => listSelfAwards(page, PAGE_SIZE), []);
  useEvent('pointsChanged', () => void list.reload());
  /** The server's word that the caller is no committee admin (its message says so). */
  const forbidden = isApiRequestError(list.error) && list.error.code === 'FORBIDDEN' ? list.error : null;
  return { ...list, forbidden };
}

export type SelfAwardsState = ReturnType<typeof useSelfAwards>;
