import { Image, Text, View } from '@tarojs/components';
import type { LectureListItem } from '@contracts';
import { formatClock, lectureTags, progressPercent } from '@/features/lectures/model/lectures';
import LectureBar from '@/features/lectures/components/LectureBar';
import StatusTag from '@/components/StatusTag';
import './index.scss';

/** One lecture or film in 学习: the whole cover (letterboxed, nothing over it) and its length, title, speaker, my progress and tags. */
export default function LectureCard({ item, onOpen }: { item: LectureListItem; onOpen: () => void }) {
  const percent = progressPercent(item.progress.coveredS, item.durationS);
  const tags = lectureTags(item);
  return (
    <View className="zb-lcard e2e-lecture-card" data-id={item.id} onClick={onOpen}>
      <View className="zb-lcard__side">
        <View className="zb-lcard__cover">
          {item.coverUrl ? (
            <Image className="zb-lcard__img" src={item.coverUrl} mode="aspectFit" lazyLoad />
          ) : (
            <View className="zb-lcard__img zb-lcard__img--blank">
              <Text>{item.kindLabel}</Text>
            </View>
          )}
        </View>
        <Text className="zb-lcard__duration">{`时长 ${formatClock(item.durationS)}`}</Text>
      </View>
      <View className="zb-lcard__main">
        <Text className="zb-lcard__title">{item.title}</Text>
        <Text className="zb-lcard__speaker">{`${item.kindLabel} · ${item.speaker}`}</Text>
        <View className="zb-lcard__progress">
          <LectureBar className="zb-lcard__bar" percent={percent} done={item.progress.completed} />
          <Text className="zb-lcard__percent">{`${percent}%`}</Text>
        </View>
        {tags.length ? (
          <View className="zb-lcard__tags">
            {tags.map((t) => (
              <StatusTag key={t.label} tone={t.tone} className={t.label === '已完成' ? 'e2e-lecture-card-done' : ''}>
                {t.label}
              </StatusTag>
            ))}
          </View>
        ) : null}
      </View>
    </View>
  );
}
