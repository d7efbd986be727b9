import type { LectureDetail } from '@contracts';
import { getLecture } from '@/features/lectures/services/lecture';
import { useRequest } from '@/hooks/useRequest';

/** One lecture for the member: the video, summary, quiz (without answers) and their progress. */
export function useLectureDetail(id: string) {
  return useRequest<LectureDetail>(() => getLecture(id), [id]);
}
