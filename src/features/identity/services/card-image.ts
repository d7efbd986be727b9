/**
 * Platform switch (see services/transport.ts): the build picks `card-image.weapp.ts` (paint on the
 * page's canvas, save to the album) or `card-image.h5.ts` (download a PNG). This file is what
 * TypeScript sees.
 */
import { ApiRequestError } from '@/services/errors';
import type { CardImageLayout } from '../model/card-image';
import type { SaveCardResult } from './card-image-types';

/** Paints `layout` and saves it: to the album in WeChat, as a download in H5. */
export const saveCardImage = (_layout: CardImageLayout): Promise<SaveCardResult> =>
  Promise.reject(new ApiRequestError('INTERNAL', '当前平台暂不支持保存图片'));
