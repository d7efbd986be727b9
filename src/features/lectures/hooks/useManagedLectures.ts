import type { LectureManageItem } from '@contracts';
import { listManagedLectures, setLecturePublished } from '@/features/lectures/services/lecture';
import { confirmAction } from '@/utils/feedback';
import { useSubmit } from '@/hooks/useFormSubmit';
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
  const { busy: busyId, send } = useSubmit<string>();
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
    await send(item.id, () => setLecturePublished(item.id, published), {
      successText: published ? '已发布' : '已下架',
      onDone: () => {
        request.setData({
          items: (request.data?.items ?? []).map((l) => (l.id === item.id ? { ...l, published } : l)),
        });
        emit('lecturesChanged');
      },
    });
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
