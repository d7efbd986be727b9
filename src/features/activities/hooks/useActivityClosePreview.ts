import { useEffect } from 'react';
import type { ActionOutput } from '@contracts';
import { previewCloseActivity } from '@/features/activities/services/activity';
import { useRequest } from '@/hooks/useRequest';

export type ClosePreviewData = ActionOutput<'activity', 'closePreview'>;

/**
 * What closing would do, asked of the server each time the dialog opens (the absent count is the
 * close's own, organisers and approved leave taken into account; refused before the start).
 */
export function useActivityClosePreview(id: string, visible: boolean) {
  const request = useRequest(() => previewCloseActivity(id), [id], { manual: true });
  const { reload, setData } = request;
  useEffect(() => {
    if (!visible) return;
    setData(undefined);
    void reload();
  }, [visible, reload, setData]);
  return request;
}

/** The dialog's warning: how many will be marked absent, and whether that costs points. */
export function closePreviewText(preview: ClosePreviewData): string {
  if (!preview.canClose) return preview.reason ?? '现在不能结束活动';
  const absent =
    preview.absent > 0
      ? `结束后将有 ${preview.absent} 人记为缺席${preview.deducts ? '并扣分' : '（志愿服务不扣分）'}。`
      : '应到人员都已签到、请假或免参加，结束后没有人记为缺席。';
  const hosts = preview.organisers.length ? `组织者${preview.organisers.join('、')}记为出席。` : '';
  return `${absent}${hosts}结束后仍可补签，补签会退回扣分。`;
}
