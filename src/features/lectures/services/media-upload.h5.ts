/** Lecture media on the local host: a browser File, its length from a temporary <video>, POST /api/upload. */
import { wholeSeconds } from '@/features/lectures/model/lecture-admin';
import { ApiRequestError, NETWORK_MESSAGE } from '@/services/errors';
import { MAX_MEDIA_BYTES, type MediaKind, type PickedMedia } from './media-upload-types';
import { clearToken, ensureSession } from '@/services/session';
import { isEnvelope } from '@/services/transport-types';

/** H5 picks with an <input type="file"> (components/LecturePublishMedia). */
export function pickMedia(): Promise<PickedMedia | null> {
  return Promise.resolve(null);
}

/** The video's length from its metadata, or null when the browser cannot read it (in 5 s). */
function videoDuration(file: File): Promise<number | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const video = document.createElement('video');
    const done = (value: number | null) => {
      clearTimeout(timer);
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
      resolve(value);
    };
    const timer = setTimeout(() => done(null), 5000);
    video.preload = 'metadata';
    video.muted = true;
    video.onloadedmetadata = () => done(wholeSeconds(video.duration));
    video.onerror = () => done(null);
    video.src = url;
  });
}

const TYPES: Record<string, string> = { mp4: 'video/mp4', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** The content type the host accepts for this file (it takes video/mp4, image/jpeg and image/png). */
function contentType(file: File): string {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPES[ext] ?? (Object.values(TYPES).includes(file.type) ? file.type : '');
}

export async function mediaFromFile(file: File, kind: MediaKind): Promise<PickedMedia> {
  const type = contentType(file);
  if (kind === 'video' && type !== 'video/mp4') throw new ApiRequestError('INVALID_INPUT', '请选择 MP4 格式的视频');
  if (kind === 'image' && !type.startsWith('image/'))
    throw new ApiRequestError('INVALID_INPUT', '封面请选择 JPG 或 PNG 图片');
  if (file.size > MAX_MEDIA_BYTES) throw new ApiRequestError('INVALID_INPUT', '文件太大，最大 200 MB');
  return {
    kind,
    name: file.name,
    file,
    size: file.size,
    durationS: kind === 'video' ? await videoDuration(file) : null,
  };
}

async function post(file: File, token: string): Promise<Response> {
  try {
    return await fetch('/api/upload', {
      method: 'POST',
      headers: {
        'Content-Type': contentType(file) || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
        Authorization: `Bearer ${token}`,
      },
      body: file,
    });
  } catch {
    throw new ApiRequestError('NETWORK', NETWORK_MESSAGE);
  }
}

export async function uploadMedia(media: PickedMedia): Promise<string> {
  if (!('file' in media)) throw new ApiRequestError('INVALID_INPUT', '无法读取所选文件');
  let res = await post(media.file, await ensureSession());
  if (res.status === 401) {
    clearToken();
    res = await post(media.file, await ensureSession());
  }
  const json: unknown = await res.json().catch(() => null);
  if (!isEnvelope(json)) throw new ApiRequestError('NETWORK', '上传失败，请稍后重试');
  if (!json.ok) throw ApiRequestError.from(json.error);
  return (json.data as { fileID: string }).fileID;
}
