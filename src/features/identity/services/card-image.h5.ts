/** 身份卡 as a picture in the browser: painted on a detached <canvas>, downloaded as a PNG. */
import { ApiRequestError } from '@/services/errors';
import { paintCardImage, type CardImageLayout } from '../model/card-image';
import type { SaveCardResult } from './card-image-types';

/** Device pixels per layout unit: 1500 px wide, sharp on a phone and in print. */
const SCALE = 2;

export async function saveCardImage(layout: CardImageLayout): Promise<SaveCardResult> {
  const canvas = document.createElement('canvas');
  canvas.width = layout.width * SCALE;
  canvas.height = layout.height * SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ApiRequestError('INTERNAL', '浏览器无法生成图片');
  paintCardImage(ctx, layout, SCALE);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new ApiRequestError('INTERNAL', '浏览器无法生成图片');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = layout.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has taken the bytes once the click's task is done.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}
