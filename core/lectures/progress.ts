import type { LectureDoc, ProgressDoc } from './documents';

/** A member has done a lecture when they watched it through and passed its quiz, if it has one. */
export const isDone = (lecture: LectureDoc, progress: ProgressDoc | null): boolean =>
  Boolean(progress?.state.completedAt) && (!lecture.quiz || Boolean(progress?.quiz?.passed));
