/**
 * Platform switch for lecture media (see transport.ts): the build picks `media-upload.weapp.ts`
 * (chooseMedia, cloud storage) or `media-upload.h5.ts` (a file input, POST /api/upload).
 * This file is what TypeScript sees.
 */
import { ApiRequestError } from '@/services/errors';
import type { MediaKind, PickedMedia } from './media-upload-types';

export type { MediaKind, PickedMedia } from './media-upload-types';

const unsupported = () => Promise.reject(new ApiRequestError('INTERNAL', '当前平台暂不支持上传视频'));

/** weapp: choose a video or an image from the album or camera; null when cancelled. H5 renders a file input. */
export const pickMedia = (_kind: MediaKind): Promise<PickedMedia | null> => unsupported();
/** H5: a browser File as picked media (a video's length read from its metadata). */
export const mediaFromFile = (_file: File, _kind: MediaKind): Promise<PickedMedia> => unsupported();
/** Uploads the file and returns the fileID `lecture.create` takes. */
export const uploadMedia = (_media: PickedMedia): Promise<string> => unsupported();
