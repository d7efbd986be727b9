import { Text, View } from '@tarojs/components';
import { errorMessage } from '@/services/client';
import './index.scss';

interface Props {
  list: { loadingMore: boolean; moreError: unknown; hasMore: boolean; loadMore: () => Promise<void> };
  className?: string;
}

/** The foot of a paged list (usePagedList): loads the next page on a tap, and says when all is shown. */
export default function LoadMoreFooter({ list, className }: Props) {
  const text = list.moreError
    ? `${errorMessage(list.moreError)}，点此重试`
    : list.loadingMore
      ? '加载中…'
      : list.hasMore
        ? '上拉或点此加载更多'
        : '已显示全部';
  return (
    <View className={`zb-load-more ${className ?? ''}`} onClick={() => void list.loadMore()}>
      <Text>{text}</Text>
    </View>
  );
}
