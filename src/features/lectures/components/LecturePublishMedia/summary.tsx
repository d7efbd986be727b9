import { Text, View } from '@tarojs/components';
import { formatDurationText, formatFileSize } from '@/features/lectures/model/lecture-admin';
import type { PickedMedia } from '@/features/lectures/services/media-upload';
import { MEDIA_TEXT } from './types';

/** What was chosen: the file's name, size and (a video) length; or what may be chosen. */
export function MediaSummary({
  kind,
  value,
  onClear,
}: {
  kind: PickedMedia['kind'];
  value: PickedMedia | null;
  onClear?: () => void;
}) {
  if (!value) return <Text className="zb-lmedia__empty">{MEDIA_TEXT[kind].empty}</Text>;
  const parts = [formatFileSize(value.size), value.durationS ? `时长 ${formatDurationText(value.durationS)}` : ''];
  return (
    <View className="zb-lmedia__chosen">
      <Text className="zb-lmedia__name e2e-lecture-media-name">{value.name}</Text>
      <Text className="zb-lmedia__meta">{parts.filter(Boolean).join(' · ')}</Text>
      {onClear ? (
        <Text className="zb-lmedia__clear" onClick={onClear}>
          移除
        </Text>
      ) : null}
    </View>
  );
}
