import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { pickMedia } from '@/features/lectures/services/media-upload';
import { toastError } from '@/utils/feedback';
import { MediaSummary } from './summary';
import { MEDIA_TEXT, type LecturePublishMediaProps } from './types';
import './index.scss';

/** WeChat: a video or image from the album or camera (chooseMedia). H5 has its own file input (index.h5.tsx). */
export default function LecturePublishMedia({
  kind,
  value,
  onPick,
  onClear,
  disabled,
  className,
}: LecturePublishMediaProps) {
  const choose = async () => {
    try {
      const media = await pickMedia(kind);
      if (media) onPick(media);
    } catch (e) {
      toastError(e);
    }
  };
  return (
    <View className="zb-lmedia">
      <MediaSummary kind={kind} value={value} onClear={onClear} />
      <Button size="small" fill="outline" type="primary" disabled={disabled} className={className} onClick={choose}>
        {value ? MEDIA_TEXT[kind].change : MEDIA_TEXT[kind].choose}
      </Button>
    </View>
  );
}
