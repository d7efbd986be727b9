import { useState } from 'react';
import type { LectureManageItem } from '@contracts';
import { listManagedLectures, setLecturePublished } from '@/features/lectures/services/lecture';
import { confirmAction, toastError, toastSuccess } from '@/utils/feedback';
import { useRequest } from '@/hooks/useRequest';
import { emit, useEvent } from '@/utils/events';

/**
 * The lectures the caller manages as seen from `orgId` (published to it, its committee or below it),
 * newest first, published or not; `toggle` publishes or (after a confirmation) unpublishes one.
 */
export function useManagedLectures(orgId: string) {
  const request = useRequest(
    () => (orgId ? listManagedLectures(orgId) : Promise.resolve({ items: [] as LectureManageItem[] })),
    [orgId],
  );
  const [busyId, setBusyId] = useState('');
  useEvent('lecturesChanged', () => void request.reload());

  const toggle = async (item: LectureManageItem, published: boolean) => {
    if (!item.canManage || busyId) return;
    if (!published) {
      const ok = await confirmAction({
        title: '下架课程',
        content: `下架后党员在「学习」中看不到「${item.title}」，已有的学习记录和积分保留。确定下架？`,
        confirmText: '下架',
      });
      if (!ok) return;
    }
    setBusyId(item.id);
    try {
      await setLecturePublished(item.id, published);
      request.setData({
        items: (request.data?.items ?? []).map((l) => (l.id === item.id ? { ...l, published } : l)),
      });
      toastSuccess(published ? '已发布' : '已下架');
      emit('lecturesChanged');
    } catch (e) {
      toastError(e);
    } finally {
      setBusyId('');
    }
  };

  return {
    items: request.data?.items ?? [],
    loaded: !!request.data,
    loading: request.loading,
    error: request.error,
    reload: request.reload,
    busyId,
    toggle,
  };
}

export type ManagedLecturesState = ReturnType<typeof useManagedLectures>;
