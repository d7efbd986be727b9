import type { MediaKind, PickedMedia } from '@/features/lectures/services/media-upload';

export interface LecturePublishMediaProps {
  kind: MediaKind;
  value: PickedMedia | null;
  /** Called with the chosen file (never on cancel). */
  onPick: (media: PickedMedia) => void;
  /** Offers 移除 (the optional cover). */
  onClear?: () => void;
  disabled?: boolean;
  /** e2e hook on the button; the H5 file input gets `<className>-input`. */
  className: string;
}

export const MEDIA_TEXT = {
  video: { choose: '选择视频', change: '更换视频', empty: '支持 MP4，最大 200 MB' },
  image: { choose: '选择封面', change: '更换封面', empty: 'JPG 或 PNG；不选则显示默认封面' },
} as const;
