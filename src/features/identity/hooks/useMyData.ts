import { openFileLink } from '@/services/file-platform';
import { exportMyData, getMyData } from '@/features/identity/services/identity';
import { useSubmit } from '@/hooks/useFormSubmit';
import { useRequest } from '@/hooks/useRequest';

/** 我的数据: everything held about the caller, and its Excel download (opened in WeChat, downloaded in H5). */
export function useMyData() {
  const data = useRequest(getMyData, []);
  const { busy, send } = useSubmit<'export'>();
  const download = async () => {
    await send('export', async () => openFileLink(await exportMyData()));
  };
  return { data, exporting: busy !== '', download };
}
