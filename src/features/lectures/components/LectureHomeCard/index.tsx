import { Text, View } from '@tarojs/components';
import { formatClock } from '@/features/lectures/model/lectures';
import { useLectureHome } from '@/features/lectures/hooks/useLectureList';
import './index.scss';

interface Props {
  onOpenStudy: () => void;
  onOpenLecture: (id: string) => void;
}

/** 首页's 学习进度: lectures completed out of those published to me, and the one to continue. */
export default function LectureHomeCard({ onOpenStudy, onOpenLecture }: Props) {
  const home = useLectureHome(true);
  const s = home.data;
  const next = s?.next ?? null;
  return (
    <View className="zb-lhome e2e-home-study">
      <View className="zb-lhome__head" onClick={onOpenStudy}>
        <View className="zb-lhome__main">
          <Text className="zb-lhome__caption">学习进度</Text>
          {s ? (
            <View className="zb-lhome__row">
              <Text className="zb-lhome__figure e2e-home-study-completed">{s.completed}</Text>
              <Text className="zb-lhome__unit">{`/ ${s.total} 门已完成`}</Text>
            </View>
          ) : (
            <Text className="zb-lhome__hint">
              {home.loading ? '加载中…' : home.error ? '暂时没能加载，点此去学习' : ''}
            </Text>
          )}
        </View>
        <Text className="zb-lhome__link">去学习 ›</Text>
      </View>
      {next ? (
        <View className="zb-lhome__next e2e-home-continue" onClick={() => onOpenLecture(next.id)}>
          <View className="zb-lhome__next-main">
            <Text className="zb-lhome__next-title">{next.title}</Text>
            <Text className="zb-lhome__next-at">
              {`看到 ${formatClock(next.progress.position)} / ${formatClock(next.durationS)}`}
            </Text>
          </View>
          <Text className="zb-lhome__next-action">继续观看</Text>
        </View>
      ) : null}
    </View>
  );
}
