import type { LectureDetail } from '@contracts';
import { getLecture } from '@/services/lecture';
import { useRequest } from './useRequest';

/** One lecture for the member: the video, summary, quiz (without answers) and their progress. */
export function useLectureDetail(id: string) {
  return useRequest<LectureDetail>(() => getLecture(id), [id]);
}
