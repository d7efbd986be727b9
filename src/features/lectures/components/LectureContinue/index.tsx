import { Image, ScrollView, Text, View } from '@tarojs/components';
import type { LectureListItem } from '@contracts';
import { formatClock, progressPercent } from '@/features/lectures/model/lectures';
import LectureBar from '@/features/lectures/components/LectureBar';
import './index.scss';

interface Props {
  items: LectureListItem[];
  onOpen: (id: string) => void;
}

/**
 * 继续观看: lectures started and not finished, most recent first. One fills the width; several
 * form a horizontal row, each card nearly the width so the next one peeks in.
 */
export default function LectureContinue({ items, onOpen }: Props) {
  if (!items.length) return null;
  const single = items.length === 1;
  return (
    <View className="zb-lcont e2e-continue">
      <Text className="zb-lcont__caption">继续观看</Text>
      <ScrollView className="zb-lcont__row" scrollX={!single} enhanced showScrollbar={false}>
        {items.map((item) => (
          <View
            key={item.id}
            className={`zb-lcont__item ${single ? 'zb-lcont__item--single' : ''} e2e-continue-item`}
            data-id={item.id}
            onClick={() => onOpen(item.id)}
          >
            {item.coverUrl ? (
              <View className="zb-lcont__cover">
                <Image className="zb-lcont__img" src={item.coverUrl} mode="aspectFit" lazyLoad />
              </View>
            ) : null}
            <View className="zb-lcont__main">
              <Text className="zb-lcont__title">{item.title}</Text>
              <Text className="zb-lcont__at e2e-continue-at">
                {`看到 ${formatClock(item.progress.position)} / ${formatClock(item.durationS)}`}
              </Text>
              <LectureBar percent={progressPercent(item.progress.coveredS, item.durationS)} />
            </View>
          </View>
        ))}
      </ScrollView>
    </View>
  );
}
