/** Files on the local host: upload raw bytes to /api/upload; download by following the link. */
import type { FileLink } from '@contracts';
import { ApiRequestError, NETWORK_MESSAGE } from './errors';
import type { PickedFile } from './file-types';
import { clearToken, ensureSession } from './session';
import { isEnvelope } from './transport-types';

/** H5 picks files with an <input type="file"> (see components/ExcelPicker). */
export function pickExcel(): Promise<PickedFile | null> {
  return Promise.resolve(null);
}

async function postFile(file: File, token: string): Promise<Response> {
  try {
    return await fetch('/api/upload', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
        Authorization: `Bearer ${token}`,
      },
      body: file,
    });
  } catch {
    throw new ApiRequestError('NETWORK', NETWORK_MESSAGE);
  }
}

export async function uploadFile(picked: PickedFile): Promise<string> {
  if (!('file' in picked)) throw new ApiRequestError('INVALID_INPUT', '无法读取所选文件');
  let res = await postFile(picked.file, await ensureSession());
  if (res.status === 401) {
    clearToken();
    res = await postFile(picked.file, await ensureSession());
  }
  const json: unknown = await res.json().catch(() => null);
  if (!isEnvelope(json)) throw new ApiRequestError('NETWORK', '上传失败，请稍后重试');
  if (!json.ok) throw ApiRequestError.from(json.error);
  return (json.data as { fileID: string }).fileID;
}

export function openFileLink(link: FileLink): Promise<void> {
  const a = document.createElement('a');
  a.href = link.url;
  a.download = link.name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return Promise.resolve();
}
