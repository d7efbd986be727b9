import type { LectureDetail } from '@contracts';
import { getLecture } from '@/features/lectures/services/lecture';
import { heartbeatsSettled } from '@/features/lectures/services/progress-sync';
import { useRequest } from '@/hooks/useRequest';

/**
 * One lecture for the member: the video, summary, quiz (without answers) and their progress, asked
 * for once the heartbeats in flight have landed (reopening resumes where the last one left off).
 */
export function useLectureDetail(id: string) {
  return useRequest<LectureDetail>(async () => {
    await heartbeatsSettled();
    return getLecture(id);
  }, [id]);
}
