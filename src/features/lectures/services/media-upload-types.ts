import type { PickedFile } from '@/services/file-types';

export type MediaKind = 'video' | 'image';

/** A lecture's video or cover the user chose: the file, its size and (videos) its length when known. */
export type PickedMedia = PickedFile & {
  kind: MediaKind;
  size: number;
  /** Whole seconds, read from the video's metadata; null when unknown (an image, or unreadable). */
  durationS: number | null;
};

/** The largest upload the local host and the form accept (cloud storage takes more). */
export const MAX_MEDIA_BYTES = 200 * 1024 * 1024;
