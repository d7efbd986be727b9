/** Lectures' zod-free contract values (see labels/common.ts). */

export const LECTURE_KINDS = ['micro_lecture', 'film'] as const;
export type LectureKind = (typeof LECTURE_KINDS)[number];
export const LECTURE_KIND_LABELS: Record<LectureKind, string> = { micro_lecture: '微党课', film: '教育片' };
