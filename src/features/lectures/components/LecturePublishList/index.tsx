import { Image, Text, View } from '@tarojs/components';
import Switch from '@/components/Switch';
import { formatDate } from '@/utils/dates';
import { LECTURE_KIND_LABELS, manageLine } from '@/features/lectures/model/lecture-admin';
import { LOCKED_TAG, lockedNote } from '@/features/lectures/model/lecture-manage-list';
import type { ManagedLecturesState } from '@/features/lectures/hooks/useManagedLectures';
import { go, ROUTES } from '@/utils/routes';
import StatusTag from '@/components/StatusTag';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import './index.scss';

interface Props {
  lectures: ManagedLecturesState;
  onCreate: () => void;
}

/**
 * The lectures the caller manages, each with its cover: 已发布/已下架 with a switch (grey and locked when
 * published beyond their scope, which a note above the list explains once).
 */
export default function LecturePublishList({ lectures, onCreate }: Props) {
  if (lectures.error && !lectures.loaded) return <ErrorState error={lectures.error} onRetry={lectures.reload} />;
  if (!lectures.loaded) return <LoadingSkeleton rows={3} cards={3} />;
  if (!lectures.items.length)
    return (
      <EmptyState
        title="还没有课程"
        description="上传一段微党课或教育片视频，党员就能在「学习」中观看，学完自动记积分。"
        actionText="发布新课程"
        onAction={onCreate}
      />
    );
  const note = lockedNote(lectures.items);
  return (
    <View className="zb-lmanage e2e-lecture-manage">
      {note ? <Text className="zb-lmanage__note e2e-lecture-manage-locked">{note}</Text> : null}
      {lectures.items.map((item) => (
        <View
          key={item.id}
          className={`zb-lmanage__item ${item.published ? '' : 'zb-lmanage__item--off'} e2e-lecture-manage-row`}
          data-lecture={item.id}
        >
          <View className="zb-lmanage__cover e2e-lecture-manage-cover">
            {item.coverUrl ? (
              <Image className="zb-lmanage__img" src={item.coverUrl} mode="aspectFill" lazyLoad />
            ) : (
              <View className="zb-lmanage__img zb-lmanage__img--blank e2e-lecture-manage-cover-blank">
                <Text>{LECTURE_KIND_LABELS[item.kind]}</Text>
              </View>
            )}
          </View>
          <View className="zb-lmanage__main">
            <Text className="zb-lmanage__title">{item.title}</Text>
            <Text className="zb-lmanage__line">{manageLine(item)}</Text>
            <Text className="zb-lmanage__line">{`发布于 ${formatDate(item.createdAt)}`}</Text>
            <Text className="zb-lmanage__link" onClick={() => go(ROUTES.lectureStats(item.id))}>
              学习统计 ›
            </Text>
          </View>
          <View className="zb-lmanage__side">
            <StatusTag tone={item.published ? 'success' : 'muted'} className="e2e-lecture-manage-state">
              {item.published ? '已发布' : '已下架'}
            </StatusTag>
            {item.canManage ? null : <StatusTag tone="muted">{LOCKED_TAG}</StatusTag>}
            <Switch
              className="zb-lmanage__switch e2e-lecture-publish-switch"
              checked={item.published}
              disabled={!item.canManage || lectures.busyId === item.id}
              onChange={(on: boolean) => void lectures.toggle(item, on)}
            />
          </View>
        </View>
      ))}
    </View>
  );
}
