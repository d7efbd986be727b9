import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useRef, useState, type ChangeEvent } from 'react';
import { mediaFromFile } from '@/features/lectures/services/media-upload';
import { toastError } from '@/utils/feedback';
import { MediaSummary } from './summary';
import { MEDIA_TEXT, type LecturePublishMediaProps } from './types';
import './index.scss';

const ACCEPT = { video: 'video/mp4,.mp4', image: 'image/jpeg,image/png,.jpg,.jpeg,.png' } as const;

/** H5: a button that opens a hidden <input type="file">; a video's length is read from its metadata. */
export default function LecturePublishMedia({
  kind,
  value,
  onPick,
  onClear,
  disabled,
  className,
}: LecturePublishMediaProps) {
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);
  const changed = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setReading(true);
    try {
      onPick(await mediaFromFile(file, kind));
    } catch (err) {
      toastError(err);
    } finally {
      setReading(false);
    }
  };
  return (
    <View className="zb-lmedia">
      <MediaSummary kind={kind} value={value} onClear={onClear} />
      <Button
        size="small"
        fill="outline"
        type="primary"
        disabled={disabled}
        loading={reading}
        className={className}
        onClick={() => input.current?.click()}
      >
        {value ? MEDIA_TEXT[kind].change : MEDIA_TEXT[kind].choose}
      </Button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT[kind]}
        className={`${className}-input`}
        style={{ display: 'none' }}
        onChange={(e) => void changed(e)}
      />
    </View>
  );
}
