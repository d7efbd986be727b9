/**
 * Platform switch for files (see transport.ts): the build picks `file-platform.weapp.ts` or
 * `file-platform.h5.ts`. This file is what TypeScript sees.
 */
import type { FileLink } from '@contracts';
import { ApiRequestError } from './errors';

import type { PickedFile, UploadFolder } from './file-types';

const unsupported = () => Promise.reject(new ApiRequestError('INTERNAL', '当前平台暂不支持文件操作'));

/** Picks an .xlsx from a chat (weapp). On h5 the page renders a file input instead. */
export const pickExcel = (): Promise<PickedFile | null> => unsupported();
/** Uploads a picked file and returns the fileID the functions can read. */
export const uploadFile = (_file: PickedFile, _folder?: UploadFolder): Promise<string> => unsupported();
/** Opens (weapp: preview with share menu) or downloads (h5) a file a function produced. */
export const openFileLink = (_link: FileLink): Promise<void> => unsupported();
