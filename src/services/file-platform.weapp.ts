/** Files in WeChat: pick from a chat, upload to cloud storage, preview with openDocument. */
import Taro from '@tarojs/taro';
import type { FileLink } from '@contracts';
import { ApiRequestError, NETWORK_MESSAGE } from './errors';
import type { PickedFile, UploadFolder } from './file-types';
import { call } from './client';

const isCancel = (e: unknown) =>
  typeof e === 'object' && e !== null && String((e as { errMsg?: unknown }).errMsg ?? '').includes('cancel');

export async function pickExcel(): Promise<PickedFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv', 'xls'] });
    const f = res.tempFiles[0];
    return f ? { name: f.name, path: f.path } : null;
  } catch (e) {
    if (isCancel(e)) return null;
    throw new ApiRequestError('INTERNAL', '无法读取所选文件');
  }
}

/**
 * Uploads to cloud storage under `<folder>/<caller's openid>/`: the functions take imports only from
 * the caller's own `uploads/` and lecture media only from their own `media/` (see
 * cloudfunctions/_shared). The storage rules let every user read `media/`, and only its owner `uploads/`.
 */
export async function uploadFile(file: PickedFile, folder: UploadFolder = 'uploads'): Promise<string> {
  if (!('path' in file)) throw new ApiRequestError('INVALID_INPUT', '无法读取所选文件');
  const safeName = file.name.replace(/[^\w.\-\u4e00-\u9fa5]/g, '_');
  const { openid } = await call('identity', 'me');
  try {
    const res = await Taro.cloud.uploadFile({
      cloudPath: `${folder}/${openid}/${Date.now()}-${safeName}`,
      filePath: file.path,
    });
    return res.fileID;
  } catch {
    throw new ApiRequestError('NETWORK', NETWORK_MESSAGE);
  }
}

/**
 * Opens an export: downloaded from cloud storage by its fileID (a plain download of the temporary
 * URL would need the storage's domain in the app's downloadFile list), checked, then previewed.
 */
export async function openFileLink(link: FileLink): Promise<void> {
  let res: Taro.cloud.DownloadFileResult;
  try {
    res = await Taro.cloud.downloadFile({ fileID: link.fileID });
  } catch {
    throw new ApiRequestError('NETWORK', '文件下载失败，请检查网络后重试');
  }
  if (res.statusCode !== 200 || !res.tempFilePath)
    throw new ApiRequestError('INTERNAL', `文件下载失败（状态 ${res.statusCode}），请稍后重新导出`);
  try {
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
  } catch {
    throw new ApiRequestError('INTERNAL', '无法打开文件，请确认微信已更新到最新版本');
  }
}
