import { Text, View } from '@tarojs/components';
import type { RosterMember } from '@contracts';
import MemberRow from '@/features/roster/components/MemberRow';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import LoadMoreFooter from '@/components/LoadMoreFooter';
import { chipEmpty } from '@/features/roster/model/on-the-way';
import type { StatusCategory } from '@/utils/status-categories';
import './index.scss';

interface ListState {
  items: RosterMember[];
  total: number;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  moreError: unknown;
  hasMore: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

interface Props {
  list: ListState;
  query: string;
  status: 'active' | 'inactive';
  /** The 党员分类 filter, '' for none. */
  category?: string;
  /** The 党员身份 chip (全部 when left out). */
  chip?: StatusCategory;
  onClearQuery: () => void;
  onClearCategory?: () => void;
  onClearChip?: () => void;
  /** Left out for those who may not add members: the empty state then only says who does. */
  onAdd?: () => void;
  onOpen: (id: string) => void;
}

/** 花名册's list with its loading, error, empty (saying what to do next) and load-more states. */
export default function RosterResults({
  list,
  query,
  status,
  category,
  chip = 'all',
  onClearQuery,
  onClearCategory,
  onClearChip,
  onAdd,
  onOpen,
}: Props) {
  if (list.loading) return <LoadingSkeleton rows={4} cards={3} />;
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.items.length) {
    if (query)
      return (
        <EmptyState
          title={`没有找到「${query}」`}
          description="换个姓名或手机号试试。"
          actionText="清除搜索"
          onAction={onClearQuery}
        />
      );
    if (category)
      return (
        <EmptyState
          title={`没有标记为「${category}」的党员`}
          description="在党员的「编辑信息 → 更多信息」中可标记党员分类。"
          actionText="查看全部类别"
          onAction={onClearCategory}
        />
      );
    const byChip = chipEmpty(chip);
    if (byChip)
      return <EmptyState {...byChip} actionText="查看全部" onAction={onClearChip} className="e2e-roster-chip-empty" />;
    if (status === 'inactive')
      return <EmptyState title="没有已停用的党员" description="停用或转出的党员会显示在这里。" />;
    return onAdd ? (
      <EmptyState
        title="花名册还是空的"
        description="点「新增党员」逐个录入，或「下载模板」填好后「导入」。"
        actionText="新增党员"
        onAction={onAdd}
      />
    ) : (
      <EmptyState title="花名册还是空的" description="花名册由支部书记录入或导入，录入后会显示在这里。" />
    );
  }

  return (
    <View className="zb-roster__list e2e-roster-list">
      <Text className="zb-roster__count e2e-roster-count">{`共 ${list.total} 人`}</Text>
      <View className="zb-roster__rows">
        {list.items.map((m) => (
          <MemberRow key={m.id} member={m} onClick={() => onOpen(m.id)} />
        ))}
      </View>
      <LoadMoreFooter list={list} className="e2e-roster-more" />
    </View>
  );
}
