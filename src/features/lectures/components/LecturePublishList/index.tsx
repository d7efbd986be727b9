import { Text, View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import { formatDate } from '@/utils/dates';
import { manageLine } from '@/features/lectures/model/lecture-admin';
import type { ManagedLecturesState } from '@/features/lectures/hooks/useManagedLectures';
import { go, ROUTES } from '@/utils/routes';
import StatusTag from '@/components/StatusTag';
import { EmptyState, ErrorState, LoadingSkeleton } from '@/components/StateViews';
import './index.scss';

interface Props {
  lectures: ManagedLecturesState;
  onCreate: () => void;
}

/** The lectures the caller manages: 已发布/已下架 with a switch (locked when published beyond their scope). */
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
  return (
    <View className="zb-lmanage e2e-lecture-manage">
      {lectures.items.map((item) => (
        <View
          key={item.id}
          className={`zb-lmanage__item ${item.published ? '' : 'zb-lmanage__item--off'} e2e-lecture-manage-row`}
          data-lecture={item.id}
        >
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
            <Switch
              className="e2e-lecture-publish-switch"
              checked={item.published}
              disabled={!item.canManage || lectures.busyId === item.id}
              onChange={(on: boolean) => void lectures.toggle(item, on)}
            />
          </View>
          {item.canManage ? null : (
            <Text className="zb-lmanage__locked">发布到了您管理范围以外的组织，由上级管理员发布或下架。</Text>
          )}
        </View>
      ))}
    </View>
  );
}
