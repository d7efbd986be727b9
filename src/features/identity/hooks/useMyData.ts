import { useState } from 'react';
import { openFileLink } from '@/services/file-platform';
import { exportMyData, getMyData } from '@/features/identity/services/identity';
import { toastError } from '@/utils/feedback';
import { useRequest } from '@/hooks/useRequest';

/** 我的数据: everything held about the caller, and its Excel download (opened in WeChat, downloaded in H5). */
export function useMyData() {
  const data = useRequest(getMyData, []);
  const [exporting, setExporting] = useState(false);
  const download = async () => {
    setExporting(true);
    try {
      await openFileLink(await exportMyData());
    } catch (e) {
      toastError(e);
    } finally {
      setExporting(false);
    }
  };
  return { data, exporting, download };
}
