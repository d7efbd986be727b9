import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { reversalNote } from '@/features/points/model/points';
import PointsEntryRow, { type EntryRowData } from '@/features/points/components/PointsEntryRow';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import LoadMoreFooter from '@/components/LoadMoreFooter';
import './index.scss';

export interface EntryListState<T extends EntryRowData> {
  items: T[];
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  moreError: unknown;
  hasMore: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

interface Props<T extends EntryRowData> {
  list: EntryListState<T>;
  empty: { title: string; description: string };
  showMember?: boolean;
  onReverse?: (entry: T) => void;
  /** 提出异议 on the member's own entries. */
  onObject?: (entry: T) => void;
  className?: string;
}

/** Points entries, newest first, with loading, error, empty and load-more states. */
export default function PointsEntryList<T extends EntryRowData & { reversed?: boolean }>({
  list,
  empty,
  showMember,
  onReverse,
  onObject,
  className,
}: Props<T>) {
  // The member's own entries do not say whether they were reversed: a loaded reversal tells.
  const reversedIds = useMemo(() => new Set(list.items.map((e) => e.reverses).filter(Boolean)), [list.items]);

  if (list.loading) return <LoadingSkeleton rows={3} cards={2} />;
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.items.length) return <EmptyState title={empty.title} description={empty.description} />;

  return (
    <View className={`zb-pentries e2e-points-entries ${className ?? ''}`}>
      <View className="zb-pentries__rows">
        {list.items.map((e) => (
          <PointsEntryRow
            key={e.id}
            entry={e}
            reversalNote={reversalNote(e, list.items)}
            reversed={e.reversed ?? reversedIds.has(e.id)}
            showMember={showMember}
            onReverse={onReverse ? () => onReverse(e) : undefined}
            onObject={onObject ? () => onObject(e) : undefined}
          />
        ))}
      </View>
      <LoadMoreFooter list={list} className="e2e-points-more" />
    </View>
  );
}
