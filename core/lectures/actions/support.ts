import { isDone } from '../progress';
import { LECTURE_KIND_LABELS, type LectureListItem, type LectureProgressView } from '../../../contracts/lecture';
import { emptyProgress, maxSeekable, resumePosition } from '../coverage';
import type { LectureDoc, ProgressDoc } from '../documents';
import type { MemberDoc } from '../../roster';
import type { HandlerContext } from '../../runtime/context';
import { AppError, notFound } from '../../runtime/errors';
import { requireOpenid } from '../../shared/caller';
import { boundMember, lectureSnapshot } from '../../shared/snapshots';

/** Whether a lecture is (or was, if unpublished since) meant for a member: their committee, branch or group. */
export const publishedTo = (lecture: LectureDoc, member: MemberDoc): boolean =>
  lecture.orgIds.some((id) => id === member.committeeId || id === member.branchId || id === member.groupId);

/** Whether a lecture reaches a member: published, to their committee, branch or group. */
export const reaches = (lecture: LectureDoc, member: MemberDoc): boolean =>
  lecture.published && publishedTo(lecture, member);

export async function requireMember(ctx: HandlerContext): Promise<MemberDoc> {
  const member = await boundMember(ctx, requireOpenid(ctx));
  if (!member) throw new AppError('NOT_MEMBER', '请先亮身份，再学习微党课');
  return member;
}

/** A lecture the member may watch; NOT_FOUND otherwise (an unpublished one included). */
export async function watchableLecture(ctx: HandlerContext, id: string, member: MemberDoc): Promise<LectureDoc> {
  const lecture = await lectureSnapshot(ctx, id);
  if (!lecture || !reaches(lecture, member)) throw notFound('课程');
  return lecture;
}

/** Done: watched to 90 %, and the quiz passed when there is one. */

export function progressView(lecture: LectureDoc, progress: ProgressDoc | null): LectureProgressView {
  const state = progress?.state ?? emptyProgress();
  return {
    coveredS: state.coveredS,
    completed: isDone(lecture, progress),
    position: resumePosition(state, lecture.durationS),
    maxSeekable: maxSeekable(state, lecture.durationS),
    quizPassed: lecture.quiz ? Boolean(progress?.quiz?.passed) : null,
    points: progress?.points ?? null,
  };
}

export function toListItem(lecture: LectureDoc, progress: ProgressDoc | null): LectureListItem {
  return {
    id: lecture._id,
    title: lecture.title,
    speaker: lecture.speaker,
    kind: lecture.kind,
    kindLabel: LECTURE_KIND_LABELS[lecture.kind],
    durationS: lecture.durationS,
    coverUrl: lecture.coverSrc,
    tags: lecture.tags,
    hasQuiz: Boolean(lecture.quiz),
    progress: progressView(lecture, progress),
    watchedAt: progress?.watchedAt ?? null,
  };
}
