/** Lecture media in WeChat: chooseMedia, then cloud storage under media/<openid>/ (readable by members). */
import Taro from '@tarojs/taro';
import { ApiRequestError } from '@/services/errors';
import { uploadFile } from '@/services/file-platform';
import { MAX_MEDIA_BYTES, type MediaKind, type PickedMedia } from './media-upload-types';

const isCancel = (e: unknown) =>
  typeof e === 'object' && e !== null && String((e as { errMsg?: unknown }).errMsg ?? '').includes('cancel');

const baseName = (path: string) => path.split('/').pop() || 'media';

export async function pickMedia(kind: MediaKind): Promise<PickedMedia | null> {
  let res: Taro.chooseMedia.SuccessCallbackResult;
  try {
    res = await Taro.chooseMedia({
      count: 1,
      mediaType: [kind],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    });
  } catch (e) {
    if (isCancel(e)) return null;
    throw new ApiRequestError('INTERNAL', kind === 'video' ? '无法读取所选视频' : '无法读取所选图片');
  }
  const f = res.tempFiles[0];
  if (!f) return null;
  if (f.size > MAX_MEDIA_BYTES) throw new ApiRequestError('INVALID_INPUT', '文件太大，最大 200 MB');
  return {
    kind,
    name: baseName(f.tempFilePath),
    path: f.tempFilePath,
    size: f.size,
    durationS: kind === 'video' && f.duration > 0 ? Math.round(f.duration) : null,
  };
}

export function mediaFromFile(): Promise<PickedMedia> {
  return Promise.reject(new ApiRequestError('INTERNAL', '请从相册选择'));
}

export function uploadMedia(media: PickedMedia): Promise<string> {
  return uploadFile(media, 'media');
}
